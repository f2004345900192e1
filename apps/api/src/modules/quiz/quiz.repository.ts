import type { TQuizSettings } from '@dlclass/contracts';
import type { Prisma, PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';
import { unlessTaken } from '../../common/infra/unique-violation';
import type { AttemptRecord } from './quiz.rules';

const attemptSelect = {
  id: true,
  number: true,
  questionIds: true,
  optionOrder: true,
  startedAt: true,
  deadline: true,
  submittedAt: true,
  score: true,
  maxScore: true,
} satisfies Prisma.QuizAttemptSelect;

type AttemptRow = Prisma.QuizAttemptGetPayload<{ select: typeof attemptSelect }>;

/** An attempt of one of a class's students, with whose it is. */
export type ClassAttemptRecord = AttemptRecord & { userId: string };
type Db = PrismaClient | Prisma.TransactionClient;
/** A selected row as a record: its option order typed, its answers attached. */
type Recorded<Row extends AttemptRow> = Omit<Row, 'optionOrder'> &
  Pick<AttemptRecord, 'optionOrder' | 'answers'>;

/** The two columns that say whether an attempt still takes answers. */
export type AttemptClock = Pick<AttemptRecord, 'deadline' | 'submittedAt'>;

export interface NewAttempt {
  userId: string;
  classId: string;
  number: number;
  seed: number;
  questionIds: string[];
  optionOrder: Record<string, string[]>;
  startedAt: Date;
  deadline: Date;
}

@Injectable()
export class QuizRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The class's QCM settings (as stored) and phase locks; null when there is no such class. */
  async findClass(classId: string): Promise<{ quizSettings: unknown; lockedPhases: number[] } | null> {
    return this.prisma.class.findUnique({
      where: { id: classId },
      select: { quizSettings: true, lockedPhases: true },
    });
  }

  async saveSettings(classId: string, settings: TQuizSettings): Promise<void> {
    await this.prisma.class.update({ where: { id: classId }, data: { quizSettings: settings } });
  }

  /** The student's attempts, first one first. */
  async listAttempts(userId: string): Promise<AttemptRecord[]> {
    const rows = await this.prisma.quizAttempt.findMany({
      where: { userId },
      orderBy: { number: 'asc' },
      select: attemptSelect,
    });
    return withAnswers(this.prisma, rows);
  }

  /** The class's students, by name. */
  async listStudents(classId: string): Promise<{ id: string; displayName: string }[]> {
    return this.prisma.user.findMany({
      where: { classId, role: 'STUDENT' },
      orderBy: { displayName: 'asc' },
      select: { id: true, displayName: true },
    });
  }

  /** Every attempt of the class's current students, each student's first one first. */
  async listClassAttempts(classId: string): Promise<ClassAttemptRecord[]> {
    const rows = await this.prisma.quizAttempt.findMany({
      where: { user: { classId, role: 'STUDENT' } },
      orderBy: [{ userId: 'asc' }, { number: 'asc' }],
      select: { ...attemptSelect, userId: true },
    });
    return withAnswers(this.prisma, rows);
  }

  /** The student's attempt with the highest number, if any. */
  async findLatestAttempt(userId: string): Promise<AttemptRecord | null> {
    const row = await this.prisma.quizAttempt.findFirst({
      where: { userId },
      orderBy: { number: 'desc' },
      select: attemptSelect,
    });
    return withAnswersOf(this.prisma, row);
  }

  /** Null when the student started another attempt with that number concurrently. */
  async createAttempt(input: NewAttempt): Promise<AttemptRecord | null> {
    const row = await unlessTaken(() =>
      this.prisma.quizAttempt.create({ data: input, select: attemptSelect }),
    );
    return row && toRecord(row, []);
  }

  /**
   * Saves (or replaces) one answer while the attempt's row is locked, so that a concurrent submit cannot
   * score the attempt in between. Returns the time it was saved, or null when `takesAnswers` says no.
   */
  async saveAnswer(
    attemptId: string,
    questionId: string,
    optionIds: string[],
    now: Date,
    takesAnswers: (attempt: AttemptClock) => boolean,
  ): Promise<Date | null> {
    return this.prisma.$transaction(async (tx) => {
      const attempt = await lockAttempt(tx, attemptId);
      if (!attempt || !takesAnswers(attempt)) return null;
      await tx.quizAnswer.upsert({
        where: { attemptId_questionId: { attemptId, questionId } },
        create: { attemptId, questionId, optionIds, answeredAt: now },
        update: { optionIds, answeredAt: now },
      });
      return now;
    });
  }

  /**
   * Submits the attempt with the score `scoreOf` gives its saved answers, all under the row's lock. An
   * attempt already submitted is returned as it is (submitting is idempotent).
   */
  async finalise(
    attemptId: string,
    submittedAt: Date,
    scoreOf: (attempt: AttemptRecord) => { score: number; maxScore: number },
  ): Promise<AttemptRecord> {
    return this.prisma.$transaction(async (tx) => {
      await lockAttempt(tx, attemptId);
      const attempt = await findAttempt(tx, attemptId);
      if (!attempt) throw new Error(`Quiz attempt ${attemptId} vanished`);
      if (attempt.submittedAt) return attempt;
      const scored = { submittedAt, ...scoreOf(attempt) };
      await tx.quizAttempt.update({ where: { id: attemptId }, data: scored });
      return { ...attempt, ...scored };
    });
  }
}

async function lockAttempt(tx: Prisma.TransactionClient, id: string): Promise<AttemptClock | null> {
  const rows = await tx.$queryRaw<AttemptClock[]>`
    SELECT "deadline", "submittedAt" FROM "QuizAttempt" WHERE "id" = ${id}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

async function findAttempt(db: Db, id: string): Promise<AttemptRecord | null> {
  return withAnswersOf(db, await db.quizAttempt.findUnique({ where: { id }, select: attemptSelect }));
}

async function withAnswersOf(db: Db, row: AttemptRow | null): Promise<AttemptRecord | null> {
  return row ? ((await withAnswers(db, [row]))[0] ?? null) : null;
}

/** Answers in a second query: one statement at a time on the connection (no relation fetched alongside). */
async function withAnswers<Row extends AttemptRow>(db: Db, rows: Row[]): Promise<Recorded<Row>[]> {
  if (rows.length === 0) return [];
  const answers = await db.quizAnswer.findMany({
    where: { attemptId: { in: rows.map((row) => row.id) } },
    select: { attemptId: true, questionId: true, optionIds: true },
  });
  // grouped once: a whole class's attempts come through here
  const byAttempt = new Map<string, AttemptRecord['answers']>();
  for (const { attemptId, ...answer } of answers) {
    byAttempt.set(attemptId, [...(byAttempt.get(attemptId) ?? []), answer]);
  }
  return rows.map((row) => toRecord(row, byAttempt.get(row.id) ?? []));
}

function toRecord<Row extends AttemptRow>(row: Row, answers: AttemptRecord['answers']): Recorded<Row> {
  const { optionOrder, ...rest } = row;
  return {
    ...rest,
    optionOrder: optionOrder as Record<string, string[]>,
    answers: answers.map(({ questionId, optionIds }) => ({ questionId, optionIds })),
  };
}
