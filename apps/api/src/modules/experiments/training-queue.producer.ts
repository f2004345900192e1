import {
  cancelKey,
  ErrorCode,
  JobName,
  type TTrainExperimentJob,
  trainingJobOptions,
  ZTrainExperimentJob,
} from '@dlclass/contracts';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis, { type Redis } from 'ioredis';
import { DomainError } from '../../common/errors';
import { REDIS } from '../../common/infra/tokens';
import { createLogger } from '../../common/logger';
import { API_CONFIG, type ApiConfig } from '../../config/config';

const CANCEL_TTL_S = 3600;
/** A Redis that accepts the connection but does not answer fails the command after this long. */
const COMMAND_TIMEOUT_MS = 5_000;

/**
 * The API's producer of training jobs (job id = experiment id, options from the contracts). When Redis is
 * down, every operation fails at once with QUEUE_UNAVAILABLE (503) instead of waiting for it.
 */
@Injectable()
export class TrainingQueueProducer implements OnApplicationShutdown {
  private readonly logger = createLogger(TrainingQueueProducer.name);
  private readonly connection: Redis;
  private readonly queue: Queue;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    // No offline queue: a command sent while Redis is unreachable is rejected instead of waiting for a
    // reconnection that may never come (BullMQ's Queue sends no blocking command, so this is safe).
    this.connection = new IORedis(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectionName: 'dlclass-api-queue',
    });
    this.connection.on('error', (error) =>
      this.logger.warn({ err: error }, 'Training queue Redis connection error'),
    );
    this.queue = new Queue(config.TRAINING_QUEUE_NAME, { connection: this.connection });
  }

  /**
   * Adds the run's job with its fair-share rank as priority; the job id is the experiment id, so a
   * duplicate submit is a no-op.
   */
  async enqueueTraining(payload: TTrainExperimentJob, fairShareRank: number): Promise<void> {
    const data = ZTrainExperimentJob.parse(payload);
    await this.reachable('enqueue', () =>
      this.queue.add(JobName.TrainExperiment, data, trainingJobOptions(data.experimentId, fairShareRank)),
    );
    this.logger.info({ ...data, fairShareRank }, 'Training job queued');
  }

  /**
   * Moves a waiting job up to that fair-share rank when it is lower than its priority (a run of a better rank
   * attached to its training); a job already taken, or gone, stays as it is.
   */
  async raisePriority(experimentId: string, fairShareRank: number): Promise<void> {
    const job = await this.reachable('find job', () => this.queue.getJob(experimentId));
    const { priority } = trainingJobOptions(experimentId, fairShareRank);
    if (!job || (job.opts.priority ?? 0) <= priority) return;
    if ((await this.reachable('job state', () => job.getState())) !== 'prioritized') return;
    try {
      await job.changePriority({ priority });
      this.logger.info({ experimentId, fairShareRank }, 'Training job moved up the queue');
    } catch (error) {
      this.logger.warn({ err: error, experimentId }, 'Training job priority unchanged (taken meanwhile)');
    }
  }

  /** Whether an admin has paused the queue (no run starts then). */
  isPaused(): Promise<boolean> {
    return this.reachable('paused', () => this.queue.isPaused());
  }

  /** Asks the worker to stop the run between two batches (it polls this key). */
  async signalCancel(experimentId: string): Promise<void> {
    await this.reachable('signal cancel', () =>
      this.redis.set(cancelKey(experimentId), '1', 'EX', CANCEL_TTL_S),
    );
  }

  /** Removes a job that no worker took yet; false when it is gone or already active. */
  async withdraw(experimentId: string): Promise<boolean> {
    const job = await this.reachable('find job', () => this.queue.getJob(experimentId));
    if (!job) return false;
    const state = await this.reachable('job state', () => job.getState());
    if (state !== 'waiting' && state !== 'delayed' && state !== 'prioritized') return false;
    try {
      await job.remove();
      return true;
    } catch (error) {
      this.logger.warn({ err: error, experimentId }, 'Queued job could not be removed (taken meanwhile)');
      return false;
    }
  }

  /** Runs a queue operation; a Redis failure becomes QUEUE_UNAVAILABLE (logged with its cause). */
  private async reachable<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.logger.error({ err: error, operation }, 'Training queue unavailable');
      throw new DomainError(ErrorCode.QueueUnavailable);
    }
  }

  async onApplicationShutdown() {
    await this.queue.close();
    // Without an offline queue, QUIT is refused while reconnecting: then drop the socket instead,
    // or the client would keep reconnecting (and the process running) forever.
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
