import type { TQuizQuestionContent } from '@dlclass/content';
import { DEFAULT_QUIZ_SETTINGS, QUIZ_GRACE_SECONDS, type TQuizSettings } from '@dlclass/contracts';
import {
  type AttemptRecord,
  bankById,
  checkAnswer,
  correctionVisible,
  isActive,
  isExpired,
  planAttempt,
  scoreOn20,
  settingsOf,
  toAttemptDto,
  toResult,
} from './quiz.rules';

const option = (id: string, correct: boolean) => ({
  id,
  text: `Texte ${id}`,
  correct,
  explanation: `Pourquoi ${id}`,
});

const single: TQuizQuestionContent = {
  id: 'single',
  prompt: 'Une seule bonne réponse ?',
  multiple: false,
  topic: 'bases',
  competences: ['B3.2'],
  options: [option('a', true), option('b', false), option('c', false)],
};
const multiple: TQuizQuestionContent = {
  id: 'multiple',
  prompt: 'Plusieurs bonnes réponses ?',
  multiple: true,
  topic: 'bases',
  competences: ['B3.2'],
  options: [option('w', true), option('x', true), option('y', false), option('z', false)],
};
const BANK = bankById([single, multiple]);

const startedAt = new Date('2026-01-05T09:00:00.000Z');
const deadline = new Date('2026-01-05T09:20:00.000Z');
const at = (ms: number) => new Date(deadline.getTime() + ms);

function attempt(patch: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id: '00000000-0000-4000-8000-0000000000e1',
    number: 1,
    questionIds: ['multiple', 'single'],
    optionOrder: { multiple: ['z', 'w', 'y', 'x'], single: ['c', 'a', 'b'] },
    startedAt,
    deadline,
    submittedAt: null,
    score: null,
    maxScore: null,
    answers: [],
    ...patch,
  };
}

const settings = (patch: Partial<TQuizSettings>): TQuizSettings => ({ ...DEFAULT_QUIZ_SETTINGS, ...patch });

describe('settingsOf', () => {
  it('gives the defaults to a class that never saved any, or whose stored settings are unreadable', () => {
    expect(settingsOf(null)).toEqual(DEFAULT_QUIZ_SETTINGS);
    expect(settingsOf({ timeLimitMinutes: 'vingt' })).toEqual(DEFAULT_QUIZ_SETTINGS);
  });

  it('fills settings saved before a field existed with its default', () => {
    expect(settingsOf({ timeLimitMinutes: 30, maxAttempts: 2 })).toEqual({
      ...DEFAULT_QUIZ_SETTINGS,
      timeLimitMinutes: 30,
      maxAttempts: 2,
    });
  });
});

describe('planAttempt', () => {
  it('draws the same questions and option orders for the same seed, and at most the bank', () => {
    const plan = planAttempt([single, multiple], settings({ questionCount: 15 }), 42);
    expect(plan).toEqual(planAttempt([single, multiple], settings({ questionCount: 15 }), 42));
    expect([...plan.questionIds].sort()).toEqual(['multiple', 'single']);
    expect([...(plan.optionOrder.multiple ?? [])].sort()).toEqual(['w', 'x', 'y', 'z']);
  });
});

describe('the time limit', () => {
  it('takes answers until the deadline plus the grace period, and not one millisecond later', () => {
    const grace = QUIZ_GRACE_SECONDS * 1000;
    expect(isActive(attempt(), at(-1))).toBe(true);
    expect(isActive(attempt(), at(grace))).toBe(true);
    expect(isExpired(attempt(), at(grace))).toBe(false);
    expect(isExpired(attempt(), at(grace + 1))).toBe(true);
    expect(isActive(attempt(), at(grace + 1))).toBe(false);
  });

  it('never calls a submitted attempt expired or active', () => {
    const submitted = attempt({ submittedAt: at(-60_000) });
    expect(isExpired(submitted, at(3_600_000))).toBe(false);
    expect(isActive(submitted, at(-1))).toBe(false);
  });
});

