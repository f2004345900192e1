import { Injectable } from '@nestjs/common';
import { createLogger } from '../../common/logger';
import { withTimeout } from '../../common/timeout';
import { HealthRepository } from '../health/health.repository';
import { ExperimentsRepository } from './experiments.repository';
import { estimateWaitMs, type QueuePlace, RUN_TIME_WINDOW_MS } from './queue-place';

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
  ) {}

  /** Every queued run's place, by id. */
  async places(): Promise<Map<string, QueuePlace>> {
    const [positions, slots, meanRunMs] = await Promise.all([
      this.repository.queuePlaces(),
      this.workerSlots(),
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

  /** Runs the live workers train at once; 0 (no estimate) when Redis cannot tell in time. */
  private async workerSlots(): Promise<number> {
    try {
      const workers = await withTimeout(this.health.workers(), WORKERS_TIMEOUT_MS);
      return workers.reduce((sum, worker) => sum + (worker.concurrency ?? 1), 0);
    } catch (error) {
      this.logger.warn({ err: error }, 'Worker heartbeats unreadable: no start estimate');
      return 0;
    }
  }
}
