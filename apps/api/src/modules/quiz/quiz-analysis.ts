import { scoreQuestion } from '@dlclass/content';
import type { TQuizClassResults, TQuizQuestionAnalysis } from '@dlclass/contracts';
import { type AttemptRecord, type QuizBank, scoreOn20 } from './quiz.rules';

/**
 * The class's QCM statistics as pure functions of its students' submitted attempts: which attempt counts,
 * the class's mean and median, and the classical item analysis of each question (facility, how often each
 * option was ticked, discrimination).
 */

/** Below this many students asked a question, a correlation says nothing: its discrimination is null. */
export const DISCRIMINATION_MIN_STUDENTS = 4;

/** A submitted attempt: it has its score. */
export type ScoredAttempt<A extends AttemptRecord = AttemptRecord> = A & {
  submittedAt: Date;
  score: number;
  maxScore: number;
};

const isScored = <A extends AttemptRecord>(attempt: A): attempt is ScoredAttempt<A> =>
  attempt.submittedAt !== null && attempt.score !== null && attempt.maxScore !== null;

const shareOf = (attempt: ScoredAttempt): number =>
  attempt.maxScore === 0 ? 0 : attempt.score / attempt.maxScore;

/**
 * The attempt that counts among one student's: the best submitted one (the highest share of its points, as
 * two attempts may draw different numbers of questions), the earlier one on a tie. The QCM's settings name
 * no other rule, and a student who retries should never lose the mark they already earned.
 */
export function countedAttempt<A extends AttemptRecord>(attempts: readonly A[]): ScoredAttempt<A> | null {
  let best: ScoredAttempt<A> | null = null;
  for (const attempt of attempts) {
    if (!isScored(attempt)) continue;
    const better =
      !best ||
      shareOf(attempt) > shareOf(best) ||
      (shareOf(attempt) === shareOf(best) && attempt.submittedAt < best.submittedAt);
    if (better) best = attempt;
  }
  return best;
}

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Mean and median of the counted scores, out of 20 (null before any). */
export function summaryOf(counted: readonly ScoredAttempt[]): TQuizClassResults['summary'] {
  const marks = counted.map((attempt) => scoreOn20(attempt.score, attempt.maxScore));
  return {
    submitted: marks.length,
    mean: marks.length ? round(mean(marks), 2) : null,
    median: marks.length ? round(median(marks), 2) : null,
  };
}

/** Pearson's correlation; null when either variable does not vary (it is then undefined). */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const meanX = mean(xs);
  const meanY = mean(ys);
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  xs.forEach((x, index) => {
    const dx = x - meanX;
    const dy = (ys[index] ?? meanY) - meanY;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  });
  // Sums of squares of equal values may come out a rounding error away from 0.
  if (varianceX < 1e-12 || varianceY < 1e-12) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}

/**
 * The item analysis of every bank question that some counted attempt drew, in the bank's order. Only each
 * student's counted attempt is used: one answer per student, so a student who retries weighs no more than
 * one who did not, and the discrimination compares students.
 *
 * - facility: the share of the students asked the question who got it fully right (score 1 on it, the
 *   scoring's own rule: partial credit on a multiple-answer question is not "right");
 * - discrimination: the point-biserial correlation between getting it fully right (1/0) and the share of
 *   the points earned on the attempt's other questions (the corrected item-total correlation: the question
 *   itself is left out of the total so that it does not correlate with itself). Usual reading: ≥ 0.3 good,
 *   0.1–0.3 weak, below 0.1 (or negative) the question does not separate the students who master the rest.
 */
export function analyseQuestions(bank: QuizBank, counted: readonly ScoredAttempt[]): TQuizQuestionAnalysis[] {
  return [...bank.values()].flatMap((question) => {
    const asked = counted.filter((attempt) => attempt.questionIds.includes(question.id));
    if (asked.length === 0) return [];
    const known = new Set(question.options.map((option) => option.id));
    const chosenBy = asked.map(
      (attempt) =>
        attempt.answers
          .find((answer) => answer.questionId === question.id)
          ?.optionIds.filter((id) => known.has(id)) ?? [],
    );
    const itemScores = chosenBy.map((chosen) => scoreQuestion(question, chosen));
    const right = itemScores.map((score) => (score === 1 ? 1 : 0));
    // The rest of the attempt: an attempt of this one question alone has no rest to compare with.
    const pairs = asked.flatMap((attempt, index) =>
      attempt.maxScore > 1
        ? [
            {
              right: right[index] ?? 0,
              rest: (attempt.score - (itemScores[index] ?? 0)) / (attempt.maxScore - 1),
            },
          ]
        : [],
    );
    const discrimination =
      pairs.length < DISCRIMINATION_MIN_STUDENTS
        ? null
        : correlation(
            pairs.map((pair) => pair.right),
            pairs.map((pair) => pair.rest),
          );
    return [
      {
        questionId: question.id,
        prompt: question.prompt,
        multiple: question.multiple,
        answers: asked.length,
        blank: chosenBy.filter((chosen) => chosen.length === 0).length,
        facility: round(mean(right), 4),
        discrimination: discrimination === null ? null : round(discrimination, 4),
        options: question.options.map(({ id, text, correct }) => {
          const chosen = chosenBy.filter((ids) => ids.includes(id)).length;
          return { id, text, correct, chosen, share: round(chosen / asked.length, 4) };
        }),
      },
    ];
  });
}
