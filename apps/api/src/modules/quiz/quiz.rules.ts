import { drawQuiz, publicQuestion, scoreQuestion, type TQuizQuestionContent } from '@dlclass/content';
import {
  DEFAULT_QUIZ_SETTINGS,
  ErrorCode,
  QUIZ_GRACE_SECONDS,
  type TQuizAttempt,
  type TQuizResult,
  type TQuizSettings,
  ZQuizSettings,
} from '@dlclass/contracts';
import { DomainError } from '../../common/errors';

/**
 * The QCM's rules as pure functions of a stored attempt, the bank and the server's clock: what the student
 * sees, whether an answer is still accepted, the score and when the correction may be shown.
 */

/** A stored attempt with its saved answers (what the repository returns). */
export interface AttemptRecord {
  id: string;
  number: number;
  /** In the order shown to the student. */
  questionIds: string[];
  /** Question id → option ids in the order shown. */
  optionOrder: Record<string, string[]>;
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number | null;
  answers: { questionId: string; optionIds: string[] }[];
}

export type QuizBank = ReadonlyMap<string, TQuizQuestionContent>;

export const bankById = (questions: readonly TQuizQuestionContent[]): QuizBank =>
  new Map(questions.map((question) => [question.id, question]));

/** A class's stored settings (null or out of date: the defaults fill in). */
export function settingsOf(stored: unknown): TQuizSettings {
  const parsed = ZQuizSettings.safeParse({
    ...DEFAULT_QUIZ_SETTINGS,
    ...(stored && typeof stored === 'object' ? stored : {}),
  });
  return parsed.success ? parsed.data : DEFAULT_QUIZ_SETTINGS;
}

/** The questions and option order of a new attempt, fixed by its seed. */
export function planAttempt(
  bank: readonly TQuizQuestionContent[],
  settings: TQuizSettings,
  seed: number,
): { questionIds: string[]; optionOrder: Record<string, string[]> } {
  const questions = drawQuiz(bank, Math.min(settings.questionCount, bank.length), seed);
  return {
    questionIds: questions.map((question) => question.id),
    optionOrder: Object.fromEntries(
      questions.map((question) => [question.id, question.options.map((option) => option.id)]),
    ),
  };
}

export const deadlineOf = (startedAt: Date, settings: TQuizSettings): Date =>
  new Date(startedAt.getTime() + settings.timeLimitMinutes * 60_000);

/** The last instant an answer is accepted: the deadline plus the grace period. */
export const closesAt = (attempt: Pick<AttemptRecord, 'deadline'>): Date =>
  new Date(attempt.deadline.getTime() + QUIZ_GRACE_SECONDS * 1000);

/** Not submitted and past its deadline plus grace: to be finalised with the answers saved in time. */
export const isExpired = (attempt: Pick<AttemptRecord, 'deadline' | 'submittedAt'>, now: Date): boolean =>
  attempt.submittedAt === null && now.getTime() > closesAt(attempt).getTime();

/** Still taking answers. */
export const isActive = (attempt: Pick<AttemptRecord, 'deadline' | 'submittedAt'>, now: Date): boolean =>
  attempt.submittedAt === null && !isExpired(attempt, now);

/**
 * Whether the submitted attempts' correction (right options, explanations) may reach the browser.
 * Never while another attempt is in progress, whatever the policy: it would answer that attempt.
 */
export function correctionVisible(
  settings: TQuizSettings,
  submittedCount: number,
  attemptInProgress: boolean,
): boolean {
  if (submittedCount === 0 || attemptInProgress) return false;
  switch (settings.correction) {
    case 'after-each-attempt':
      return true;
    case 'after-last-attempt':
      return submittedCount >= settings.maxAttempts;
    case 'when-released':
      return settings.correctionReleased;
  }
}

