import { availableParallelism } from 'node:os';
import type { TTrainingBackend, TUnavailableBackend } from '@dlclass/contracts';
import type { Logger } from './logger';
import { TrainingThread } from './trainer';
import type { TThreadInit } from './training-protocol';

/**
 * How many runs a worker trains at once when WORKER_CONCURRENCY is not set: the count that gave the best
 * class throughput (runs per minute for a whole class, not one run's speed).
 * - native (one thread per training): one run per core (bench:class on 2 cores: docs/benchmarks.md).
 * - wasm and cpu: one run per core (cores / WASM_THREADS when the wasm backend uses several threads). On
 *   2 cores, two runs of 1 wasm thread each trained ~1.45x the samples/s of one run with 2 threads.
 * - tensorflow (tfjs-node): 1, its native kernels already spread one run over every core.
 * - tensorflow-gpu: 1, one run per GPU; a server with several GPUs runs one worker per card
 *   (CUDA_VISIBLE_DEVICES), and TF_FORCE_GPU_ALLOW_GROWTH=true lets several workers share one card.
 * Each run has its own training thread; all of them read the datasets the worker parsed once (shared memory).
 */
export function defaultConcurrency(
  backend: TTrainingBackend,
  cores: number = availableParallelism(),
  wasmThreads: number = Number.parseInt(process.env.WASM_THREADS ?? '', 10) || 1,
): number {
  if (backend === 'wasm') return Math.max(1, Math.floor(cores / Math.max(1, wasmThreads)));
  if (backend === 'native' || backend === 'cpu') return Math.max(1, cores);
  return 1;
}

/** The worker's training threads: one per run trained at once, lent to a job for its whole run. */
export class TrainerPool {
  private readonly free: TrainingThread[];

  private constructor(private readonly threads: [TrainingThread, ...TrainingThread[]]) {
    this.free = [...threads];
  }

  /**
   * Starts the first thread (its backend decides the default size), then the others together.
   * `concurrency`: the pool's size; undefined for defaultConcurrency(backend).
   */
  static async start(
    init: TThreadInit,
    concurrency: number | undefined,
    logger: Logger,
    source?: string,
  ): Promise<TrainerPool> {
    const first = new TrainingThread(init, logger, source);
    await first.start();
    const size = concurrency ?? defaultConcurrency(first.backend);
    const others = Array.from({ length: size - 1 }, () => new TrainingThread(init, logger, source));
    const started = await Promise.allSettled(others.map((thread) => thread.start()));
    const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) {
      await Promise.allSettled([first, ...others].map((thread) => thread.close()));
      throw failure.reason;
    }
    return new TrainerPool([first, ...others]);
  }

  get size(): number {
    return this.threads.length;
  }

  get backend(): TTrainingBackend {
    return this.threads[0].backend;
  }

  get device(): string {
    return this.threads[0].device;
  }

  get unavailableBackends(): TUnavailableBackend[] {
    return this.threads[0].unavailableBackends;
  }

  /** Live tensors in the thread that ended the last run: once ready, and after that run. */
  tensors(): { baseline: number; afterLastRun: number | null } {
    const last = this.threads.reduce((a, b) => (b.lastRunEndedAt > a.lastRunEndedAt ? b : a));
    return { baseline: last.baselineTensors, afterLastRun: last.tensorsAfterLastRun };
  }

  /** A free thread; BullMQ's concurrency equals the pool's size, so one is free whenever a job starts. */
  acquire(): TrainingThread {
    const thread = this.free.pop();
    if (!thread) throw new Error('every training thread is busy: the concurrency exceeds the pool');
    return thread;
  }

  release(thread: TrainingThread): void {
    this.free.push(thread);
  }

  /** Stops every thread; runs in progress fail with a 'crashed' TrainingError. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.close()));
  }
}
