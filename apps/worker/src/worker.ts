import { hostname } from 'node:os';
import {
  JobName,
  type TJobName,
  type TWorkerInfo,
  WORKER_HEARTBEAT_PREFIX,
  WORKER_HEARTBEAT_TTL_S,
  workerRegistryKey,
} from '@dlclass/contracts';
import { createPrismaClient } from '@dlclass/db';
import { loadSharedDatasets } from '@dlclass/ml/node';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig, type TWorkerConfig } from './config';
import { RealtimePublisher } from './events';
import { ExperimentRepository } from './experiment.repository';
import { readGpuStats } from './gpu-stats';
import { createLogger, type Logger } from './logger';
import { reconcileRuns } from './reconcile';
import { SpeedMeter } from './speed-meter';
import {
  createTrainExperimentProcessor,
  FAILURE_REASONS,
  type TWorkerState,
} from './train-experiment.processor';
import { TrainerPool } from './trainer-pool';

export type { TWorkerConfig };
export { loadConfig };

const HEARTBEAT_INTERVAL_MS = 5000;

export interface TRunningWorker {
  readonly id: string;
  readonly backend: string;
  readonly device: string;
  /** Runs trained at once (WORKER_CONCURRENCY, else the default for the backend: see defaultConcurrency). */
  readonly concurrency: number;
  /** Live tensors in the training thread that ended the last run: once ready, and after that run (null before the first). */
  tensors(): { baseline: number; afterLastRun: number | null };
  /** Stops taking jobs, hands a run in progress back to the queue, and closes every connection. */
  close(): Promise<void>;
}

type Handler = (job: Job, token?: string) => Promise<void>;