/** The attempt's questions in its order, each with its options in the attempt's order. */
function questionsOf(attempt: AttemptRecord, bank: QuizBank): TQuizQuestionContent[] {
  // A question or option removed from the bank since the attempt began is left out, never an error.
  return attempt.questionIds.flatMap((questionId) => {
    const question = bank.get(questionId);
    if (!question) return [];
    const byId = new Map(question.options.map((option) => [option.id, option]));
    const options = (attempt.optionOrder[questionId] ?? []).flatMap((id) => byId.get(id) ?? []);
    return [{ ...question, options }];
  });
}

const answersOf = (attempt: AttemptRecord): Map<string, string[]> =>
  new Map(attempt.answers.map((answer) => [answer.questionId, answer.optionIds]));

/** What the student sees while answering: no `correct`, no `explanation`. */
export function toAttemptDto(attempt: AttemptRecord, bank: QuizBank, now: Date): TQuizAttempt {
  return {
    id: attempt.id,
    number: attempt.number,
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    serverNow: now.toISOString(),
    questions: questionsOf(attempt, bank).map(publicQuestion),
    answers: Object.fromEntries(answersOf(attempt)),
  };
}

/** One point per question (partial credit on multiple-answer questions). */
export function scoreAttempt(attempt: AttemptRecord, bank: QuizBank): { score: number; maxScore: number } {
  const answers = answersOf(attempt);
  const questions = questionsOf(attempt, bank);
  const score = questions.reduce(
    (sum, question) => sum + scoreQuestion(question, answers.get(question.id) ?? []),
    0,
  );
  return { score, maxScore: questions.length };
}

/** Out of 20, rounded to two decimals (the page shows it as is; teachers round as they like). */
export const scoreOn20 = (score: number, maxScore: number): number =>
  maxScore === 0 ? 0 : Math.round((score / maxScore) * 2000) / 100;

/** A submitted attempt's result; the correction only when `visible`. */
export function toResult(attempt: AttemptRecord, bank: QuizBank, visible: boolean): TQuizResult {
  if (!attempt.submittedAt) throw new Error(`Attempt ${attempt.id} has no result: it is not submitted`);
  const answers = answersOf(attempt);
  const questions = questionsOf(attempt, bank);
  const computed = scoreAttempt(attempt, bank);
  const score = attempt.score ?? computed.score;
  const maxScore = attempt.maxScore ?? computed.maxScore;
  return {
    attemptId: attempt.id,
    number: attempt.number,
    submittedAt: attempt.submittedAt.toISOString(),
    score,
    maxScore,
    scoreOn20: scoreOn20(score, maxScore),
    correctionVisible: visible,
    questions: questions.map((question) => {
      const chosen = answers.get(question.id) ?? [];
      return {
        questionId: question.id,
        prompt: question.prompt,
        multiple: question.multiple,
        chosen,
        score: scoreQuestion(question, chosen),
        correction: visible
          ? question.options.map(({ id, text, correct, explanation }) => ({ id, text, correct, explanation }))
          : null,
      };
    }),
  };
}

/**
 * The chosen options of an answer, checked against the attempt's question: every id one of its options,
 * at most one on a single-answer question. Duplicates are dropped.
 */
export function checkAnswer(attempt: AttemptRecord, bank: QuizBank, questionId: string, optionIds: string[]) {
  const question = attempt.questionIds.includes(questionId) ? bank.get(questionId) : undefined;
  if (!question) {
    throw new DomainError(ErrorCode.NotFound, 'Cette question ne fait pas partie de votre tentative.');
  }
  const chosen = [...new Set(optionIds)];
  const known = new Set(question.options.map((option) => option.id));
  const unknown = chosen.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DomainError(ErrorCode.ValidationFailed, undefined, [
      { field: 'optionIds', message: `Option inconnue pour cette question : ${unknown.join(', ')}` },
    ]);
  }
  if (!question.multiple && chosen.length > 1) {
    throw new DomainError(ErrorCode.ValidationFailed, undefined, [
      { field: 'optionIds', message: 'Une seule réponse est possible pour cette question' },
    ]);
  }
  return chosen;
}
