import type { TWorkerInfo } from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { createLogger } from '../../common/logger';
import { withTimeout } from '../../common/timeout';
import { QuotasRepository } from '../admin/quotas.repository';
import { HealthRepository } from '../health/health.repository';
import { ExperimentsRepository } from './experiments.repository';
import { estimateWaitMs, type QueuePlace, RUN_TIME_WINDOW_MS, trainingSlots } from './queue-place';
import { TrainingQueueProducer } from './training-queue.producer';

/** How long a run's page waits for the worker heartbeats before it shows the place without an estimate. */
const WORKERS_TIMEOUT_MS = 1_000;

/**
 * The place of every queued run, in the order the fair-share priorities start them (see fairShareRank in
 * @dlclass/db), with its estimated wait from the live workers' slots and the last hour's mean run time.
 */
@Injectable()
export class QueuePlacesService {
  private readonly logger = createLogger(QueuePlacesService.name);

  constructor(
    private readonly repository: ExperimentsRepository,
    private readonly health: HealthRepository,
    private readonly producer: TrainingQueueProducer,
    private readonly settings: QuotasRepository,
  ) {}

  /** Every queued run's place, by id. */
  async places(): Promise<Map<string, QueuePlace>> {
    const [positions, slots, meanRunMs] = await Promise.all([
      this.repository.queuePlaces(),
      this.capacity().then(({ slots }) => slots),
      this.repository.meanRunMsSince(new Date(Date.now() - RUN_TIME_WINDOW_MS)),
    ]);
    return new Map(
      [...positions].map(([id, position]) => [
        id,
        { position, estimatedWaitMs: estimateWaitMs(position, slots, meanRunMs) },
      ]),
    );
  }

  /** The run's place; null when it is not queued. */
  async placeOf(run: { id: string; status: string }): Promise<QueuePlace | null> {
    return run.status === 'QUEUED' ? ((await this.places()).get(run.id) ?? null) : null;
  }

  /**
   * The live workers and the runs trained at once: their slots within the global concurrency, none while the
   * queue is paused; no worker and 0 slots (no estimate) when Redis cannot tell in time.
   */
  async capacity(): Promise<{ workers: TWorkerInfo[]; slots: number }> {
    try {
      const [workers, paused, { globalConcurrency }] = await withTimeout(
        Promise.all([this.health.workers(), this.producer.isPaused(), this.settings.settings()]),
        WORKERS_TIMEOUT_MS,
      );
      const slots = workers.reduce((sum, worker) => sum + (worker.concurrency ?? 1), 0);
      return { workers, slots: trainingSlots(slots, globalConcurrency, paused) };
    } catch (error) {
      this.logger.warn({ err: error }, 'Worker heartbeats unreadable: no start estimate');
      return { workers: [], slots: 0 };
    }
  }
}