describe('correctionVisible', () => {
  it('after-each-attempt: as soon as one attempt is submitted', () => {
    const policy = settings({ correction: 'after-each-attempt', maxAttempts: 3 });
    expect(correctionVisible(policy, 0, false)).toBe(false);
    expect(correctionVisible(policy, 1, false)).toBe(true);
  });

  it('after-last-attempt: only once every attempt is used', () => {
    const policy = settings({ correction: 'after-last-attempt', maxAttempts: 2 });
    expect(correctionVisible(policy, 1, false)).toBe(false);
    expect(correctionVisible(policy, 2, false)).toBe(true);
  });

  it('when-released: only once the teacher releases it', () => {
    const policy = settings({ correction: 'when-released', maxAttempts: 1 });
    expect(correctionVisible(policy, 1, false)).toBe(false);
    expect(correctionVisible({ ...policy, correctionReleased: true }, 1, false)).toBe(true);
  });

  it('never while another attempt is in progress, whatever the policy', () => {
    const policy = settings({ correction: 'after-each-attempt', maxAttempts: 3 });
    expect(correctionVisible(policy, 1, true)).toBe(false);
    expect(
      correctionVisible({ ...policy, correction: 'when-released', correctionReleased: true }, 1, true),
    ).toBe(false);
  });
});

describe('toAttemptDto', () => {
  it("shows the attempt's order, the saved answers and the server's clock, never the correction", () => {
    const now = at(-5000);
    const dto = toAttemptDto(attempt({ answers: [{ questionId: 'single', optionIds: ['b'] }] }), BANK, now);
    expect(dto.questions.map((question) => question.id)).toEqual(['multiple', 'single']);
    expect(dto.questions[0]?.options.map((o) => o.id)).toEqual(['z', 'w', 'y', 'x']);
    expect(dto.questions[0]?.options[0]).toEqual({ id: 'z', text: 'Texte z' });
    expect(dto.answers).toEqual({ single: ['b'] });
    expect(dto).toMatchObject({ serverNow: now.toISOString(), deadline: deadline.toISOString() });
    expect(JSON.stringify(dto)).not.toMatch(/correct|explanation|Pourquoi/);
  });

  it('leaves out a question removed from the bank since the attempt began', () => {
    const dto = toAttemptDto(attempt({ questionIds: ['gone', 'single'] }), BANK, at(0));
    expect(dto.questions.map((question) => question.id)).toEqual(['single']);
  });
});

describe('toResult', () => {
  const submitted = attempt({
    submittedAt: at(-1000),
    score: 1,
    maxScore: 2,
    answers: [
      { questionId: 'single', optionIds: ['a'] },
      { questionId: 'multiple', optionIds: ['w', 'x', 'y', 'z'] },
    ],
  });

  it('scores each question (ticking every option of a multiple question earns nothing) and gives a mark out of 20', () => {
    const result = toResult(submitted, BANK, false);
    expect(result.questions.map((question) => [question.questionId, question.score])).toEqual([
      ['multiple', 0],
      ['single', 1],
    ]);
    expect(result).toMatchObject({ score: 1, maxScore: 2, scoreOn20: 10, correctionVisible: false });
  });

  it('holds back every right answer and explanation while the correction is hidden', () => {
    const result = toResult(submitted, BANK, false);
    expect(result.questions.every((question) => question.correction === null)).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/explanation|Pourquoi/);
  });

  it("gives every option with whether it is right and why, in the attempt's order, when visible", () => {
    const result = toResult(submitted, BANK, true);
    expect(result.questions[1]?.correction).toEqual([
      { id: 'c', text: 'Texte c', correct: false, explanation: 'Pourquoi c' },
      { id: 'a', text: 'Texte a', correct: true, explanation: 'Pourquoi a' },
      { id: 'b', text: 'Texte b', correct: false, explanation: 'Pourquoi b' },
    ]);
  });
});

describe('scoreOn20', () => {
  it('rounds to two decimals', () => {
    expect(scoreOn20(2, 3)).toBe(13.33);
    expect(scoreOn20(7.5, 15)).toBe(10);
    expect(scoreOn20(0, 0)).toBe(0);
  });
});

describe('checkAnswer', () => {
  it('accepts options of the question, none at all, and drops duplicates', () => {
    expect(checkAnswer(attempt(), BANK, 'multiple', ['w', 'x', 'w'])).toEqual(['w', 'x']);
    expect(checkAnswer(attempt(), BANK, 'single', [])).toEqual([]);
  });

  it('refuses an option of another question (400)', () => {
    expect(() => checkAnswer(attempt(), BANK, 'single', ['w'])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', status: 400 }),
    );
  });

  it('refuses two options on a single-answer question (400)', () => {
    expect(() => checkAnswer(attempt(), BANK, 'single', ['a', 'b'])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', status: 400 }),
    );
  });

  it('refuses a question that is not part of the attempt (404)', () => {
    expect(() => checkAnswer(attempt({ questionIds: ['single'] }), BANK, 'multiple', [])).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', status: 404 }),
    );
  });
});
