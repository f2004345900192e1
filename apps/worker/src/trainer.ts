import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  TClassicalResult,
  TClassicalSpec,
  TEpochMetrics,
  TExperimentSpec,
  TTrainingBackend,
  TUnavailableBackend,
} from '@dlclass/contracts';
import type { TBatchMetrics, TLabelledDrawing, TRunResult } from '@dlclass/ml';
import type { Logger } from './logger';
import type {
  TFromThread,
  TThreadInit,
  TThreadResult,
  TThreadTask,
  TToThread,
  TTrainingErrorCode,
} from './training-protocol';

/** A training failure, with the kind of cause (to word the student's message and decide on retries). */
export class TrainingError extends Error {
  constructor(
    readonly code: TTrainingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TrainingError';
  }
}

export interface TRunHandle {
  result: Promise<TRunResult>;
  /** Asks the thread to stop between two batches (a shared flag: no message round trip needed). */
  cancel(): void;
}

interface TProgressCallbacks {
  onBatch: (m: TBatchMetrics) => void;
  onEpoch: (m: TEpochMetrics, epochs: number) => void;
}

interface ActiveRun extends TProgressCallbacks {
  runId: number;
  cancelFlag: Int32Array;
  /** Set once stop() armed the thread's termination. */
  stopping: boolean;
  resolve: (r: TThreadResult) => void;
  reject: (e: Error) => void;
}

const NO_PROGRESS: TProgressCallbacks = { onBatch: () => undefined, onEpoch: () => undefined };

/**
 * How long stop() lets a run end between two batches before it terminates the thread: a batch is far
 * shorter on the lesson's models, and a classical fit (one long call) or a runaway batch is cut after it.
 */
export const STOP_GRACE_MS = 1000;

const THREAD_FILE = join(__dirname, 'training-thread.ts');

/** Source of the thread: registers the TypeScript loader (the same as `node -r @swc-node/register`), then the entry. */
function bootstrapSource(): string {
  const register = require.resolve('@swc-node/register');
  return `require(${JSON.stringify(register)});\nrequire(${JSON.stringify(THREAD_FILE)});\n`;
}

/** The thread's answer, checked to be of the kind asked for (it answers each task with its own kind). */
function expectKind<K extends TThreadResult['kind']>(
  done: TThreadResult,
  kind: K,
): Extract<TThreadResult, { kind: K }> {
  if (done.kind !== kind) throw new TrainingError('internal', `expected a ${kind} result, got ${done.kind}`);
  return done as Extract<TThreadResult, { kind: K }>;
}

/** The main thread's side of the training worker_thread; restarts it after a crash. */
export class TrainingThread {
  private worker: Worker | null = null;
  private active: ActiveRun | null = null;
  private nextRunId = 1;
  private closing = false;
  backend!: TTrainingBackend;
  device!: string;
  /** The faster backends the thread could not load, and why. */
  unavailableBackends: TUnavailableBackend[] = [];
  /** Tensors alive in the thread once ready, before any run. */
  baselineTensors = 0;
  /** Tensors alive in the thread after the last run that ended in it (null before the first). */
  tensorsAfterLastRun: number | null = null;
  /** performance.now() when the last run ended in the thread (0 before the first). */
  lastRunEndedAt = 0;

  /** `source`: the thread's CommonJS source (tests give a stand-in thread). */
  constructor(
    private readonly init: TThreadInit,
    private readonly logger: Logger,
    private readonly source: string = bootstrapSource(),
  ) {}

