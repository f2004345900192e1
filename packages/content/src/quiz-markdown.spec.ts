import { parseQuizMarkdown, QUIZ_MARKDOWN_LIMITS, type TQuizMarkdownResult } from './quiz-markdown';

const VALID = `## Qu'est-ce qu'une époque ?

- [ ] Une couche du réseau
  > Non : les couches forment l'architecture.
  > Elles ne se répètent pas dans le temps.
- [x] Un passage complet sur les données d'entraînement
- [ ] Le temps que dure l'entraînement

Une époque est un passage complet du réseau sur toutes les données.

# Quels éléments
composent un neurone ?
- [x] Des poids
- [x] Un biais
- [ ] Un jeu de données
> Les données entrent dans le réseau, elles n'appartiennent pas au neurone.

### Le C# est-il un langage ?
- [x] Oui
- [ ] Non
`;

function errorsOf(result: TQuizMarkdownResult) {
  if (!('errors' in result)) throw new Error(`expected errors, got ${JSON.stringify(result)}`);
  return result.errors;
}

function questionsOf(result: TQuizMarkdownResult) {
  if (!('questions' in result)) throw new Error(`expected questions, got ${JSON.stringify(result.errors)}`);
  return result.questions;
}

/** A well-formed question to surround the one under test. */
const ok = (prompt: string) => `## ${prompt}\n- [x] Oui\n- [ ] Non\n`;

