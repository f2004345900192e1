import {
  REAL_WORLD_MAX_DRAWINGS,
  type TClassicalResult,
  type TEpochMetrics,
  type TEvaluation,
} from '@dlclass/contracts';
import {
  type ExperimentKind,
  ExperimentStatus,
  fairShareRank,
  lockTraining,
  type Prisma,
  type PrismaClient,
  trainingRunsWhere,
} from '@dlclass/db';
import type { TLabelledDrawing, TModelArtifacts } from '@dlclass/ml';

export interface TRunTarget {
  id: string;
  userId: string;
  classId: string | null;
  kind: ExperimentKind;
  status: ExperimentStatus;
  cancelRequested: boolean;
  spec: unknown;
}

/** A run as its events address it (see TRunRef in events.ts). */
const runRefSelect = { id: true, userId: true, classId: true, kind: true } satisfies Prisma.ExperimentSelect;
export type TRunRow = Prisma.ExperimentGetPayload<{ select: typeof runRefSelect }>;

const UNFINISHED = [ExperimentStatus.QUEUED, ExperimentStatus.RUNNING];

/**
 * The only code of the worker that touches the database. A job trains one training: the run whose job it is
 * and the runs attached to it (see shared-training.ts in @dlclass/db). Every change moves the unfinished runs
 * of the training together, under the lock of its identity, and returns the runs it changed (to announce).
 */
