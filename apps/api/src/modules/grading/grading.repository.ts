import type { TRubricCriterion, TSaveGradeRequest } from '@dlclass/contracts';
import type { DeliverableStatus, Prisma, PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';
import { gradeSelect } from './grade.mapper';

const itemSelect = {
  id: true,
  activity: true,
  status: true,
  submittedAt: true,
  returnedAt: true,
  user: { select: { id: true, displayName: true } },
  grade: { select: { total: true, maxTotal: true } },
} satisfies Prisma.DeliverableSelect;

export type GradingItemRow = Prisma.DeliverableGetPayload<{ select: typeof itemSelect }>;

/** A handed-in deliverable with its full grade, as the grade book reads it. */
const gradedSelect = {
  userId: true,
  activity: true,
  status: true,
  grade: { select: gradeSelect },
} satisfies Prisma.DeliverableSelect;

export type GradedRow = Prisma.DeliverableGetPayload<{ select: typeof gradedSelect }>;

/** Statuses of a deliverable handed in at least once: the ones a teacher grades. */
const HANDED_IN: DeliverableStatus[] = ['SUBMITTED', 'RETURNED', 'FINALISED'];

@Injectable()
export class GradingRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The class's own rubrics (activity → stored criteria). */
  async rubrics(classId: string): Promise<Map<string, Prisma.JsonValue>> {
    const rows = await this.prisma.gradingRubric.findMany({ where: { classId } });
    return new Map(rows.map((row) => [row.activity, row.criteria]));
  }

  async saveRubric(classId: string, activity: string, criteria: TRubricCriterion[]): Promise<void> {
    await this.prisma.gradingRubric.upsert({
      where: { classId_activity: { classId, activity } },
      create: { classId, activity, criteria },
      update: { criteria },
    });
  }

  async deleteRubric(classId: string, activity: string): Promise<void> {
    await this.prisma.gradingRubric.deleteMany({ where: { classId, activity } });
  }

  /** The class's handed-in deliverables of these activities, with their student and grade. */
  queue(classId: string, activities: string[]): Promise<GradingItemRow[]> {
    return this.prisma.deliverable.findMany({
      where: { classId, activity: { in: activities }, status: { in: HANDED_IN } },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      select: itemSelect,
    });
  }

  item(classId: string, deliverableId: string): Promise<GradingItemRow | null> {
    return this.prisma.deliverable.findFirst({
      where: { id: deliverableId, classId, status: { in: HANDED_IN } },
      select: itemSelect,
    });
  }

  /** The class's name and its students (null when there is no such class). */
  async classRoster(
    classId: string,
  ): Promise<{ name: string; students: { id: string; displayName: string }[] } | null> {
    return this.prisma.class.findUnique({
      where: { id: classId },
      select: { name: true, students: { select: { id: true, displayName: true } } },
    });
  }

  /** Every handed-in deliverable of the class with its grade (the grade book's input). */
  graded(classId: string, activities: string[]): Promise<GradedRow[]> {
    return this.prisma.deliverable.findMany({
      where: { classId, activity: { in: activities }, status: { in: HANDED_IN } },
      select: gradedSelect,
    });
  }

  /**
   * Writes the grade of a handed-in deliverable (the criteria are kept from the first write). False when the
   * deliverable is not handed in any more. A finalised grade must stay complete: `total` null is refused then.
   */
  async saveGrade(input: {
    deliverableId: string;
    graderId: string;
    grade: TSaveGradeRequest;
    criteria: TRubricCriterion[];
    total: number | null;
    maxTotal: number;
  }): Promise<'saved' | 'not-handed-in' | 'finalised-incomplete'> {
    const { deliverableId, graderId, grade, criteria, total, maxTotal } = input;
    return this.prisma.$transaction(async (tx) => {
      const status = await lockStatus(tx, deliverableId);
      if (!status || !HANDED_IN.includes(status)) return 'not-handed-in';
      if (status === 'FINALISED' && total === null) return 'finalised-incomplete';
      const data = { graderId, ...grade, total };
      await tx.deliverableGrade.upsert({
        where: { deliverableId },
        create: { deliverableId, criteria, maxTotal, ...data },
        update: data,
      });
      return 'saved';
    });
  }

  findGrade(deliverableId: string) {
    return this.prisma.deliverableGrade.findUnique({ where: { deliverableId }, select: gradeSelect });
  }

  /** Submitted → finalised with a complete grade, in one transaction; false when either is not so. */
  async finalise(deliverableId: string, at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      if ((await lockStatus(tx, deliverableId)) !== 'SUBMITTED') return false;
      const grade = await tx.deliverableGrade.findUnique({
        where: { deliverableId },
        select: { total: true },
      });
      if (grade?.total == null) return false;
      await tx.$executeRaw`
        UPDATE "Deliverable" SET status = 'FINALISED' WHERE id = ${deliverableId}::uuid`;
      await tx.deliverableGrade.update({ where: { deliverableId }, data: { finalisedAt: at } });
      return true;
    });
  }

  /** Submitted or finalised → returned (editable again, the grade no longer final); false otherwise. */
  async giveBack(deliverableId: string, at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const status = await lockStatus(tx, deliverableId);
      if (status !== 'SUBMITTED' && status !== 'FINALISED') return false;
      await tx.$executeRaw`
        UPDATE "Deliverable" SET status = 'RETURNED', "returnedAt" = ${at} WHERE id = ${deliverableId}::uuid`;
      await tx.deliverableGrade.updateMany({ where: { deliverableId }, data: { finalisedAt: null } });
      return true;
    });
  }
}

/**
 * Locks the deliverable's row for the rest of the transaction and reads its status: grading, finalising and
 * returning the same deliverable then happen one after the other, each seeing the previous one's result.
 * Status changes are written in SQL so that `updatedAt` stays the student's own last save.
 */
async function lockStatus(
  tx: Prisma.TransactionClient,
  deliverableId: string,
): Promise<DeliverableStatus | null> {
  const [row] = await tx.$queryRaw<{ status: DeliverableStatus }[]>`
    SELECT status FROM "Deliverable" WHERE id = ${deliverableId}::uuid FOR UPDATE`;
  return row?.status ?? null;
}
