import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { createLogger } from '../../common/logger';
import { HealthRepository } from '../health/health.repository';
import { AdminRepository } from './admin.repository';
import { TrainingQueueAdmin } from './training-queue.admin';

/** Seconds: a classical fit takes a few, a long network run up to the longest quota. */
const RUN_DURATION_BUCKETS = [5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/**
 * The API's Prometheus metrics. Queue, runs and workers are read at scrape time (Redis, PostgreSQL); the run
 * duration histogram observes the runs finished since the previous scrape (since boot at first), so each API
 * instance counts every run: scrape one instance, or aggregate with max, not sum.
 */
@Injectable()
export class MetricsService {
  private readonly logger = createLogger(MetricsService.name);
  readonly registry = new Registry();
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  private durationsSeenUntil = new Date();

  constructor(
    private readonly queue: TrainingQueueAdmin,
    private readonly repository: AdminRepository,
    private readonly health: HealthRepository,
  ) {
    const registers = [this.registry];
    this.httpRequests = new Counter({
      name: 'dlclass_http_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'dlclass_http_request_duration_seconds',
      help: 'HTTP request latency, by method and route',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    const runDuration = new Histogram({
      name: 'dlclass_run_duration_seconds',
      help: 'Training time of the runs finished since this API instance started',
      buckets: RUN_DURATION_BUCKETS,
      registers,
    });
    const metrics = this;
    new Gauge({
      name: 'dlclass_queue_jobs',
      help: 'Training jobs in the queue, by state',
      labelNames: ['state'],
      registers,
      async collect() {
        const counts = await metrics.read('queue', () => metrics.queue.counts());
        for (const [state, count] of Object.entries(counts ?? {})) this.set({ state }, count);
      },
    });
    new Gauge({
      name: 'dlclass_queue_paused',
      help: '1 when an admin paused the training queue',
      registers,
      async collect() {
        const paused = await metrics.read('queue', () => metrics.queue.isPaused());
        if (paused !== null) this.set(paused ? 1 : 0);
      },
    });
    new Gauge({
      name: 'dlclass_runs',
      help: 'Runs in the database, by status',
      labelNames: ['status'],
      registers,
      async collect() {
        const groups = await metrics.read('runs', () => metrics.repository.runsByStatus());
        for (const { status, count } of groups ?? []) this.set({ status: status.toLowerCase() }, count);
        const finished = await metrics.read('durations', () =>
          metrics.repository.durationsSince(metrics.durationsSeenUntil),
        );
        for (const run of finished ?? []) {
          runDuration.observe(run.durationMs / 1000);
          metrics.durationsSeenUntil = run.finishedAt;
        }
      },
    });
    new Gauge({
      name: 'dlclass_workers_alive',
      help: 'Workers whose heartbeat has not expired',
      registers,
      async collect() {
        const workers = await metrics.read('workers', () => metrics.health.heartbeats());
        if (workers) this.set(workers.length);
      },
    });
  }

  /** A source that is down leaves its metrics out of this scrape instead of failing all of it. */
  private async read<T>(source: string, work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (error) {
      this.logger.warn({ err: error, source }, 'Metric source unavailable');
      return null;
    }
  }
}