  /** Starts the thread and waits until it has its backend and MNIST in memory. */
  async start(): Promise<void> {
    // the memory guard of the JS heap (see TThreadInit.maxHeapMb): past it the thread dies, the run fails as 'oom'
    const resourceLimits = this.init.maxHeapMb ? { maxOldGenerationSizeMb: this.init.maxHeapMb } : undefined;
    // first statement of the thread, before it loads tfjs and starts threads of its own, which inherit it (a
    // platform that refuses leaves the thread at the process's priority: it trains all the same)
    const source = this.init.nice
      ? `try { require('node:os').setPriority(${this.init.nice}); } catch {}\n${this.source}`
      : this.source;
    const worker = new Worker(source, { eval: true, workerData: this.init, resourceLimits });
    this.worker = worker;
    try {
      await this.whenReady(worker);
    } catch (error) {
      if (this.worker === worker) this.worker = null;
      await worker.terminate();
      throw error;
    }
    // a thread that was replaced meanwhile must not touch its successor's state
    worker.on('message', (message: TFromThread) => {
      if (this.worker === worker) this.onMessage(message);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.onCrash(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.onCrash(new Error(`training thread exited with code ${code}`));
    });
  }

  private whenReady(worker: Worker): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onExit = (code: number) =>
        reject(new Error(`training thread exited with code ${code} while starting`));
      worker.once('error', reject);
      worker.once('exit', onExit);
      const onMessage = (message: TFromThread) => {
        if (message.type === 'log') this.logger.info(message.message);
        if (message.type === 'init-error') reject(new Error(message.message));
        if (message.type === 'ready') {
          this.backend = message.backend;
          this.device = message.device;
          this.unavailableBackends = message.unavailable;
          this.baselineTensors = message.tensors;
          worker.off('message', onMessage);
          worker.off('error', reject);
          worker.off('exit', onExit);
          resolve();
        }
      };
      worker.on('message', onMessage);
    });
  }

  /** Trains a network; progress comes through the callbacks, and cancel() stops it between two batches. */
  run(spec: TExperimentSpec, callbacks: TProgressCallbacks): TRunHandle {
    const { result, cancel } = this.perform({ kind: 'network', spec }, callbacks);
    return { result: result.then((done) => expectKind(done, 'network').result), cancel };
  }

  /**
   * Trains and evaluates a classical model, also on the class's drawings (one fit: nothing to report or cancel
   * on the way).
   */
  classical(spec: TClassicalSpec, drawings: TLabelledDrawing[] = []): Promise<TClassicalResult> {
    return this.perform({ kind: 'classical', spec, drawings }, NO_PROGRESS).result.then(
      (done) => expectKind(done, 'classical').result,
    );
  }

  private perform(
    task: TThreadTask,
    callbacks: TProgressCallbacks,
  ): { result: Promise<TThreadResult>; cancel: () => void } {
    if (this.active) throw new Error('the training thread is already running a job');
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const runId = this.nextRunId++;
    const result = (async () => {
      if (!this.worker) await this.start();
      return new Promise<TThreadResult>((resolve, reject) => {
        const worker = this.worker;
        if (!worker) {
          reject(new TrainingError('crashed', 'the training thread stopped while starting'));
          return;
        }
        this.active = { runId, cancelFlag, stopping: false, ...callbacks, resolve, reject };
        const message: TToThread = {
          type: 'run',
          runId,
          task,
          cancelFlag: cancelFlag.buffer as SharedArrayBuffer,
        };
        worker.postMessage(message);
      });
    })();
    return { result, cancel: () => Atomics.store(cancelFlag, 0, 1) };
  }

  /**
   * Stops the run in progress: asks it to end between two batches (it then ends as cancelled), and
   * terminates the thread if it is still running after `graceMs` (the run then fails with a 'stopped'
   * TrainingError, and the next run starts a fresh thread). Calling it again changes nothing.
   */
  stop(graceMs: number = STOP_GRACE_MS): void {
    const run = this.active;
    if (!run || run.stopping) return;
    run.stopping = true;
    Atomics.store(run.cancelFlag, 0, 1);
    setTimeout(() => {
      if (this.active !== run) return;
      this.active = null;
      this.logger.warn({ graceMs }, 'run did not stop between two batches: training thread terminated');
      void this.restart();
      run.reject(new TrainingError('stopped', `training thread terminated after ${graceMs} ms`));
    }, graceMs).unref();
  }

  private onMessage(message: TFromThread): void {
    if (message.type === 'log') {
      this.logger.info(message.message);
      return;
    }
    const run = this.active;
    if (!run || !('runId' in message) || message.runId !== run.runId) return;
    switch (message.type) {
      case 'batch':
        run.onBatch(message.metrics);
        break;
      case 'epoch':
        run.onEpoch(message.metrics, message.epochs);
        break;
      case 'done':
        this.active = null;
        this.checkTensors(message.tensors);
        run.resolve(message.result);
        break;
      case 'error':
        this.active = null;
        this.checkTensors(message.tensors);
        run.reject(new TrainingError(message.code, message.message));
        // after an out-of-memory error the WebAssembly heap may be unusable: start a fresh thread
        if (message.code === 'oom') void this.restart();
        break;
    }
  }

  private checkTensors(tensors: number): void {
    this.tensorsAfterLastRun = tensors;
    this.lastRunEndedAt = performance.now();
    if (tensors !== this.baselineTensors) {
      this.logger.warn(
        { tensors, baseline: this.baselineTensors },
        'tensor count not back to its baseline after a run',
      );
    } else {
      this.logger.debug({ tensors }, 'tensor count back to its baseline');
    }
  }

  private onCrash(error: Error & { code?: string }): void {
    if (this.closing) return;
    this.worker = null;
    const run = this.active;
    this.active = null;
    this.logger.error({ err: error }, 'training thread stopped');
    run?.reject(
      new TrainingError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'oom' : 'crashed', error.message),
    );
  }

  private async restart(): Promise<void> {
    const old = this.worker;
    this.worker = null;
    if (old) {
      old.removeAllListeners();
      await old.terminate();
    }
  }

  /** Stops the thread; a run in progress fails with a 'crashed' TrainingError. */
  async close(): Promise<void> {
    this.closing = true;
    const run = this.active;
    this.active = null;
    await this.worker?.terminate();
    this.worker = null;
    run?.reject(new TrainingError('crashed', 'training thread stopped: the worker is shutting down'));
  }
}
