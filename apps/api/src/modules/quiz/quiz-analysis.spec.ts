import type { TQuizQuestionContent } from '@dlclass/content';
import { type AttemptRecord, bankById } from './quiz.rules';
import {
  analyseQuestions,
  correlation,
  countedAttempt,
  DISCRIMINATION_MIN_STUDENTS,
  type ScoredAttempt,
  summaryOf,
} from './quiz-analysis';

const option = (id: string, correct: boolean) => ({ id, text: `Texte ${id}`, correct, explanation: id });
const single = (id: string): TQuizQuestionContent => ({
  id,
  prompt: `Question ${id} ?`,
  multiple: false,
  topic: 'bases',
  competences: ['B3.2'],
  options: [option('a', true), option('b', false), option('c', false), option('d', false)],
});
const q1 = single('q1');
const q2 = single('q2');
const q3 = single('q3');
const multiple: TQuizQuestionContent = {
  id: 'm',
  prompt: 'Lesquelles ?',
  multiple: true,
  topic: 'bases',
  competences: ['B3.2'],
  options: [option('w', true), option('x', true), option('y', false), option('z', false)],
};
const BANK = bankById([q1, q2, q3, multiple]);

let sequence = 0;
/** A submitted attempt with these answers and the score the scoring gave them (one point per question). */
function attempt(answers: Record<string, string[]>, score: number, patch: Partial<AttemptRecord> = {}) {
  sequence += 1;
  const questionIds = patch.questionIds ?? ['q1', 'q2', 'q3'];
  return {
    id: `attempt-${sequence}`,
    number: 1,
    questionIds,
    optionOrder: {},
    startedAt: new Date('2026-11-30T10:00:00Z'),
    deadline: new Date('2026-11-30T10:20:00Z'),
    submittedAt: new Date('2026-11-30T10:10:00Z'),
    score,
    maxScore: questionIds.length,
    answers: Object.entries(answers).map(([questionId, optionIds]) => ({ questionId, optionIds })),
    ...patch,
  } as ScoredAttempt;
}

describe('countedAttempt', () => {
  const at = (iso: string) => new Date(iso);

  it('counts the best submitted attempt, the earlier one on a tie, and ignores one in progress', () => {
    const first = attempt({}, 1, { number: 1, submittedAt: at('2026-11-30T10:10:00Z') });
    const second = attempt({}, 2, { number: 2, submittedAt: at('2026-11-30T10:30:00Z') });
    const tie = attempt({}, 2, { number: 3, submittedAt: at('2026-11-30T10:50:00Z') });
    const running = { ...attempt({}, 0, { number: 4 }), submittedAt: null, score: null, maxScore: null };
    expect(countedAttempt([first, second, tie, running])?.id).toBe(second.id);
    expect(countedAttempt([running])).toBeNull();
    expect(countedAttempt([])).toBeNull();
  });

  it('compares shares of the points when attempts drew different numbers of questions', () => {
    const twoOfThree = attempt({}, 2);
    const oneOfOne = attempt({}, 1, { questionIds: ['q1'] });
    expect(countedAttempt([twoOfThree, oneOfOne])?.id).toBe(oneOfOne.id);
  });
});

describe('summaryOf', () => {
  it('gives the mean and median out of 20', () => {
    const marks = [3, 2, 1, 0].map((score) => attempt({}, score));
    // 20, 13.33, 6.67, 0 → mean 10, median (13.33 + 6.67) / 2
    expect(summaryOf(marks)).toEqual({ submitted: 4, mean: 10, median: 10 });
    expect(summaryOf(marks.slice(0, 3))).toEqual({ submitted: 3, mean: 13.33, median: 13.33 });
  });

  it('is empty before any attempt', () => {
    expect(summaryOf([])).toEqual({ submitted: 0, mean: null, median: null });
  });
});

describe('correlation', () => {
  it('is Pearson’s r, and null when a variable does not vary', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 10);
    expect(correlation([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 10);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(correlation([0, 1, 0], [0.5, 0.5, 0.5])).toBeNull();
  });
});

