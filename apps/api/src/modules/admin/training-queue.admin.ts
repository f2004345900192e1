import { ErrorCode } from '@dlclass/contracts';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DomainError } from '../../common/errors';
import { REDIS } from '../../common/infra/tokens';
import { createLogger } from '../../common/logger';
import { API_CONFIG, type ApiConfig } from '../../config/config';
import { QuotasRepository } from './quotas.repository';

/**
 * The admin's handle on the training queue: counts, pause and resume, global concurrency (kept in the
 * database and applied to Redis at boot, so a flushed Redis gets it back), and Bull Board's view of it.
 */
@Injectable()
export class TrainingQueueAdmin implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = createLogger(TrainingQueueAdmin.name);
  readonly queue: Queue;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(REDIS) redis: Redis,
    private readonly quotas: QuotasRepository,
  ) {
    // The shared connection: the queue sends no blocking command, and closing it leaves the connection open.
    this.queue = new Queue(config.TRAINING_QUEUE_NAME, { connection: redis });
  }

  async onModuleInit() {
    try {
      await this.applyGlobalConcurrency((await this.quotas.settings()).globalConcurrency);
    } catch (error) {
      this.logger.warn({ err: error }, 'Global concurrency not applied at boot');
    }
  }

  /** null lifts the limit: each worker then trains as many runs as its own concurrency. */
  async applyGlobalConcurrency(concurrency: number | null): Promise<void> {
    await this.reachable(() =>
      concurrency === null
        ? this.queue.removeGlobalConcurrency()
        : this.queue.setGlobalConcurrency(concurrency),
    );
  }

  counts() {
    return this.reachable(async () => {
      const counts = await this.queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'failed',
        'completed',
      );
      return {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        prioritized: counts.prioritized ?? 0,
        failed: counts.failed ?? 0,
        completed: counts.completed ?? 0,
      };
    });
  }

  globalConcurrency(): Promise<number | null> {
    return this.reachable(() => this.queue.getGlobalConcurrency());
  }

  isPaused(): Promise<boolean> {
    return this.reachable(() => this.queue.isPaused());
  }

  /** Workers finish their current runs but take no new job until resume(). */
  pause(): Promise<void> {
    return this.reachable(() => this.queue.pause());
  }

  resume(): Promise<void> {
    return this.reachable(() => this.queue.resume());
  }

  private async reachable<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.logger.error({ err: error }, 'Training queue unavailable');
      throw new DomainError(ErrorCode.QueueUnavailable);
    }
  }

  async onApplicationShutdown() {
    await this.queue.close();
  }
}