describe('parseQuizMarkdown', () => {
  it('reads single and multiple-answer questions with their option and general explanations', () => {
    const [epoch, neuron, language, ...rest] = questionsOf(parseQuizMarkdown(VALID));
    expect(rest).toEqual([]);
    expect(epoch).toEqual({
      id: '1-qu-est-ce-qu-une-epoque',
      prompt: "Qu'est-ce qu'une époque ?",
      multiple: false,
      topic: 'import',
      competences: ['B3.2'],
      options: [
        {
          id: 'a',
          text: 'Une couche du réseau',
          correct: false,
          explanation: "Non : les couches forment l'architecture. Elles ne se répètent pas dans le temps.",
        },
        {
          id: 'b',
          text: "Un passage complet sur les données d'entraînement",
          correct: true,
          explanation: 'Une époque est un passage complet du réseau sur toutes les données.',
        },
        {
          id: 'c',
          text: "Le temps que dure l'entraînement",
          correct: false,
          explanation: 'Une époque est un passage complet du réseau sur toutes les données.',
        },
      ],
    });
    expect(neuron?.prompt).toBe('Quels éléments composent un neurone ?');
    expect(neuron?.multiple).toBe(true);
    expect(neuron?.options.map((option) => [option.correct, option.explanation])).toEqual([
      [true, 'Bonne réponse.'],
      [true, 'Bonne réponse.'],
      [false, "Les données entrent dans le réseau, elles n'appartiennent pas au neurone."],
    ]);
    expect(language?.prompt).toBe('Le C# est-il un langage ?');
    expect(language?.id).toBe('3-le-c-est-il-un-langage');
  });

  it('gives the same ids to the same file, and accepts Windows line ends', () => {
    const ids = (text: string) => questionsOf(parseQuizMarkdown(text)).map((question) => question.id);
    expect(ids(VALID.replaceAll('\n', '\r\n'))).toEqual(ids(VALID));
  });

  it.each([
    ['an empty file', '\n\n', 1, 'aucune question'],
    ['text before the first question', `Mon QCM\n${ok('A ?')}`, 1, 'ce texte est en dehors d’une question'],
    [
      'an option outside a question',
      `- [x] Oui\n${ok('A ?')}`,
      1,
      'cette option est en dehors d’une question',
    ],
    ['an empty question', `${ok('A ?')}\n##\n- [x] Oui\n- [ ] Non\n`, 5, 'la question est vide'],
    ['a question without options', `${ok('A ?')}\n## B ?\nSans options.\n`, 5, 'aucune option'],
    ['a single option', `${ok('A ?')}## B ?\n- [x] Oui\n`, 4, 'il en faut au moins 2'],
    ['no right option', `${ok('A ?')}## B ?\n- [ ] Oui\n- [ ] Non\n`, 4, 'aucune bonne réponse'],
    ['every option right', `## B ?\n- [x] Oui\n- [X] Non\n`, 1, 'toutes les options sont cochées'],
    ['an empty option', `## B ?\n- [x] Oui\n- [ ]\n`, 3, 'option vide'],
    ['the same option twice', `## B ?\n- [x] Oui\n- [ ] Non\n- [ ] non\n`, 4, 'même option que ligne 3'],
    [
      'the same question twice',
      `${ok('Même  question ?')}\n${ok('même question ?')}`,
      5,
      'déjà posée ligne 1',
    ],
    ['a heading of level 4', `#### B ?\n- [x] Oui\n- [ ] Non\n`, 1, 'pas plus de trois #'],
    ['a list item without box', `## B ?\n- [x] Oui\n- Non\n- [ ] Peut-être\n`, 3, 'une option s’écrit'],
    [
      'an explanation under nothing',
      `## B ?\n> Pourquoi\n- [x] Oui\n- [ ] Non\n`,
      2,
      'juste sous son option',
    ],
    [
      'an explanation after a blank line',
      `## B ?\n- [x] Oui\n\n> Pourquoi\n- [ ] Non\n`,
      4,
      'sans ligne vide',
    ],
    ['an option after the explanation', `## B ?\n- [x] Oui\nCar.\n- [ ] Non\n`, 4, 'précéder l’explication'],
    [
      'nine options',
      `## B ?\n- [x] 1\n${[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `- [ ] ${n}\n`).join('')}`,
      1,
      '8 au plus',
    ],
  ])('reports %s with its line', (_case, markdown, line, message) => {
    const errors = errorsOf(parseQuizMarkdown(markdown));
    expect(errors).toEqual([{ line, message: expect.stringContaining(message) }]);
    expect(errors[0]?.message).toMatch(new RegExp(`^Ligne ${line} : `));
  });

  it('reports texts over their limits', () => {
    const long = (chars: number) => 'x'.repeat(chars + 1);
    const markdown = [
      `## ${long(QUIZ_MARKDOWN_LIMITS.promptChars)}`,
      '- [x] Oui',
      '- [ ] Non',
      '## B ?',
      `- [x] ${long(QUIZ_MARKDOWN_LIMITS.optionChars)}`,
      `- [ ] Non`,
      `  > ${long(QUIZ_MARKDOWN_LIMITS.explanationChars)}`,
      '',
      long(QUIZ_MARKDOWN_LIMITS.explanationChars),
    ].join('\n');
    expect(errorsOf(parseQuizMarkdown(markdown))).toEqual([
      { line: 1, message: 'Ligne 1 : la question dépasse 500 caractères (501)' },
      { line: 5, message: 'Ligne 5 : l’option dépasse 300 caractères (301)' },
      { line: 6, message: 'Ligne 6 : l’explication de l’option dépasse 1000 caractères' },
      { line: 9, message: 'Ligne 9 : l’explication de la question dépasse 1000 caractères (1001)' },
    ]);
  });

  it('accepts 100 questions and refuses the 101st, at its line', () => {
    const file = (count: number) =>
      Array.from({ length: count }, (_, n) => ok(`Question ${n + 1} ?`)).join('\n');
    expect(questionsOf(parseQuizMarkdown(file(100)))).toHaveLength(100);
    expect(errorsOf(parseQuizMarkdown(file(101)))).toEqual([
      { line: 401, message: 'Ligne 401 : au plus 100 questions par QCM (101)' },
    ]);
  });

  it('lists every error of the file at once, in line order', () => {
    const markdown = `## A ?\n- [ ] Oui\n- [ ] Non\n## B ?\n- [x] Seule\n`;
    expect(errorsOf(parseQuizMarkdown(markdown)).map((error) => error.line)).toEqual([1, 4]);
  });
});
