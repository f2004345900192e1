import { QUIZ_GRACE_SECONDS, type TBroadcast } from '@dlclass/contracts';
import { Prisma, type PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';

export interface StudentActivityRows {
  runs: { any: boolean; succeeded: boolean };
  deliverables: { activity: string; status: string; answers: unknown }[];
  quiz: { active: boolean; submitted: boolean };
}

@Injectable()
export class ContentRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The phases the class's teacher has locked and their latest broadcast (unparsed); null for an unknown class. */
  async classLesson(classId: string): Promise<{ locked: number[]; broadcast: unknown } | null> {
    const row = await this.prisma.class.findUnique({
      where: { id: classId },
      select: { lockedPhases: true, broadcast: true },
    });
    return row && { locked: row.lockedPhases, broadcast: row.broadcast };
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

  /** What the progress rules read about one student. */
  async studentActivity(userId: string, now: Date): Promise<StudentActivityRows> {
    // Sequential on purpose: one connection, no overlapping queries on it.
    // the Hello World trains networks: a classical model does not count
    const anyRun = await this.prisma.experiment.findFirst({
      where: { userId, kind: 'NETWORK' },
      select: { id: true },
    });
    const succeededRun = anyRun
      ? await this.prisma.experiment.findFirst({
          where: { userId, kind: 'NETWORK', status: 'SUCCEEDED' },
          select: { id: true },
        })
      : null;
    const deliverables = await this.prisma.deliverable.findMany({
      where: { userId },
      select: { activity: true, status: true, answers: true },
    });
    // An attempt past its deadline (and the grace period) counts as submitted: it is, with what was saved.
    const openUntil = new Date(now.getTime() - QUIZ_GRACE_SECONDS * 1000);
    const submitted = await this.prisma.quizAttempt.findFirst({
      where: { userId, OR: [{ submittedAt: { not: null } }, { deadline: { lt: openUntil } }] },
      select: { id: true },
    });
    const active = await this.prisma.quizAttempt.findFirst({
      where: { userId, submittedAt: null, deadline: { gte: openUntil } },
      select: { id: true },
    });
    return {
      runs: { any: anyRun !== null, succeeded: succeededRun !== null },
      deliverables,
      quiz: { active: active !== null, submitted: submitted !== null },
    };
  }
}
