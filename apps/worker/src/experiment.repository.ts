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
  type Prisma,
  type PrismaClient,
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

/** The only code of the worker that touches the database. */
export class ExperimentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  find(id: string): Promise<TRunTarget | null> {
    return this.prisma.experiment.findUnique({
      where: { id },
      select: {
        id: true,
        userId: true,
        classId: true,
        kind: true,
        status: true,
        cancelRequested: true,
        spec: true,
      },
    });
  }

  /** Every run not finished yet (QUEUED or RUNNING), oldest first. */
  listUnfinished(): Promise<
    (Omit<TRunTarget, 'cancelRequested' | 'spec'> & { timeLimitS: number | null })[]
  > {
    return this.prisma.experiment.findMany({
      where: { status: { in: [ExperimentStatus.QUEUED, ExperimentStatus.RUNNING] } },
      select: { id: true, userId: true, classId: true, kind: true, status: true, timeLimitS: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  /** The run's job priority, the same the API gave it (see fairShareRank). */
  fairShareRank(id: string): Promise<number> {
    return fairShareRank(this.prisma, id);
  }

  /**
   * QUEUED (or RUNNING, when BullMQ redelivers the job) -> RUNNING, forgetting the epochs of an interrupted
   * attempt. Returns false when the run is no longer QUEUED/RUNNING (already finished or cancelled).
   */
  async markRunning(id: string, backend: string, device: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.experiment.updateMany({
        where: { id, status: { in: [ExperimentStatus.QUEUED, ExperimentStatus.RUNNING] } },
        data: { status: ExperimentStatus.RUNNING, startedAt: new Date(), backend, device, error: null },
      });
      if (count === 0) return false;
      await tx.experimentEpoch.deleteMany({ where: { experimentId: id } });
      return true;
    });
  }

  async saveEpoch(id: string, m: TEpochMetrics): Promise<void> {
    const data = {
      loss: m.loss,
      accuracy: m.accuracy,
      valLoss: m.valLoss,
      valAccuracy: m.valAccuracy,
      durationMs: m.durationMs,
    };
    await this.prisma.experimentEpoch.upsert({
      where: { experimentId_epoch: { experimentId: id, epoch: m.epoch } },
      create: { experimentId: id, epoch: m.epoch, ...data },
      update: data,
    });
  }

  /**
   * Evaluation, duration, parameter count, trained network (a classical run: its fit and predict times instead)
   * and SUCCEEDED, all or nothing, and only from RUNNING: a run that was meanwhile failed (stall handler) or
   * cancelled keeps its state. Returns whether the run was completed.
   */
  async complete(
    id: string,
    result: { evaluation: TEvaluation; durationMs: number } & (
      | { parameterCount: number; artifacts: TModelArtifacts }
      | { classical: Omit<TClassicalResult, 'evaluation'> }
    ),
  ): Promise<boolean> {
    const { testAccuracy, testLoss, ...details } = result.evaluation;
    const network = 'artifacts' in result ? result : null;
    const model = network && {
      modelTopology: network.artifacts.modelTopology as Prisma.InputJsonValue,
      weightSpecs: network.artifacts.weightSpecs as unknown as Prisma.InputJsonValue,
      weightData: new Uint8Array(network.artifacts.weightData),
    };
    const evaluation = 'classical' in result ? { ...details, ...result.classical } : details;
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.experiment.updateMany({
        where: { id, status: ExperimentStatus.RUNNING },
        data: {
          status: ExperimentStatus.SUCCEEDED,
          finishedAt: new Date(),
          durationMs: result.durationMs,
          parameterCount: network?.parameterCount ?? 0,
          testAccuracy,
          testLoss,
          evaluation: evaluation as Prisma.InputJsonValue,
          error: null,
        },
      });
      if (count === 0) return false;
      if (model) {
        await tx.trainedModel.upsert({
          where: { experimentId: id },
          create: { experimentId: id, ...model },
          update: model,
        });
      }
      return true;
    });
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

  async markCancelled(id: string): Promise<void> {
    await this.prisma.experiment.updateMany({
      where: { id, status: { in: [ExperimentStatus.QUEUED, ExperimentStatus.RUNNING] } },
      data: { status: ExperimentStatus.CANCELLED, finishedAt: new Date() },
    });
  }

  /** RUNNING -> QUEUED when a stopping worker hands the job back to the queue. */
  async requeue(id: string): Promise<void> {
    await this.prisma.experiment.updateMany({
      where: { id, status: ExperimentStatus.RUNNING },
      data: { status: ExperimentStatus.QUEUED, startedAt: null },
    });
  }

  /** FAILED with a reason a student can read; a run that already ended keeps its state. */
  async markFailed(id: string, reason: string): Promise<boolean> {
    const { count } = await this.prisma.experiment.updateMany({
      where: { id, status: { in: [ExperimentStatus.QUEUED, ExperimentStatus.RUNNING] } },
      data: { status: ExperimentStatus.FAILED, finishedAt: new Date(), error: reason },
    });
    return count > 0;
  }
}
