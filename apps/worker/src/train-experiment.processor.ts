import {
  cancelKey,
  type TEpochMetrics,
  type TExperimentStatus,
  ZClassicalSpec,
  ZExperimentSpec,
  ZTrainExperimentJob,
} from '@dlclass/contracts';
import { ExperimentKind, ExperimentStatus } from '@dlclass/db';
import { describeModel, type TBatchMetrics } from '@dlclass/ml';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { RealtimePublisher, TRunRef } from './events';
import type { ExperimentRepository } from './experiment.repository';
import type { Logger } from './logger';
import { estimateTrainingMemoryBytes, formatMegabytes } from './run-guards';
import type { SpeedMeter } from './speed-meter';
import { TrainingError, type TrainingThread } from './trainer';
import type { TrainerPool } from './trainer-pool';

const CANCEL_POLL_MS = 250;

/** A limit in seconds as a student reads it: minutes when whole. */
function formatDuration(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/** What a student reads when a run fails, by cause. */
export const FAILURE_REASONS = {
  invalid: (detail: string) => `Architecture invalide : ${detail}`,
  /** The dataset's files are missing on this server: the detail (French) says how to install them. */
  dataset: (detail: string) => detail,
  spec: (detail: string) => `La configuration de l'expérience est invalide : ${detail}`,
  oom: "Mémoire insuffisante pour entraîner ce modèle : réduisez la taille du batch, le nombre de neurones ou de filtres, ou la taille du jeu d'entraînement.",
  diverged:
    "L'entraînement a divergé (la perte est devenue infinie ou NaN) : essayez un taux d'apprentissage plus petit.",
  internal:
    "Le serveur d'entraînement a rencontré une erreur inattendue. Relancez l'expérience ; si le problème persiste, prévenez votre professeur.",
  timeLimit: (limitS: number) =>
    `L'entraînement a été arrêté : il a dépassé la limite de temps de ${formatDuration(limitS)} par expérience. Réduisez le nombre d'époques ou la taille du jeu d'entraînement.`,
  memory: (estimatedBytes: number, boundBytes: number) =>
    `Ce modèle demanderait environ ${formatMegabytes(estimatedBytes)} de mémoire pour s'entraîner, plus que les ${formatMegabytes(boundBytes)} permis : réduisez la taille du batch, le nombre de neurones ou de filtres.`,
  lost: "L'entraînement a été interrompu : le serveur d'entraînement s'est arrêté pendant qu'il tournait. Relancez l'expérience.",
} as const;

export interface TWorkerState {
  /** Runs being trained now, in the order they started. */
  running: Set<string>;
  shuttingDown: boolean;
}

export interface TProcessorDeps {
  repository: ExperimentRepository;
  publisher: RealtimePublisher;
  trainers: TrainerPool;
  redis: Redis;
  logger: Logger;
  state: TWorkerState;
  /** Measures each network run's speed, for the launch-time estimates. */
  speeds: SpeedMeter;
  limits: {
    /** Time limit of a run whose job carries none. */
    runTimeLimitS: number;
    /** Bound on a run's estimated tensor memory. */
    maxRunMemoryBytes: number;
  };
}

/** Why the processor stopped a run: the student's cancel, or its time limit. */
type TStopCause = 'cancel' | 'timeout';

/** Failure whose reason is already worded for the student; not worth a retry. */
class RunFailure extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
    cause?: unknown,
  ) {
    super(reason, { cause });
  }
}

function toRunFailure(error: unknown): RunFailure {
  if (error instanceof RunFailure) return error;
  if (error instanceof TrainingError) {
    switch (error.code) {
      case 'invalid':
        return new RunFailure(FAILURE_REASONS.invalid(error.message), false, error);
      case 'dataset':
        return new RunFailure(FAILURE_REASONS.dataset(error.message), false, error);
      case 'oom':
        return new RunFailure(FAILURE_REASONS.oom, false, error);
      case 'diverged':
        return new RunFailure(FAILURE_REASONS.diverged, false, error);
      default:
        return new RunFailure(FAILURE_REASONS.internal, true, error);
    }
  }
  return new RunFailure(FAILURE_REASONS.internal, true, error);
}

/**
 * The runs a training's progress goes to: its unfinished runs, as the last epoch saved found them, re-read
 * every second while it trains (a run that attached meanwhile gets the next batches; one that left, no more).
 */
class Audience {
  private refreshing = false;

