import type { TCompetence } from '@dlclass/contracts';
import { foldForMatching, type TQuizQuestionContent, ZQuizBank } from './schema';
import { SEANCE_1 } from './seance-1';

/**
 * A teacher's own QCM, written in Markdown:
 *
 * ```markdown
 * ## Qu'est-ce qu'une époque ?
 *
 * - [ ] Une couche du réseau
 *   > Non : les couches forment l'architecture.
 * - [x] Un passage complet sur les données d'entraînement
 * - [ ] Le temps que dure l'entraînement
 *
 * Une époque est un passage complet du réseau sur toutes les données d'entraînement.
 * ```
 *
 * - A heading (`#`, `##` or `###`) starts a question; text lines right under it, before the options,
 *   continue the question.
 * - Each option is a task-list item on one line: `- [ ] wrong`, `- [x] right`. Several `[x]` make a
 *   multiple-answer question (checkboxes); one makes a single-answer question.
 * - Lines starting with `>` right under an option (indented or not) explain that option.
 * - The text after the options is the question's explanation, shown for the options without their own.
 * - An option without any explanation gets a generic one ("Bonne réponse." / "Mauvaise réponse.").
 *
 * Errors carry the 1-based line they are about, in French, all of them at once.
 */

/** The size of the whole text is the API's limit (QUIZ_MARKDOWN_MAX_BYTES in @dlclass/contracts). */
export const QUIZ_MARKDOWN_LIMITS = {
  questions: 100,
  options: 8,
  promptChars: 500,
  optionChars: 300,
  explanationChars: 1_000,
} as const;

export interface TQuizMarkdownError {
  line: number;
  message: string;
}

export type TQuizMarkdownResult = { questions: TQuizQuestionContent[] } | { errors: TQuizMarkdownError[] };

/** Imported questions assess what the lesson's QCM assesses. */
const QUIZ_COMPETENCES: TCompetence[] = SEANCE_1.phases
  .flatMap((phase) => phase.activities)
  .filter((activity) => activity.kind === 'quiz')
  .flatMap((activity) => activity.competences);
const IMPORTED_TOPIC = 'import';
const DEFAULT_EXPLANATION = { right: 'Bonne réponse.', wrong: 'Mauvaise réponse.' };

const HEADING = /^\s{0,3}(#+)\s*(.*?)(?:\s+#+)?\s*$/;
const OPTION = /^\s{0,3}[-*+]\s+\[([ xX])\]\s*(.*?)\s*$/;
const LIST_ITEM = /^\s{0,3}[-*+]\s/;
const QUOTE = /^\s*>\s?(.*?)\s*$/;

interface DraftOption {
  line: number;
  text: string;
  correct: boolean;
  explanation: string[];
}

interface DraftQuestion {
  line: number;
  prompt: string[];
  options: DraftOption[];
  explanation: string[];
  /** Line of the first line of the general explanation (for its length error). */
  explanationLine: number;
}

export function parseQuizMarkdown(markdown: string): TQuizMarkdownResult {
  const errors: TQuizMarkdownError[] = [];
  const fail = (line: number, message: string) =>
    errors.push({ line, message: `Ligne ${line} : ${message}` });
  const drafts: DraftQuestion[] = [];
  let current: DraftQuestion | null = null;
  // The option whose explanation a `>` line continues; none once anything else came after it.
  let explained: DraftOption | null = null;

  markdown.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') {
      explained = null;
      return;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      explained = null;
      // Read as a question all the same, so that its options are not reported as stray.
      if ((heading[1] ?? '').length > 3) {
        fail(line, 'une question commence par un titre #, ## ou ### (pas plus de trois #)');
      }
      current = {
        line,
        prompt: heading[2] ? [heading[2]] : [],
        options: [],
        explanation: [],
        explanationLine: 0,
      };
      drafts.push(current);
      return;
    }
    const option = OPTION.exec(raw);
    const quote = QUOTE.exec(raw);
    if (!current) {
      fail(
        line,
        option
          ? 'cette option est en dehors d’une question : écrivez d’abord la question sous forme de titre (## Ma question ?)'
          : 'ce texte est en dehors d’une question : chaque question commence par un titre (## Ma question ?)',
      );
      return;
    }
    if (option) {
      if (current.explanation.length > 0) {
        fail(line, 'les options doivent toutes précéder l’explication de la question');
      }
      explained = { line, text: option[2] ?? '', correct: option[1] !== ' ', explanation: [] };
      current.options.push(explained);
      return;
    }
    if (LIST_ITEM.test(raw)) {
      fail(line, 'une option s’écrit « - [ ] texte » (mauvaise réponse) ou « - [x] texte » (bonne réponse)');
      return;
    }
    if (quote) {
      if (explained) explained.explanation.push(quote[1] ?? '');
      else fail(line, 'une explication « > » se place juste sous son option, sans ligne vide');
      return;
    }
    const text = raw.trim();
    if (current.options.length === 0) {
      current.prompt.push(text);
    } else {
      if (current.explanation.length === 0) current.explanationLine = line;
      current.explanation.push(text);
    }
    explained = null;
  });

  if (drafts.length === 0 && errors.length === 0) {
    fail(1, 'aucune question : commencez chaque question par un titre (## Ma question ?)');
  }
  if (drafts.length > QUIZ_MARKDOWN_LIMITS.questions) {
    const first = drafts[QUIZ_MARKDOWN_LIMITS.questions];
    fail(first?.line ?? 1, `au plus ${QUIZ_MARKDOWN_LIMITS.questions} questions par QCM (${drafts.length})`);
  }
  const seen = new Map<string, number>();
  for (const draft of drafts) checkDraft(draft, seen, fail);
  if (errors.length > 0) return { errors: sorted(errors) };

  // The checks above cover the schema's rules: a question it rejects is this parser's bug (a 500).
  return { questions: ZQuizBank.parse(drafts.map(toQuestion)) };
}