export class ExperimentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Every run of the training (finished ones too), the run whose job it is first; empty when none exists. */
  async findTraining(trainingId: string): Promise<TRunTarget[]> {
    const runs = await this.prisma.experiment.findMany({
      where: trainingRunsWhere(trainingId),
      select: {
        id: true,
        userId: true,
        classId: true,
        kind: true,
        status: true,
        cancelRequested: true,
        spec: true,
      },
      orderBy: { createdAt: 'asc' },
    });
    return runs.sort((a, b) => Number(b.id === trainingId) - Number(a.id === trainingId));
  }

  /** The training's runs still waiting for its results (QUEUED or RUNNING). */
  unfinishedRuns(trainingId: string): Promise<TRunRow[]> {
    return this.prisma.experiment.findMany({
      where: { ...trainingRunsWhere(trainingId), status: { in: UNFINISHED } },
      select: runRefSelect,
    });
  }

  /** Every run not finished yet (QUEUED or RUNNING), oldest first. */
  listUnfinished(): Promise<
    (Omit<TRunTarget, 'cancelRequested' | 'spec'> & {
      timeLimitS: number | null;
      attachedToId: string | null;
    })[]
  > {
    return this.prisma.experiment.findMany({
      where: { status: { in: UNFINISHED } },
      select: {
        id: true,
        userId: true,
        classId: true,
        kind: true,
        status: true,
        timeLimitS: true,
        attachedToId: true,
      },
      orderBy: { createdAt: 'asc' },
    });
  }

  /** The training's job priority, the same the API gave it (see fairShareRank). */
  fairShareRank(trainingId: string): Promise<number> {
    return fairShareRank(this.prisma, trainingId);
  }

  /** Changes the training's unfinished runs (those `status` selects) together, under its lock. */
  private moveRuns(
    trainingId: string,
    status: ExperimentStatus[],
    data: Prisma.ExperimentUpdateManyMutationInput,
    then?: (tx: Prisma.TransactionClient, ids: string[]) => Promise<unknown>,
  ): Promise<TRunRow[]> {
    return this.prisma.$transaction(async (tx) => {
      await lockTraining(tx, trainingId);
      const runs = await tx.experiment.updateManyAndReturn({
        where: { ...trainingRunsWhere(trainingId), status: { in: status } },
        data,
        select: runRefSelect,
      });
      if (runs.length > 0 && then)
        await then(
          tx,
          runs.map((run) => run.id),
        );
      return runs;
    });
  }

  /**
   * QUEUED (or RUNNING, when BullMQ redelivers the job) -> RUNNING, forgetting the epochs of an interrupted
   * attempt. Returns no run when none is left to train (all finished or cancelled).
   */
  markRunning(trainingId: string, backend: string, device: string): Promise<TRunRow[]> {
    return this.moveRuns(
      trainingId,
      UNFINISHED,
      { status: ExperimentStatus.RUNNING, startedAt: new Date(), backend, device, error: null },
      (tx, ids) => tx.experimentEpoch.deleteMany({ where: { experimentId: { in: ids } } }),
    );
  }

  /** The epoch, saved for every run of the training still waiting for it; returns those runs. */
  async saveEpoch(trainingId: string, m: TEpochMetrics): Promise<TRunRow[]> {
    const data = {
      epoch: m.epoch,
      loss: m.loss,
      accuracy: m.accuracy,
      valLoss: m.valLoss,
      valAccuracy: m.valAccuracy,
      durationMs: m.durationMs,
    };
    return this.prisma.$transaction(async (tx) => {
      await lockTraining(tx, trainingId);
      const runs = await tx.experiment.findMany({
        where: { ...trainingRunsWhere(trainingId), status: { in: UNFINISHED } },
        select: runRefSelect,
      });
      const ids = runs.map((run) => run.id);
      await tx.experimentEpoch.deleteMany({ where: { experimentId: { in: ids }, epoch: m.epoch } });
      await tx.experimentEpoch.createMany({ data: ids.map((experimentId) => ({ experimentId, ...data })) });
      return runs;
    });
  }

  /**
   * Evaluation, duration, parameter count, trained network (a classical run: its fit and predict times instead)
   * and SUCCEEDED, for every run of the training, all or nothing, and only from RUNNING: a run that was
   * meanwhile failed (stall handler) or cancelled keeps its state. Returns the runs completed.
   */
  complete(
    trainingId: string,
    result: { evaluation: TEvaluation; durationMs: number } & (
      | { parameterCount: number; artifacts: TModelArtifacts }
      | { classical: Omit<TClassicalResult, 'evaluation'> }
    ),
  ): Promise<TRunRow[]> {
    const { testAccuracy, testLoss, ...details } = result.evaluation;
    const network = 'artifacts' in result ? result : null;
    const model = network && {
      modelTopology: network.artifacts.modelTopology as Prisma.InputJsonValue,
      weightSpecs: network.artifacts.weightSpecs as unknown as Prisma.InputJsonValue,
      weightData: new Uint8Array(network.artifacts.weightData),
    };
    const evaluation = 'classical' in result ? { ...details, ...result.classical } : details;
    return this.moveRuns(
      trainingId,
      [ExperimentStatus.RUNNING],
      {
        status: ExperimentStatus.SUCCEEDED,
        finishedAt: new Date(),
        durationMs: result.durationMs,
        parameterCount: network?.parameterCount ?? 0,
        testAccuracy,
        testLoss,
        evaluation: evaluation as Prisma.InputJsonValue,
        error: null,
      },
      async (tx, ids) => {
        if (!model) return;
        // each run its own copy: deleting one never takes another's model
        await tx.trainedModel.deleteMany({ where: { experimentId: { in: ids } } });
        await tx.trainedModel.createMany({ data: ids.map((experimentId) => ({ experimentId, ...model })) });
      },
    );
  }

  /**
   * The "real world" test set of a run: the newest drawings its class made with consent and the digit they
   * meant (a run outside any class: its owner's own drawings).
   */
  async realWorldDrawings(run: { userId: string; classId: string | null }): Promise<TLabelledDrawing[]> {
    const rows = await this.prisma.drawing.findMany({
      where: {
        consent: true,
        intended: { not: null },
        ...(run.classId ? { user: { classId: run.classId } } : { userId: run.userId }),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: REAL_WORLD_MAX_DRAWINGS,
      select: { id: true, pixels: true, intended: true },
    });
    return rows.map((row) => ({ id: row.id, pixels: row.pixels, intended: row.intended ?? 0 }));
  }

  /** The training's unfinished runs -> CANCELLED. */
  markCancelled(trainingId: string): Promise<TRunRow[]> {
    return this.moveRuns(trainingId, UNFINISHED, {
      status: ExperimentStatus.CANCELLED,
      finishedAt: new Date(),
    });
  }

  /** RUNNING -> QUEUED when a stopping worker hands the job back to the queue. */
  requeue(trainingId: string): Promise<TRunRow[]> {
    return this.moveRuns(trainingId, [ExperimentStatus.RUNNING], {
      status: ExperimentStatus.QUEUED,
      startedAt: null,
    });
  }

  /** FAILED with a reason a student can read; a run that already ended keeps its state. */
  markFailed(trainingId: string, reason: string): Promise<TRunRow[]> {
    return this.moveRuns(trainingId, UNFINISHED, {
      status: ExperimentStatus.FAILED,
      finishedAt: new Date(),
      error: reason,
    });
  }
}
