/** Node-only: picks the fastest TensorFlow.js backend available on this machine. */
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import type { TTrainingBackend } from '@dlclass/contracts';
import type { TF } from './architecture';
import { describeGpus, queryNvidiaGpus } from './gpu-info';
import { installFusedAdam, loadNativeKernels, registerNativeTrainingKernels } from './native-kernels';
import { registerWasmTrainingKernels } from './wasm-kernels';
import { setWasmBackendThreads } from './wasm-threads';

export interface TSelectedBackend {
  tf: TF;
  backend: TTrainingBackend;
  /** Human-readable device, shown to students and admins, e.g. "NVIDIA H100" or "CPU (8 cœurs)". */
  device: string;
}

export const BACKEND_ORDER: readonly TTrainingBackend[] = [
  'tensorflow-gpu',
  'tensorflow',
  'native',
  'wasm',
  'cpu',
];

export class BackendUnavailableError extends Error {
  constructor(
    readonly backend: TTrainingBackend,
    cause: unknown,
  ) {
    super(
      `TensorFlow.js backend "${backend}" is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'BackendUnavailableError';
  }
}

const cores = () => cpus().length;
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

// Native modules are optional dependencies: required dynamically so a missing one is only a failed attempt.
function requireOptional(name: string): TF {
  // biome-ignore lint/security/noGlobalEval: keep bundlers and tsc from resolving optional native packages
  const dynamicRequire = eval('require') as NodeJS.Require;
  return dynamicRequire(name) as TF;
}

export interface TBackendOptions {
  /**
   * XNNPACK threads of the wasm backend (default: WASM_THREADS, else 1). Set once per process: the backend
   * keeps the count it was first initialised with.
   */
  wasmThreads?: number;
  /** false: the native backend is unavailable (the admin turned it off); default true. */
  nativeKernels?: boolean;
}

function wasmThreadsFromEnv(): number {
  const threads = Number.parseInt(process.env.WASM_THREADS ?? '', 10);
  return Number.isInteger(threads) && threads > 0 ? threads : 1;
}

/** The wasm backend with `threads` XNNPACK threads and the training kernels it lacks. */
async function wasmBackend(threads: number): Promise<{ tf: TF; threads: number }> {
  const tf = require('@tensorflow/tfjs') as TF;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(
    `${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`,
  );
  const got = await setWasmBackendThreads(tf, wasm, threads);
  if (got === false) throw new Error('initialisation failed');
  registerWasmTrainingKernels(tf, 'wasm');
  return { tf, threads: got };
}

async function tryBackend(backend: TTrainingBackend, options: TBackendOptions): Promise<TSelectedBackend> {
  switch (backend) {
    case 'tensorflow-gpu': {
      const tf = requireOptional('@tensorflow/tfjs-node-gpu');
      await tf.ready();
      if (tf.getBackend() !== 'tensorflow') throw new Error(`got backend ${tf.getBackend()}`);
      return { tf, backend, device: describeGpus(queryNvidiaGpus()) ?? 'GPU (CUDA)' };
    }
    case 'tensorflow': {
      const tf = requireOptional('@tensorflow/tfjs-node');
      await tf.ready();
      if (tf.getBackend() !== 'tensorflow') throw new Error(`got backend ${tf.getBackend()}`);
      return { tf, backend, device: `CPU (${plural(cores(), 'cœur')})` };
    }
    case 'native': {
      if (options.nativeKernels === false) throw new Error('turned off (NATIVE_KERNELS=off)');
      const addon = loadNativeKernels();
      // the native kernels do the heavy work single-threaded: XNNPACK keeps one thread for the light kernels
      const { tf } = await wasmBackend(1);
      registerNativeTrainingKernels(tf, addon);
      installFusedAdam(tf);
      const { library, isa } = addon.info();
      return { tf, backend, device: `CPU natif (${library}, ${isa}, 1 thread)` };
    }
    case 'wasm': {
      const { tf, threads } = await wasmBackend(options.wasmThreads ?? wasmThreadsFromEnv());
      const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
      return { tf, backend, device: `CPU WebAssembly (${simd ? 'SIMD, ' : ''}${plural(threads, 'thread')})` };
    }
    case 'cpu': {
      const tf = require('@tensorflow/tfjs') as TF;
      if (!(await tf.setBackend('cpu'))) throw new Error('initialisation failed');
      return { tf, backend, device: 'CPU (JavaScript, 1 cœur)' };
    }
  }
}

/**
 * tfjs-node-gpu, else tfjs-node, else wasm with native kernels, else wasm, else the pure JavaScript cpu backend. A preferred backend
 * (TRAINER_BACKEND) is the only one tried, and its absence is an error.
 */
export async function selectBackend(
  preferred?: TTrainingBackend,
  onFailure?: (backend: TTrainingBackend, error: unknown) => void,
  options: TBackendOptions = {},
): Promise<TSelectedBackend> {
  if (preferred) {
    try {
      return await tryBackend(preferred, options);
    } catch (error) {
      throw new BackendUnavailableError(preferred, error);
    }
  }
  let lastError: unknown;
  for (const backend of BACKEND_ORDER) {
    try {
      return await tryBackend(backend, options);
    } catch (error) {
      lastError = error;
      onFailure?.(backend, error);
    }
  }
  throw new BackendUnavailableError('cpu', lastError);
}