describe('analyseQuestions', () => {
  // Four students, three single-answer questions (a is right):
  //          q1  q2  q3     score
  //   Alice  a   a   a      3
  //   Bruno  a   a   b      2
  //   Chloé  b   a   c      1
  //   David  c   b   —      0
  const alice = attempt({ q1: ['a'], q2: ['a'], q3: ['a'] }, 3);
  const bruno = attempt({ q1: ['a'], q2: ['a'], q3: ['b'] }, 2);
  const chloe = attempt({ q1: ['b'], q2: ['a'], q3: ['c'] }, 1);
  const david = attempt({ q1: ['c'], q2: ['b'] }, 0);
  const analysis = analyseQuestions(BANK, [alice, bruno, chloe, david]);
  const byId = (id: string) => {
    const found = analysis.find((question) => question.questionId === id);
    if (!found) throw new Error(`No analysis of ${id}`);
    return found;
  };

  it('covers the questions drawn, in the bank’s order', () => {
    expect(analysis.map((question) => question.questionId)).toEqual(['q1', 'q2', 'q3']);
  });

  it('gives the facility, the blanks and how often each option was ticked', () => {
    expect(byId('q1')).toMatchObject({
      prompt: 'Question q1 ?',
      answers: 4,
      blank: 0,
      facility: 0.5,
      options: [
        { id: 'a', correct: true, chosen: 2, share: 0.5 },
        { id: 'b', correct: false, chosen: 1, share: 0.25 },
        { id: 'c', correct: false, chosen: 1, share: 0.25 },
        { id: 'd', correct: false, chosen: 0, share: 0 },
      ],
    });
    expect(byId('q2')).toMatchObject({ facility: 0.75, blank: 0 });
    expect(byId('q3')).toMatchObject({
      facility: 0.25,
      blank: 1,
      options: [
        { id: 'a', chosen: 1 },
        { id: 'b', chosen: 1 },
        { id: 'c', chosen: 1 },
        { id: 'd', chosen: 0 },
      ],
    });
  });

  it('gives the point-biserial correlation with the score on the other questions', () => {
    // q1: right = 1,1,0,0; rest (q2 + q3 over 2) = 1, .5, .5, 0 → cov .5, var 1 and .5 → r = 1/√2
    expect(byId('q1').discrimination).toBeCloseTo(Math.SQRT1_2, 4);
    // q2: right = 1,1,1,0; rest = 1, .5, 0, 0 → sums: cov .375, var .75 and .6875 → r = 3/√33
    expect(byId('q2').discrimination).toBeCloseTo(3 / Math.sqrt(33), 4);
    // q3: right = 1,0,0,0; rest = 1, 1, .5, 0 → r = 3/√33 as well
    expect(byId('q3').discrimination).toBeCloseTo(3 / Math.sqrt(33), 4);
  });

  it('counts only a fully right answer as right on a multiple-answer question', () => {
    const drawn = { questionIds: ['m', 'q1'] };
    const analysed = analyseQuestions(BANK, [
      attempt({ m: ['w', 'x'] }, 1, drawn),
      attempt({ m: ['w'] }, 0.5, drawn),
      attempt({ m: ['w', 'y'] }, 0, drawn),
    ]).find((question) => question.questionId === 'm');
    expect(analysed).toMatchObject({
      questionId: 'm',
      answers: 3,
      facility: 0.3333,
      discrimination: null,
      options: [
        { id: 'w', chosen: 3, share: 1 },
        { id: 'x', chosen: 1, share: 0.3333 },
        { id: 'y', chosen: 1, share: 0.3333 },
        { id: 'z', chosen: 0, share: 0 },
      ],
    });
  });

  it('has no discrimination below the minimum of students, nor when everybody scores the same', () => {
    expect(DISCRIMINATION_MIN_STUDENTS).toBe(4);
    const few = analyseQuestions(BANK, [alice, bruno, chloe]);
    expect(few.every((question) => question.discrimination === null)).toBe(true);
    const allWrong = analyseQuestions(
      BANK,
      [1, 2, 3, 4, 5].map(() => attempt({ q1: ['b'], q2: ['c'], q3: ['d'] }, 0)),
    );
    expect(allWrong.map((question) => [question.facility, question.discrimination])).toEqual([
      [0, null],
      [0, null],
      [0, null],
    ]);
  });

  it('is empty without attempts, and leaves out options no longer in the bank', () => {
    expect(analyseQuestions(BANK, [])).toEqual([]);
    const [analysed] = analyseQuestions(BANK, [attempt({ q1: ['gone'] }, 0, { questionIds: ['q1'] })]);
    expect(analysed).toMatchObject({ answers: 1, blank: 1, facility: 0 });
  });
});
