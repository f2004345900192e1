import { QUIZ_GRACE_SECONDS, type TBroadcast, type TClassRunDefaults } from '@dlclass/contracts';
import { Prisma, type PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';
import { BLANK_CHARACTERS } from './lesson-progress';

export interface StudentActivityRows {
  runs: { any: boolean; succeeded: boolean };
  /** Each saved activity: its status and the ids of its answered fields (not the answers themselves). */
  deliverables: { activity: string; status: string; answered: string[] }[];
  quiz: { active: boolean; submitted: boolean };
  /** The latest run started, answer saved or QCM attempt started or submitted; null: nothing yet. */
  lastActivityAt: Date | null;
}

const noActivity = (): StudentActivityRows => ({
  runs: { any: false, succeeded: false },
  deliverables: [],
  quiz: { active: false, submitted: false },
  lastActivityAt: null,
});

function touch(rows: StudentActivityRows, at: Date | null | undefined): void {
  if (at && (!rows.lastActivityAt || at > rows.lastActivityAt)) rows.lastActivityAt = at;
}

export interface ClassLessonRow {
  locked: number[];
  broadcast: unknown;
  runDefaults: unknown;
}

@Injectable()
export class ContentRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /**
   * The phases the class's teacher has locked, their latest broadcast and the class's run size (both
   * unparsed); null for an unknown class.
   */
  async classLesson(classId: string): Promise<ClassLessonRow | null> {
    const row = await this.prisma.class.findUnique({
      where: { id: classId },
      select: { lockedPhases: true, broadcast: true, runDefaults: true },
    });
    return row && { locked: row.lockedPhases, broadcast: row.broadcast, runDefaults: row.runDefaults };
  }

  /** Sets the run size the class's editor starts from; false for an unknown class. */
  async setRunDefaults(classId: string, runDefaults: TClassRunDefaults): Promise<boolean> {
    const { count } = await this.prisma.class.updateMany({ where: { id: classId }, data: { runDefaults } });
    return count === 1;
  }

  /** Keeps the teacher's latest broadcast to the class (it replaces the one before). */
  async setBroadcast(classId: string, broadcast: TBroadcast): Promise<void> {
    await this.prisma.class.update({
      where: { id: classId },
      data: { broadcast: broadcast as Prisma.InputJsonValue },
    });
  }

  /**
   * Locks or unlocks one phase in a single statement (two teachers' tabs toggling different phases at once
   * both count). Returns the locked phases after the change, null for an unknown class.
   */
  async setPhaseLock(classId: string, phase: number, locked: boolean): Promise<number[] | null> {
    const rows = await this.prisma.$queryRaw<{ lockedPhases: number[] | null }[]>(Prisma.sql`
      UPDATE "Class"
      SET "lockedPhases" = array_remove(coalesce("lockedPhases", '{}'), ${phase}::int)
        || CASE WHEN ${locked} THEN ARRAY[${phase}::int] ELSE '{}'::int[] END
      WHERE id = ${classId}::uuid
      RETURNING "lockedPhases"`);
    const [row] = rows;
    return row ? (row.lockedPhases ?? []) : null;
  }

  /** What the progress rules read about each of these students (a whole class in four queries). */
  async studentsActivity(userIds: string[], now: Date): Promise<Map<string, StudentActivityRows>> {
    const activity = new Map(userIds.map((id) => [id, noActivity()]));
    if (userIds.length === 0) return activity;
    const where = { userId: { in: userIds } };
    // Sequential on purpose: one connection, no overlapping queries on it.
    const runs = await this.prisma.experiment.groupBy({
      by: ['userId', 'kind', 'status'],
      where,
      _max: { createdAt: true },
    });
    for (const run of runs) {
      const rows = activity.get(run.userId);
      if (!rows) continue;
      touch(rows, run._max.createdAt);
      // the Hello World trains networks: a classical model does not count
      if (run.kind !== 'NETWORK') continue;
      rows.runs.any = true;
      if (run.status === 'SUCCEEDED') rows.runs.succeeded = true;
    }
    // A class's answers weigh megabytes, the rules only ask which fields hold something (lesson-progress.ts).
    const deliverables = await this.prisma.$queryRaw<
      { userId: string; activity: string; status: string; answered: string[]; updatedAt: Date }[]
    >(Prisma.sql`
      SELECT d."userId"::text AS "userId", d.activity, d.status::text AS status, d."updatedAt",
        ARRAY(
          SELECT field.key
          FROM jsonb_each(CASE WHEN jsonb_typeof(d.answers) = 'object' THEN d.answers ELSE '{}' END) AS field
          WHERE CASE jsonb_typeof(field.value)
            WHEN 'string' THEN btrim(field.value #>> '{}', ${BLANK_CHARACTERS}) <> ''
            WHEN 'array' THEN jsonb_array_length(field.value) > 0
            WHEN 'object' THEN EXISTS (
              SELECT 1 FROM jsonb_each_text(field.value) AS cell
              WHERE btrim(cell.value, ${BLANK_CHARACTERS}) <> '')
            ELSE false
          END
        ) AS answered
      FROM "Deliverable" d
      WHERE d."userId" = ANY(${userIds}::uuid[])`);
    for (const { userId, updatedAt, ...deliverable } of deliverables) {
      const rows = activity.get(userId);
      if (!rows) continue;
      rows.deliverables.push(deliverable);
      touch(rows, updatedAt);
    }
    // An attempt past its deadline (and the grace period) counts as submitted: it is, with what was saved.
    const openUntil = new Date(now.getTime() - QUIZ_GRACE_SECONDS * 1000);
    const attempts = await this.prisma.quizAttempt.findMany({
      where,
      select: { userId: true, startedAt: true, deadline: true, submittedAt: true },
    });
    for (const attempt of attempts) {
      const rows = activity.get(attempt.userId);
      if (!rows) continue;
      if (attempt.submittedAt !== null || attempt.deadline < openUntil) rows.quiz.submitted = true;
      else rows.quiz.active = true;
      touch(rows, attempt.submittedAt ?? attempt.startedAt);
    }
    return activity;
  }
}