  constructor(
    private readonly trainingId: string,
    private readonly repository: ExperimentRepository,
    public runs: TRunRef[],
  ) {}

  /** Re-reads the runs; a failed read keeps the last ones (the next epoch's save also refreshes them). */
  refresh(logger: Logger): void {
    if (this.refreshing) return;
    this.refreshing = true;
    this.repository
      .unfinishedRuns(this.trainingId)
      .then(
        (runs) => {
          this.runs = runs;
        },
        (error: unknown) => logger.warn({ err: error }, 'runs of the training not re-read'),
      )
      .finally(() => {
        this.refreshing = false;
      });
  }
}

/** Announces the new status of each of these runs (those a change of the training moved). */
function announce(
  publisher: RealtimePublisher,
  runs: TRunRef[],
  status: TExperimentStatus,
  extra?: Parameters<RealtimePublisher['status']>[2],
): void {
  for (const run of runs) publisher.status(run, status, extra);
}

/**
 * The progress events of one attempt, in one promise chain: an epoch is saved, then announced, and the
 * batches that follow wait for it, so events leave in order. Each event goes to every run of the training,
 * with that run's id. `seq` is given when an event leaves, from a clock seed (microseconds), so a later
 * attempt of the same training (retry, hand-back) starts above this one.
 */
class ProgressPublications {
  private chain: Promise<void> = Promise.resolve();
  private seq = Date.now() * 1000;
  private failure: { error: unknown } | null = null;
  /** Called once, when saving an epoch failed (the run is stopped: it will fail). */
  onFailure: () => void = () => undefined;

  constructor(
    private readonly trainingId: string,
    private readonly audience: Audience,
    private readonly publisher: RealtimePublisher,
    private readonly repository: ExperimentRepository,
  ) {}

  batch(m: TBatchMetrics): void {
    this.enqueue(() => {
      const seq = this.next();
      for (const run of this.audience.runs) {
        this.publisher.batch(run, { kind: 'batch', experimentId: run.id, seq, ...m });
      }
    });
  }

  epoch(m: TEpochMetrics, epochs: number): void {
    this.enqueue(async () => {
      // persisted, then announced: a reconnecting browser (or a run attaching later) finds it in the API
      this.audience.runs = await this.repository.saveEpoch(this.trainingId, m);
      const seq = this.next();
      for (const run of this.audience.runs) {
        this.publisher.epoch(run, { kind: 'epoch', experimentId: run.id, seq, epochs, ...m });
      }
    });
  }

