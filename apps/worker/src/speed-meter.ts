import {
  measuredSpeed,
  recordSpeed,
  runWork,
  speedShape,
  type TLayerSummary,
  type TMeasuredSpeed,
  type TTrainingConfig,
  workerSpeedsKey,
  ZMeasuredSpeed,
} from '@dlclass/contracts';
import type { Redis } from 'ioredis';
import type { Logger } from './logger';

/** A run being timed: when it started and how many runs the worker trained then (itself included). */
export interface TRunStopwatch {
  startedAt: number;
  loadAtStart: number;
}

/** What a finished network run tells about the speed: its epochs and its time in the training thread. */
export interface TFinishedRun {
  epochs: readonly { durationMs: number }[];
  durationMs: number;
}

/**
 * The worker's measured training speeds (see ZMeasuredSpeed): each network run that succeeds updates the
 * entry of its shape, the heartbeat carries them to the API (launch-time estimates), and a Redis hash keeps
 * them for the next start of a worker on this host with this backend.
 */
export class SpeedMeter {
  private constructor(
    private entries: TMeasuredSpeed[],
    private readonly redis: Redis,
    private readonly key: string,
    private readonly field: string,
    private readonly running: () => number,
    private readonly logger: Logger,
  ) {}

  /**
   * The meter of this host's backend on that queue, from its stored entries (none when unreadable).
   * `running`: the runs the worker trains at this moment.
   */
  static async open(
    redis: Redis,
    options: { queueName: string; host: string; backend: string; running: () => number },
    logger: Logger,
  ): Promise<SpeedMeter> {
    const key = workerSpeedsKey(options.queueName);
    const field = `${options.host}/${options.backend}`;
    let entries: TMeasuredSpeed[] = [];
    try {
      const stored = await redis.hget(key, field);
      const parsed = ZMeasuredSpeed.array().safeParse(stored ? JSON.parse(stored) : []);
      if (parsed.success) entries = parsed.data;
    } catch (error) {
      logger.warn({ err: error }, 'stored training speeds unreadable: estimates start from the prior');
    }
    return new SpeedMeter(entries, redis, key, field, options.running, logger);
  }

  /** The entries, most recently measured first. */
  get speeds(): TMeasuredSpeed[] {
    return this.entries;
  }

  /** Call when a run starts (after it counts among the running ones). */
  start(): TRunStopwatch {
    return { startedAt: performance.now(), loadAtStart: this.running() };
  }

  /**
   * A run succeeded and its results are saved: its speed goes into its shape's entry. Its load is the mean of
   * the runs training at its start and at its end, the best a run's two ends can tell.
   */
  finished(
    stopwatch: TRunStopwatch,
    layers: readonly TLayerSummary[],
    training: TTrainingConfig,
    run: TFinishedRun,
  ): void {
    const work = runWork(layers, training);
    const load = Math.max(1, Math.round((stopwatch.loadAtStart + this.running()) / 2));
    const sample = measuredSpeed(work, {
      trainMs: run.epochs.reduce((sum, epoch) => sum + epoch.durationMs, 0),
      threadMs: run.durationMs,
      wallMs: performance.now() - stopwatch.startedAt,
    });
    this.entries = recordSpeed(this.entries, speedShape(work, load), sample);
    this.redis.hset(this.key, this.field, JSON.stringify(this.entries)).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'training speeds not stored');
    });
  }
}
