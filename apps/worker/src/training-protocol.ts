import type {
  TClassicalResult,
  TClassicalSpec,
  TEpochMetrics,
  TExperimentSpec,
  TTrainingBackend,
  TUnavailableBackend,
} from '@dlclass/contracts';
import type { TBatchMetrics, TLabelledDrawing, TRunResult } from '@dlclass/ml';
import type { TLoadedDatasets } from '@dlclass/ml/node';

/** Why a run failed in the thread ('crashed': the thread itself died; 'stopped': terminated by stop()). */
export type TTrainingErrorCode =
  | 'invalid'
  | 'dataset'
  | 'oom'
  | 'diverged'
  | 'internal'
  | 'crashed'
  | 'stopped';

/** workerData of the training thread. */
export interface TThreadInit {
  preferredBackend: TTrainingBackend | undefined;
  mnistDir: string | undefined;
  /** Folder of Fashion-MNIST (default: FASHION_MNIST_DIR, else Debian's dataset-fashion-mnist). */
  fashionMnistDir?: string | undefined;
  /** Datasets the worker parsed once into shared memory (`loadSharedDatasets`); the thread parses the others. */
  datasets?: TLoadedDatasets | undefined;
  /**
   * Memory guard: the thread's V8 heap bound (resourceLimits.maxOldGenerationSizeMb); undefined: Node's default.
   * Tensor memory lives outside it (WebAssembly memory, native buffers): the worker bounds that one before a
   * run starts, from the model's estimate (see estimateTrainingMemoryBytes).
   */
  maxHeapMb?: number | undefined;
  /**
   * The thread's CPU priority (nice value). On Linux it is a thread's own, inherited by the threads it starts
   * (tfjs-node's): training yields the cores to the API, the database and the worker's main thread, which
   * renews the job locks. 0 or undefined: the process's priority.
   */
  nice?: number | undefined;
  /** false: the native kernels are not tried (NATIVE_KERNELS=off). */
  nativeKernels?: boolean | undefined;
}

/** What a run trains: a network (epochs, cancellable between batches) or a classical model (one fit). */
export type TThreadTask =
  | { kind: 'network'; spec: TExperimentSpec }
  | { kind: 'classical'; spec: TClassicalSpec; drawings: TLabelledDrawing[] };
export type TThreadResult =
  | { kind: 'network'; result: TRunResult }
  | { kind: 'classical'; result: TClassicalResult };

export type TToThread = { type: 'run'; runId: number; task: TThreadTask; cancelFlag: SharedArrayBuffer };

export type TFromThread =
  | {
      type: 'ready';
      backend: TTrainingBackend;
      device: string;
      tensors: number;
      unavailable: TUnavailableBackend[];
    }
  | { type: 'init-error'; message: string }
  | { type: 'log'; message: string }
  | { type: 'batch'; runId: number; metrics: TBatchMetrics }
  | { type: 'epoch'; runId: number; metrics: TEpochMetrics; epochs: number }
  | { type: 'done'; runId: number; result: TThreadResult; tensors: number }
  | { type: 'error'; runId: number; code: TTrainingErrorCode; message: string; tensors: number };