  /** Resolves once every queued publication ran (never rejects: see throwIfFailed). */
  settled(): Promise<void> {
    return this.chain;
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  private next(): number {
    this.seq += 1;
    return this.seq;
  }

  private enqueue(step: () => void | Promise<void>): void {
    this.chain = this.chain
      .then(() => (this.failure ? undefined : step()))
      .catch((error: unknown) => {
        if (this.failure) return;
        this.failure = { error };
        this.onFailure();
      });
  }
}

/** What one training needs besides the processor's dependencies. */
interface TRunContext {
  /** The training: its job's id, and the run that started it (its class, for a classical run's drawings). */
  trainingId: string;
  first: TRunRef;
  audience: Audience;
  trainer: TrainingThread;
  logger: Logger;
  /** Set once the run was asked to stop (its thread is then stopped: see TrainingThread.stop). */
  stopCause: () => TStopCause | null;
}

/** The stored spec checked against today's contract: a spec that no longer fits fails the run, with why. */
function parsedSpec<T>(schema: z.ZodType<T>, stored: unknown): T {
  const parsed = schema.safeParse(stored);
  if (!parsed.success) {
    throw new RunFailure(FAILURE_REASONS.spec(parsed.error.issues.map((i) => i.message).join(' ; ')), false);
  }
  return parsed.data;
}

/** A network: epochs saved and announced as they end, then the evaluation and the trained model. */
async function trainNetwork(deps: TProcessorDeps, context: TRunContext, stored: unknown): Promise<void> {
  const { repository, publisher } = deps;
  const { trainingId, audience, trainer, logger } = context;
  const stopwatch = deps.speeds.start();
  const spec = parsedSpec(ZExperimentSpec, stored);
  const description = describeModel(spec.model);
  if (!description.ok) {
    throw new RunFailure(
      FAILURE_REASONS.invalid(description.errors.map((e) => e.message).join(' ; ')),
      false,
    );
  }
  const memory = estimateTrainingMemoryBytes(spec, description.layers);
  if (memory > deps.limits.maxRunMemoryBytes) {
    throw new RunFailure(FAILURE_REASONS.memory(memory, deps.limits.maxRunMemoryBytes), false);
  }
  logger.info({ backend: trainer.backend, device: trainer.device, spec }, 'training started');

  const publications = new ProgressPublications(trainingId, audience, publisher, repository);
  const handle = trainer.run(spec, {
    onBatch: (m) => publications.batch(m),
    onEpoch: (m, epochs) => publications.epoch(m, epochs),
  });
  publications.onFailure = () => handle.cancel();

  let result: Awaited<typeof handle.result>;
  try {
    result = await handle.result;
  } finally {
    // every epoch saved and every event out before the run's final status
    await publications.settled();
  }
  publications.throwIfFailed();
  if (result.status === 'cancelled' && context.stopCause() === 'timeout') {
    throw new TrainingError('stopped', 'time limit reached: stopped between two batches');
  }
  if (result.status === 'cancelled') {
    announce(publisher, await repository.markCancelled(trainingId), 'cancelled', {
      backend: trainer.backend,
    });
    logger.info({ epochs: result.epochs.length }, 'training cancelled');
    return;
  }
  const completed = await repository.complete(trainingId, result);
  if (completed.length === 0) {
    // failed (stall handler) or cancelled meanwhile: that state stands
    logger.warn('run no longer RUNNING: trained model discarded');
    return;
  }
  deps.speeds.finished(stopwatch, description.layers, spec.training, result);
  announce(publisher, completed, 'succeeded', {
    backend: trainer.backend,
    testAccuracy: result.evaluation.testAccuracy,
  });
  logger.info(
    {
      runs: completed.length,
      durationMs: result.durationMs,
      testAccuracy: result.evaluation.testAccuracy,
      samplesPerSecond: Math.round(
        (spec.training.trainSize * (1 - spec.training.validationSplit) * spec.training.epochs * 1000) /
          result.epochs.reduce((sum, e) => sum + e.durationMs, 0),
      ),
    },
    'training succeeded',
  );
}

/**
 * A classical model: one fit then its evaluation, with nothing to report on the way. A cancel asked while
 * it fits takes effect when the fit ends: the result is dropped and the run CANCELLED.
 */
async function trainClassical(deps: TProcessorDeps, context: TRunContext, stored: unknown): Promise<void> {
  const { repository, publisher } = deps;
  const { trainingId, first, trainer, logger } = context;
  const spec = parsedSpec(ZClassicalSpec, stored);
  logger.info({ backend: trainer.backend, spec }, 'classical training started');
  const drawings = await repository.realWorldDrawings(first);
  const started = performance.now();
  const { evaluation, ...classical } = await trainer.classical(spec, drawings);
  if (context.stopCause() === 'timeout') throw new TrainingError('stopped', 'time limit reached');
  // a cancel asked after the last poll counts too: the student was told it would be honoured
  if (context.stopCause() === 'cancel' || (await deps.redis.exists(cancelKey(trainingId)))) {
    announce(publisher, await repository.markCancelled(trainingId), 'cancelled', {
      backend: trainer.backend,
    });
    logger.info('classical training cancelled');
    return;
  }
  const durationMs = Math.round(performance.now() - started);
  const completed = await repository.complete(trainingId, { evaluation, classical, durationMs });
  if (completed.length === 0) {
    logger.warn('run no longer RUNNING: classical result discarded');
    return;
  }
  announce(publisher, completed, 'succeeded', {
    backend: trainer.backend,
    testAccuracy: evaluation.testAccuracy,
  });
  logger.info(
    { durationMs, fitMs: classical.fitMs, testAccuracy: evaluation.testAccuracy },
    'classical training succeeded',
  );
}

/** How often the runs a training's batches go to are re-read (see Audience). */
const AUDIENCE_REFRESH_MS = 1000;

/**
 * Handles JobName.TrainExperiment: idempotent (BullMQ delivers at least once), results saved here. The job
 * trains one training (its id: the job's experimentId) for every run of it still waiting (see
 * shared-training.ts in @dlclass/db); it is cancelled once none is left.
 */
export function createTrainExperimentProcessor(deps: TProcessorDeps) {
  const { repository, publisher, trainers, redis, state } = deps;

  return async function trainExperiment(job: Job, token?: string): Promise<void> {
    const payload = ZTrainExperimentJob.parse(job.data);
    const trainingId = payload.experimentId;
    const logger = deps.logger.child({
      jobId: job.id,
      experimentId: trainingId,
      correlationId: payload.correlationId,
      attempt: job.attemptsMade + 1,
    });
    const runs = await repository.findTraining(trainingId);
    const [first] = runs;
    if (!first) {
      logger.warn('experiment not found: job ignored');
      return;
    }
    const unfinished = runs.filter(
      (run) => run.status === ExperimentStatus.QUEUED || run.status === ExperimentStatus.RUNNING,
    );
    if (unfinished.length === 0) {
      logger.info({ status: first.status }, 'experiment already finished: job ignored');
      return;
    }
    if (unfinished.every((run) => run.cancelRequested) || (await redis.exists(cancelKey(trainingId)))) {
      announce(publisher, await repository.markCancelled(trainingId), 'cancelled');
      logger.info('cancelled before it started');
      return;
    }

    const trainer = trainers.acquire();
    state.running.add(trainingId);
    const timeLimitS = payload.timeLimitS ?? deps.limits.runTimeLimitS;
    let stopCause: TStopCause | null = null;
    let stopAskedAt = 0;
    const stop = (cause: TStopCause) => {
      stopCause ??= cause;
      stopAskedAt ||= performance.now();
      trainer.stop();
    };
    const poll = setInterval(() => {
      redis.exists(cancelKey(trainingId)).then(
        (found) => {
          if (found) stop('cancel');
        },
        (error) => logger.warn({ err: error }, 'cancel poll failed'),
      );
    }, CANCEL_POLL_MS);
    const deadline = setTimeout(() => {
      logger.warn({ timeLimitS }, 'time limit reached: run stopped');
      stop('timeout');
    }, timeLimitS * 1000);
    const audience = new Audience(trainingId, repository, []);
    // only a class's network runs are ever shared: another run may attach while this one trains
    const shared = first.kind === ExperimentKind.NETWORK && first.classId !== null;
    const refresh = shared ? setInterval(() => audience.refresh(logger), AUDIENCE_REFRESH_MS) : undefined;
    try {
      audience.runs = await repository.markRunning(trainingId, trainer.backend, trainer.device);
      if (audience.runs.length === 0) return;
      announce(publisher, audience.runs, 'running', { backend: trainer.backend });
      const context: TRunContext = {
        trainingId,
        first,
        audience,
        trainer,
        logger,
        stopCause: () => stopCause,
      };
      if (first.kind === ExperimentKind.CLASSICAL) await trainClassical(deps, context, first.spec);
      else await trainNetwork(deps, context, first.spec);
    } catch (error) {
      if (state.shuttingDown && token) {
        // not the run's fault: hand it back to the queue without spending an attempt
        announce(publisher, await repository.requeue(trainingId), 'queued');
        await job.moveToDelayed(Date.now() + 1000, token);
        logger.info('worker shutting down: run handed back to the queue');
        throw new DelayedError();
      }
      if (stopCause === 'cancel' && error instanceof TrainingError && error.code === 'stopped') {
        announce(publisher, await repository.markCancelled(trainingId), 'cancelled', {
          backend: trainer.backend,
        });
        logger.info('training cancelled: its thread was terminated');
        return;
      }
      const failure =
        stopCause === 'timeout'
          ? new RunFailure(FAILURE_REASONS.timeLimit(timeLimitS), false, error)
          : toRunFailure(error);
      const lastAttempt = !failure.retryable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      // a student's spec that cannot train is not a server error
      logger[failure.retryable ? 'error' : 'warn']({ err: error, lastAttempt }, 'training failed');
      if (lastAttempt) {
        announce(publisher, await repository.markFailed(trainingId, failure.reason), 'failed', {
          backend: trainer.backend,
          error: failure.reason,
        });
        throw new UnrecoverableError(failure.reason);
      }
      throw error;
    } finally {
      clearInterval(poll);
      clearInterval(refresh);
      clearTimeout(deadline);
      // how long a stop took to free the thread (target: under 2 s, see STOP_GRACE_MS)
      if (stopAskedAt)
        logger.info({ stopCause, stopMs: Math.round(performance.now() - stopAskedAt) }, 'run stopped');
      state.running.delete(trainingId);
      trainers.release(trainer);
    }
  };
}