/** Starts the training worker: training threads (backend + MNIST, one per run at once), BullMQ worker, heartbeat. */
export async function startWorker(
  config: TWorkerConfig,
  logger: Logger = createLogger(config.logLevel),
): Promise<TRunningWorker> {
  const dirs = { mnist: config.mnistDir, 'fashion-mnist': config.fashionMnistDir };
  const trainers = await TrainerPool.start(
    {
      preferredBackend: config.trainerBackend,
      mnistDir: dirs.mnist,
      fashionMnistDir: dirs['fashion-mnist'],
      maxHeapMb: config.threadMaxHeapMb,
      nice: config.trainingNice,
      nativeKernels: config.nativeKernels,
      datasets: loadSharedDatasets(dirs, (dataset, error) =>
        logger.error({ dataset, err: error }, 'dataset unreadable: its runs will fail, the others train'),
      ),
    },
    config.concurrency,
    logger,
  );
  logger.info(
    {
      backend: trainers.backend,
      device: trainers.device,
      concurrency: trainers.size,
      tensors: trainers.tensors().baseline,
    },
    'training backend ready',
  );
  for (const { backend, reason } of trainers.unavailableBackends)
    logger.warn(
      { backend, reason },
      `faster backend ${backend} unavailable, training on ${trainers.backend}`,
    );

  const prisma = createPrismaClient(config.databaseUrl);
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
  const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const state: TWorkerState = { running: new Set(), shuttingDown: false };
  const repository = new ExperimentRepository(prisma);
  const speeds = await SpeedMeter.open(
    redis,
    {
      queueName: config.queueName,
      host: hostname(),
      backend: trainers.backend,
      running: () => state.running.size,
    },
    logger,
  );

  // its own connection: a publication waits out a Redis outage instead of failing after 3 retries
  const publishing = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const publisher = new RealtimePublisher(publishing, (error) =>
    logger.warn({ err: error }, 'realtime event not published'),
  );
  const handlers: Record<TJobName, Handler> = {
    [JobName.TrainExperiment]: createTrainExperimentProcessor({
      repository,
      publisher,
      trainers,
      redis,
      logger,
      state,
      speeds,
      limits: { runTimeLimitS: config.runTimeLimitS, maxRunMemoryBytes: config.maxRunMemoryBytes },
    }),
  };
  const missing = Object.values(JobName).filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new Error(`No handler for job name(s): ${missing.join(', ')}`);

  const worker = new Worker(
    config.queueName,
    async (job, token) => {
      const handler = handlers[job.name as TJobName];
      if (!handler) throw new UnrecoverableError(`No handler for job name ${job.name}`);
      return handler(job, token);
    },
    { connection, concurrency: trainers.size, autorun: false },
  );
  worker.on('error', (error) => logger.error({ err: error }, 'BullMQ worker error'));
  // Once BullMQ gives up on a job (unrecoverable error, attempts spent, or a job that stalled too often),
  // its run must not stay QUEUED/RUNNING. The processor already failed the runs it could word a reason
  // for: markFailed is then a no-op.
  worker.on('failed', (job, error) => {
    if (!job || job.name !== JobName.TrainExperiment) return;
    const final =
      error instanceof UnrecoverableError ||
      error.name === 'UnrecoverableError' ||
      job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) return;
    const experimentId = (job.data as { experimentId?: unknown }).experimentId;
    if (typeof experimentId !== 'string') return;
    void (async () => {
      const failed = await repository.markFailed(experimentId, FAILURE_REASONS.internal);
      for (const run of failed) publisher.status(run, 'failed', { error: FAILURE_REASONS.internal });
      if (failed.length > 0) {
        logger.warn(
          { experimentId, err: error, runs: failed.length },
          'job given up by BullMQ: run marked FAILED',
        );
      }
    })().catch((err) => logger.error({ err, experimentId }, 'could not mark a failed run FAILED'));
  });

  const queue = new Queue(config.queueName, { connection });
  const reconcile = async (queuedOnly: boolean) => {
    try {
      const report = await reconcileRuns({ repository, queue, publisher, logger, queuedOnly });
      if (report.requeued.length + report.failed.length > 0)
        logger.warn(report, 'runs reconciled with the queue');
    } catch (error) {
      logger.error({ err: error }, 'could not reconcile runs with the queue');
    }
  };
  await reconcile(false);
  // Redis back after an outage, maybe restarted empty: QUEUED runs whose job it lost get it back
  redis.on('ready', () => {
    if (!state.shuttingDown) void reconcile(true);
  });

  const startedAt = new Date().toISOString();
  const heartbeatKey = `${WORKER_HEARTBEAT_PREFIX}${config.workerId}`;
  const registry = workerRegistryKey(config.queueName);
  const beat = async () => {
    const info: TWorkerInfo = {
      id: config.workerId,
      backend: trainers.backend,
      device: trainers.device,
      busy: state.running.size > 0,
      experimentId: state.running.values().next().value ?? null,
      running: [...state.running],
      concurrency: trainers.size,
      host: hostname(),
      unavailable: trainers.unavailableBackends,
      speeds: speeds.speeds,
      // only a GPU backend's figures mean anything for its runs
      gpu: trainers.backend === 'tensorflow-gpu' ? await readGpuStats() : undefined,
      startedAt,
    };
    await redis
      .multi()
      .set(heartbeatKey, JSON.stringify(info), 'EX', WORKER_HEARTBEAT_TTL_S)
      .sadd(registry, config.workerId)
      .exec();
  };
  await beat();
  const heartbeat = setInterval(() => {
    beat().catch((error) => logger.warn({ err: error }, 'heartbeat failed'));
  }, HEARTBEAT_INTERVAL_MS);

  void worker.run().catch((error) => logger.error({ err: error }, 'BullMQ worker stopped'));
  await worker.waitUntilReady();
  logger.info(
    { queue: config.queueName, workerId: config.workerId, concurrency: trainers.size },
    'worker listening',
  );

  let closed: Promise<void> | null = null;
  return {
    id: config.workerId,
    backend: trainers.backend,
    device: trainers.device,
    concurrency: trainers.size,
    tensors: () => trainers.tensors(),
    close() {
      closed ??= (async () => {
        state.shuttingDown = true;
        clearInterval(heartbeat);
        const closing = worker.close();
        // runs in progress are stopped and handed back to the queue (see the processor)
        await trainers.close();
        await closing;
        await queue.close().catch(() => undefined);
        await redis
          .multi()
          .del(heartbeatKey)
          .srem(registry, config.workerId)
          .exec()
          .catch(() => undefined);
        await Promise.allSettled([redis.quit(), connection.quit(), publishing.quit(), prisma.$disconnect()]);
        logger.info('worker stopped');
      })();
      return closed;
    },
  };
}
