import type { TClassicalSpec, TExperimentSpec, TRunEstimate } from '@dlclass/contracts';
import {
  type ExperimentKind,
  fairShareRank,
  meanRunMsSince,
  type Prisma,
  type PrismaClient,
  queuePlaces,
} from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';

const HOUR_MS = 3_600_000;

const experimentSummarySelect = {
  id: true,
  userId: true,
  classId: true,
  name: true,
  kind: true,
  spec: true,
  status: true,
  error: true,
  backend: true,
  device: true,
  parameterCount: true,
  cancelRequested: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  estimatedDurationMs: true,
  estimatedWaitMs: true,
  estimateBasis: true,
  testAccuracy: true,
  testLoss: true,
  user: { select: { displayName: true } },
  epochs: {
    orderBy: { epoch: 'asc' },
    select: { epoch: true, loss: true, accuracy: true, valLoss: true, valAccuracy: true, durationMs: true },
  },
  model: { select: { experimentId: true } },
} satisfies Prisma.ExperimentSelect;

const experimentSelect = {
  ...experimentSummarySelect,
  evaluation: true,
  retriedAsId: true,
} satisfies Prisma.ExperimentSelect;

/**
 * What a new run needs to be announced: scalars only. Selecting relations in a create makes Prisma 7
 * wrap it in a transaction and fetch the relations concurrently on that one connection, which pg
 * deprecates ("client.query() when the client is already executing a query").
 */
const createdExperimentSelect = {
  id: true,
  userId: true,
  classId: true,
  kind: true,
  status: true,
  backend: true,
  error: true,
  testAccuracy: true,
  createdAt: true,
} satisfies Prisma.ExperimentSelect;

export type ExperimentSummaryRow = Prisma.ExperimentGetPayload<{ select: typeof experimentSummarySelect }>;
export type ExperimentRow = Prisma.ExperimentGetPayload<{ select: typeof experimentSelect }>;
export type CreatedExperimentRow = Prisma.ExperimentGetPayload<{ select: typeof createdExperimentSelect }>;
export type ExperimentScope =
  | { kind: 'all' }
  | { kind: 'class'; classId: string }
  | { kind: 'owner'; userId: string }
  | { kind: 'ownerOrTaughtBy'; userId: string };

const LIST_LIMIT = 500;

@Injectable()
export class ExperimentsRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /**
   * Writes the run (QUEUED), before its job is added to the queue. With `admit`, the owner's unfinished runs
   * and runs of the last hour are counted and the run written in one transaction under a lock per owner: two
   * submissions at once cannot both pass a count limit. `admit` throws to refuse (nothing is written then).
   * With `retryOf`, the run is the retry of that FAILED run, which records it in the same transaction; a run
   * already retried (two clicks at once) is refused with `retryOf.taken()`, and nothing is written.
   */
  async create(
    input: {
      userId: string;
      classId: string | null;
      name: string;
      kind: ExperimentKind;
      spec: TExperimentSpec | TClassicalSpec;
      parameterCount: number;
      timeLimitS: number;
      /** The launch-time estimate it got (none: none could be made, or a classical run). */
      estimatedDurationMs?: number | null;
      estimatedWaitMs?: number | null;
      estimateBasis?: TRunEstimate['basis'] | null;
    },
    admit?: (counts: { unfinished: number; lastHour: number }) => void,
    retryOf?: { id: string; taken: () => Error },
  ): Promise<CreatedExperimentRow> {
    return this.prisma.$transaction(async (tx) => {
      if (admit) {
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${input.userId}, 0))::text`;
        const since = new Date(Date.now() - HOUR_MS);
        const [unfinished, lastHour] = await Promise.all([
          tx.experiment.count({ where: { userId: input.userId, status: { in: ['QUEUED', 'RUNNING'] } } }),
          tx.experiment.count({ where: { userId: input.userId, createdAt: { gte: since } } }),
        ]);
        admit({ unfinished, lastHour });
      }
      const created = await tx.experiment.create({
        data: { ...input, spec: input.spec as Prisma.InputJsonValue, status: 'QUEUED' },
        select: createdExperimentSelect,
      });
      if (retryOf) {
        // the row lock makes a concurrent retry wait, then find retriedAsId set
        const { count } = await tx.experiment.updateMany({
          where: { id: retryOf.id, status: 'FAILED', retriedAsId: null },
          data: { retriedAsId: created.id },
        });
        if (count === 0) throw retryOf.taken();
      }
      return created;
    });
  }

  /** The run, when it is of that kind. */
  async findById(id: string, kind?: ExperimentKind): Promise<ExperimentRow | null> {
    return this.prisma.experiment.findUnique({ where: { id, kind }, select: experimentSelect });
  }

  /** The scope's runs of one kind, newest first. */
  async list(scope: ExperimentScope, kind: ExperimentKind): Promise<ExperimentSummaryRow[]> {
    const where: Prisma.ExperimentWhereInput =
      scope.kind === 'all'
        ? {}
        : scope.kind === 'class'
          ? { classId: scope.classId }
          : scope.kind === 'owner'
            ? { userId: scope.userId }
            : { OR: [{ userId: scope.userId }, { class: { teacherId: scope.userId } }] };
    return this.prisma.experiment.findMany({
      where: { ...where, kind },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: LIST_LIMIT,
      select: experimentSummarySelect,
    });
  }

  /** Every QUEUED run's place in the fair-share order (1 = next to start), by id. */
  queuePlaces(): Promise<Map<string, number>> {
    return queuePlaces(this.prisma);
  }

  /** The run's fair-share rank, its job's priority. */
  fairShareRank(id: string): Promise<number> {
    return fairShareRank(this.prisma, id);
  }

  /** Mean time from start to end of the runs that succeeded since that date; null when none did. */
  meanRunMsSince(since: Date): Promise<number | null> {
    return meanRunMsSince(this.prisma, since);
  }

  async markCancelRequested(id: string): Promise<void> {
    await this.prisma.experiment.update({ where: { id }, data: { cancelRequested: true } });
  }

  /** QUEUED -> CANCELLED; false when the run was no longer queued (a worker took it meanwhile). */
  async cancelIfQueued(id: string): Promise<boolean> {
    const { count } = await this.prisma.experiment.updateMany({
      where: { id, status: 'QUEUED' },
      data: { status: 'CANCELLED', finishedAt: new Date(), error: null },
    });
    return count === 1;
  }

  /** QUEUED -> FAILED, when its job could not be queued. */
  async failIfQueued(id: string, error: string): Promise<void> {
    await this.prisma.experiment.updateMany({
      where: { id, status: 'QUEUED' },
      data: { status: 'FAILED', finishedAt: new Date(), error },
    });
  }

  /** The pixels of these drawings, those that still exist and are still shared with the class. */
  drawingPixels(ids: string[]): Promise<{ id: string; pixels: Uint8Array }[]> {
    return this.prisma.drawing.findMany({
      where: { id: { in: ids }, consent: true },
      select: { id: true, pixels: true },
    });
  }

  async findModel(id: string) {
    return this.prisma.trainedModel.findUnique({
      where: { experimentId: id },
      select: { modelTopology: true, weightSpecs: true, weightData: true },
    });
  }
}
