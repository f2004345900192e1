import type { TAnswers } from '@dlclass/contracts';
import type { ExperimentKind, Prisma, PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';
import { isUniqueViolation } from '../../common/infra/unique-violation';
import { gradeSelect } from '../grading/grade.mapper';
import type { MeasuredRun } from './measured';

const deliverableSelect = {
  id: true,
  userId: true,
  classId: true,
  activity: true,
  status: true,
  version: true,
  answers: true,
  submittedVersion: true,
  updatedAt: true,
  submittedAt: true,
  returnedAt: true,
  grade: { select: gradeSelect },
} satisfies Prisma.DeliverableSelect;

export type DeliverableRow = Prisma.DeliverableGetPayload<{ select: typeof deliverableSelect }>;

/** Statuses in which the student may still change the answers. */
const EDITABLE = ['DRAFT', 'RETURNED'] as const;

@Injectable()
export class DeliverablesRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  find(userId: string, activity: string): Promise<DeliverableRow | null> {
    return this.prisma.deliverable.findUnique({
      where: { userId_activity: { userId, activity } },
      select: deliverableSelect,
    });
  }

  /**
   * The first save (version 1). False when a record already exists: another tab's first save won the
   * race (the unique (userId, activity) constraint decides), and this one is stale.
   */
  async createFirst(input: {
    userId: string;
    classId: string | null;
    activity: string;
    answers: TAnswers;
    placementScore: number | null;
    savedAt: Date;
  }): Promise<boolean> {
    const { savedAt, ...data } = input;
    try {
      await this.prisma.deliverable.create({
        data: { ...data, version: 1, createdAt: savedAt, updatedAt: savedAt },
        select: { id: true },
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /**
   * Replaces the answers in one conditional write: only if the record is still at `expectedVersion` and
   * editable. False otherwise (stale or locked: read the record to tell which).
   */
  async saveIfCurrent(input: {
    userId: string;
    activity: string;
    expectedVersion: number;
    answers: TAnswers;
    placementScore: number | null;
    savedAt: Date;
  }): Promise<boolean> {
    const { count } = await this.prisma.deliverable.updateMany({
      where: {
        userId: input.userId,
        activity: input.activity,
        version: input.expectedVersion,
        status: { in: [...EDITABLE] },
      },
      data: {
        answers: input.answers,
        placementScore: input.placementScore,
        version: { increment: 1 },
        updatedAt: input.savedAt,
      },
    });
    return count === 1;
  }

  /** Draft/returned at `version` → submitted, in one conditional write; false when not (stale or locked). */
  async submitIfCurrent(userId: string, activity: string, version: number, at: Date): Promise<boolean> {
    const { count } = await this.prisma.deliverable.updateMany({
      where: { userId, activity, version, status: { in: [...EDITABLE] } },
      data: { status: 'SUBMITTED', submittedVersion: version, submittedAt: at },
    });
    return count === 1;
  }

  /** What each of these runs trains (network or classical model). */
  async runKinds(ids: string[]): Promise<Map<string, ExperimentKind>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.experiment.findMany({
      where: { id: { in: ids } },
      select: { id: true, kind: true },
    });
    return new Map(rows.map((row) => [row.id, row.kind]));
  }

  /** The user's runs among `ids`, with what the measured facts read (others' runs are left out). */
  findRuns(userId: string, ids: string[]): Promise<MeasuredRun[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.experiment.findMany({
      where: { id: { in: ids }, userId },
      select: {
        id: true,
        name: true,
        kind: true,
        createdAt: true,
        backend: true,
        device: true,
        parameterCount: true,
        durationMs: true,
        testAccuracy: true,
        spec: true,
        evaluation: true,
        epochs: {
          orderBy: { epoch: 'asc' },
          select: { accuracy: true, valAccuracy: true, durationMs: true },
        },
        drawings: { orderBy: { createdAt: 'asc' }, select: { intended: true, predicted: true } },
      },
    });
  }
}
