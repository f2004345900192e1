import type { TClassicalSpec, TExperimentSpec, TRunEstimate } from '@dlclass/contracts';
import {
  ExperimentKind,
  ExperimentStatus,
  fairShareRank,
  identicalTraining,
  lockTraining,
  lockTrainingIdentity,
  meanRunMsSince,
  Prisma,
  type PrismaClient,
  queuePlaces,
  type SeedMode,
  trainingIdOf,
  trainingRunsWhere,
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
  attachedToId: true,
  reusedFromId: true,
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
  attachedToId: true,
  reusedFromId: true,
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
const UNFINISHED = [ExperimentStatus.QUEUED, ExperimentStatus.RUNNING];

/**
 * What a class's network run may share (see shared-training.ts in @dlclass/db): its training key, and whether
 * it attaches to an identical training of the class queued or running, or copies an identical finished run
 * (false: trained anew, as a retrain or in the one-seed-per-student mode; later identical runs may still
 * attach to it).
 */
export interface TrainingSharing {
  trainingKey: string;
  share: boolean;
}

/** What a cancel did: the run left a training others still wait for, or it was the last one (stop it). */
export type CancelOutcome = { detached: true } | { detached: false; trainingId: string };

@Injectable()
export class ExperimentsRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /**
   * Writes the run (QUEUED), before its job is added to the queue. With `admit`, the owner's unfinished runs
   * and runs of the last hour are counted and the run written in one transaction under a lock per owner: two
   * submissions at once cannot both pass a count limit. `admit` throws to refuse (nothing is written then).
   * With `retryOf`, the run is the retry of that FAILED run, which records it in the same transaction; a run
   * already retried (two clicks at once) is refused with `retryOf.taken()`, and nothing is written.
   * With `sharing` (a class's network run), under the lock of its identity in the class: it attaches to an
   * identical training queued or running (same status, with the epochs done so far), else copies the results of
   * an identical finished run (SUCCEEDED at once), else it is a training of its own. Check `attachedToId` and
   * `reusedFromId` of the row returned: only a training of its own needs a job.
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
    sharing?: TrainingSharing,
  ): Promise<CreatedExperimentRow> {
    return this.prisma.$transaction(async (tx) => {
      if (admit) {
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${input.userId}, 0))::text`;
        const since = new Date(Date.now() - HOUR_MS);
        const [unfinished, lastHour] = await Promise.all([
          tx.experiment.count({ where: { userId: input.userId, status: { in: UNFINISHED } } }),
          tx.experiment.count({ where: { userId: input.userId, createdAt: { gte: since } } }),
        ]);
        admit({ unfinished, lastHour });
      }
      const data = { ...input, spec: input.spec as Prisma.InputJsonValue };
      const created =
        sharing && input.classId
          ? await this.createShared(tx, { ...data, classId: input.classId }, sharing)
          : await tx.experiment.create({
              data: { ...data, status: 'QUEUED' },
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

  /** create() for a class's network run, which may share an identical training of its class. */
  private async createShared(
    tx: Prisma.TransactionClient,
    data: Omit<Prisma.ExperimentUncheckedCreateInput, 'classId' | 'kind'> & {
      classId: string;
      kind: ExperimentKind;
    },
    { trainingKey, share }: TrainingSharing,
  ): Promise<CreatedExperimentRow> {
    await lockTrainingIdentity(tx, data.classId, trainingKey);
    const create = (more: Partial<Prisma.ExperimentUncheckedCreateInput>) =>
      tx.experiment.create({ data: { ...data, trainingKey, ...more }, select: createdExperimentSelect });
    if (!share) return create({ status: 'QUEUED' });

    const identical = await identicalTraining(tx, { classId: data.classId, trainingKey, kind: data.kind });
    if (identical?.found === 'live') {
      const { run: live } = identical;
      const running = live.status === ExperimentStatus.RUNNING;
      const created = await create({
        status: live.status,
        attachedToId: trainingIdOf(live),
        ...(running ? { startedAt: new Date(), backend: live.backend, device: live.device } : {}),
      });
      // joining late: the epochs already done, as the others have them
      if (running) await copyEpochs(tx, live.id, created.id);
      return created;
    }
    const done =
      identical &&
      (await tx.experiment.findUnique({
        where: { id: identical.id },
        select: {
          id: true,
          backend: true,
          device: true,
          durationMs: true,
          testAccuracy: true,
          testLoss: true,
          evaluation: true,
        },
      }));
    if (!done) return create({ status: 'QUEUED' });
    const now = new Date();
    const { id: reusedFromId, evaluation, ...results } = done;
    const created = await create({
      ...results,
      evaluation: evaluation ?? Prisma.DbNull,
      reusedFromId,
      status: ExperimentStatus.SUCCEEDED,
      startedAt: now,
      finishedAt: now,
    });
    await copyEpochs(tx, reusedFromId, created.id);
    // its own copy of the trained model: deleting one run never takes another's
    await tx.$executeRaw`
      INSERT INTO "TrainedModel" ("experimentId", "modelTopology", "weightSpecs", "weightData")
      SELECT ${created.id}::uuid, "modelTopology", "weightSpecs", "weightData"
      FROM "TrainedModel" WHERE "experimentId" = ${reusedFromId}::uuid`;
    return created;
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

  /** The fair-share rank of a training, its job's priority. */
  fairShareRank(trainingId: string): Promise<number> {
    return fairShareRank(this.prisma, trainingId);
  }

  /** Mean time from start to end of the runs that succeeded since that date; null when none did. */
  meanRunMsSince(since: Date): Promise<number | null> {
    return meanRunMsSince(this.prisma, since);
  }

  /**
   * A student's cancel, under the lock of the run's training: a run whose training others still wait for
   * leaves it at once (CANCELLED; the training goes on for them); the last one is flagged, for its training to
   * be stopped. Null when the run had finished meanwhile.
   */
  async leaveTraining(id: string): Promise<CancelOutcome | null> {
    return this.prisma.$transaction(async (tx) => {
      const run = await tx.experiment.findUnique({ where: { id }, select: { id: true, attachedToId: true } });
      if (!run) return null;
      const trainingId = trainingIdOf(run);
      await lockTraining(tx, trainingId);
      const others = await tx.experiment.count({
        where: {
          ...trainingRunsWhere(trainingId),
          id: { not: id },
          status: { in: UNFINISHED },
          cancelRequested: false,
        },
      });
      const { count } = await tx.experiment.updateMany({
        where: { id, status: { in: UNFINISHED } },
        data:
          others > 0
            ? { cancelRequested: true, status: ExperimentStatus.CANCELLED, finishedAt: new Date() }
            : { cancelRequested: true },
      });
      if (count === 0) return null;
      return others > 0 ? { detached: true } : { detached: false, trainingId };
    });
  }

  /** The training's QUEUED runs -> CANCELLED (none when a worker took it meanwhile); returns those runs. */
  cancelIfQueued(trainingId: string): Promise<CreatedExperimentRow[]> {
    return this.moveQueuedRuns(trainingId, {
      status: ExperimentStatus.CANCELLED,
      finishedAt: new Date(),
      error: null,
    });
  }

  /** The training's QUEUED runs -> FAILED, when its job could not be queued; returns those runs. */
  failIfQueued(trainingId: string, error: string): Promise<CreatedExperimentRow[]> {
    return this.moveQueuedRuns(trainingId, {
      status: ExperimentStatus.FAILED,
      finishedAt: new Date(),
      error,
    });
  }

  private moveQueuedRuns(
    trainingId: string,
    data: Prisma.ExperimentUpdateManyMutationInput,
  ): Promise<CreatedExperimentRow[]> {
    return this.prisma.$transaction(async (tx) => {
      await lockTraining(tx, trainingId);
      return tx.experiment.updateManyAndReturn({
        where: { ...trainingRunsWhere(trainingId), status: ExperimentStatus.QUEUED },
        data,
        select: createdExperimentSelect,
      });
    });
  }

  /** How the class seeds the runs that give no seed (see ZSeedMode); null for a class that no longer exists. */
  classSeeding(classId: string): Promise<{ seed: number; seedMode: SeedMode } | null> {
    return this.prisma.class.findUnique({ where: { id: classId }, select: { seed: true, seedMode: true } });
  }

  /** What a class's network run of that training key would share now (no lock: for an estimate). */
  identicalTraining(classId: string, trainingKey: string): ReturnType<typeof identicalTraining> {
    return identicalTraining(this.prisma, { classId, trainingKey, kind: ExperimentKind.NETWORK });
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

/** The epochs of one run, copied to another (a run joining a training late, or copying a finished one). */
async function copyEpochs(tx: Prisma.TransactionClient, from: string, to: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ExperimentEpoch" ("experimentId", "epoch", "loss", "accuracy", "valLoss", "valAccuracy", "durationMs")
    SELECT ${to}::uuid, "epoch", "loss", "accuracy", "valLoss", "valAccuracy", "durationMs"
    FROM "ExperimentEpoch" WHERE "experimentId" = ${from}::uuid`;
}