function checkDraft(
  draft: DraftQuestion,
  seen: Map<string, number>,
  fail: (line: number, message: string) => void,
): void {
  const limits = QUIZ_MARKDOWN_LIMITS;
  const prompt = draft.prompt.join(' ');
  if (prompt === '') fail(draft.line, 'la question est vide : écrivez son texte après le #');
  else if (prompt.length > limits.promptChars) {
    fail(draft.line, `la question dépasse ${limits.promptChars} caractères (${prompt.length})`);
  } else {
    const key = foldForMatching(prompt).replace(/\s+/g, ' ');
    const before = seen.get(key);
    if (before !== undefined) fail(draft.line, `cette question est déjà posée ligne ${before}`);
    else seen.set(key, draft.line);
  }

  const { options } = draft;
  if (options.length === 0) {
    fail(draft.line, 'la question n’a aucune option : ajoutez des lignes « - [ ] … » et « - [x] … »');
    return;
  }
  if (options.length < 2) fail(draft.line, 'la question n’a qu’une option : il en faut au moins 2');
  if (options.length > limits.options) {
    fail(draft.line, `la question a ${options.length} options : ${limits.options} au plus`);
  }
  const right = options.filter((option) => option.correct).length;
  if (right === 0) fail(draft.line, 'aucune bonne réponse : cochez-en au moins une avec « - [x] »');
  else if (right === options.length && options.length >= 2) {
    fail(draft.line, 'toutes les options sont cochées : laissez au moins une mauvaise réponse');
  }
  const texts = new Map<string, number>();
  for (const option of options) {
    if (option.text === '') fail(option.line, 'option vide : écrivez son texte après [ ] ou [x]');
    else if (option.text.length > limits.optionChars) {
      fail(option.line, `l’option dépasse ${limits.optionChars} caractères (${option.text.length})`);
    }
    const key = foldForMatching(option.text);
    const before = texts.get(key);
    if (option.text !== '' && before !== undefined) fail(option.line, `même option que ligne ${before}`);
    else texts.set(key, option.line);
    const explanation = option.explanation.join(' ');
    if (explanation.length > limits.explanationChars) {
      fail(option.line, `l’explication de l’option dépasse ${limits.explanationChars} caractères`);
    }
  }
  const explanation = draft.explanation.join(' ');
  if (explanation.length > limits.explanationChars) {
    fail(
      draft.explanationLine,
      `l’explication de la question dépasse ${limits.explanationChars} caractères (${explanation.length})`,
    );
  }
}

function toQuestion(draft: DraftQuestion, index: number): TQuizQuestionContent {
  const prompt = draft.prompt.join(' ');
  const general = draft.explanation.join(' ');
  return {
    id: `${index + 1}-${slug(prompt)}`.replace(/-$/, ''),
    prompt,
    multiple: draft.options.filter((option) => option.correct).length > 1,
    topic: IMPORTED_TOPIC,
    competences: QUIZ_COMPETENCES,
    options: draft.options.map((option, o) => ({
      id: String.fromCharCode(97 + o),
      text: option.text,
      correct: option.correct,
      explanation:
        option.explanation.join(' ').trim() ||
        general ||
        (option.correct ? DEFAULT_EXPLANATION.right : DEFAULT_EXPLANATION.wrong),
    })),
  };
}

/** A short URL-safe form of the text: its first words, folded. */
function slug(text: string): string {
  return foldForMatching(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function sorted(errors: TQuizMarkdownError[]): TQuizMarkdownError[] {
  return [...errors].sort((a, b) => a.line - b.line);
}
