/** Node-only: initialises tfjs-backend-wasm with its multi-threaded SIMD build (XNNPACK thread pool). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TF } from './architecture';

type WasmModule = typeof import('@tensorflow/tfjs-backend-wasm');
// the module object itself (not an import namespace copy), so that os.cpus can be swapped for a moment
const os = require('node:os') as typeof import('node:os');

/** The bundle's module-level names that the threaded factory's source refers to once copied into a file. */
const FACTORY_PRELUDE =
  "var require$$0=require('fs'),require$$1=require('path'),require$$3=require('perf_hooks'),require$$4=require('os'),commonjsGlobal=globalThis;";
interface TPThreads {
  unusedWorkers: Array<{ unref(): void }>;
  runningWorkers: Array<{ unref(): void }>;
}
const FACTORY_PREFIX = 'var WasmBackendModuleThreadedSimd';
const WORKER_SCRIPT_TEST = 'if(typeof e.data.urlOrBlob=="string")';

/**
 * Sets the wasm backend with `threads` XNNPACK threads (1: the single-threaded SIMD build, as usual).
 * tfjs-backend-wasm 4.22 does not run its threaded build in Node as shipped, for three reasons this works
 * around only while the backend initialises:
 * - it sees no multithread support in Node (flag WASM_HAS_MULTITHREAD_SUPPORT): set to true;
 * - it hands Emscripten's pthread workers their scripts as Blob URLs, which Node's worker_threads refuse:
 *   the worker script and the module factory are written to a temporary folder and given by path;
 * - it caps the pool at half the logical cores (os.cpus().length / 2, 1 on a 2-core machine): os.cpus is
 *   made to report 2 x threads cores.
 * When that fails (another tfjs-backend-wasm version), the single-threaded build is initialised instead.
 * Returns the thread count the backend reports; false when the backend failed to initialise.
 */
export async function setWasmBackendThreads(
  tf: TF,
  wasm: WasmModule,
  threads: number,
): Promise<number | false> {
  if (threads <= 1) return (await tf.setBackend('wasm')) ? wasm.getThreadsCount() : false;
  const dir = mkdtempSync(join(os.tmpdir(), 'tfjs-wasm-threads-'));
  const mainScript = join(dir, 'backend.js');
  const RealBlob = globalThis.Blob;
  const realCreateObjectURL = URL.createObjectURL;
  const realCpus = os.cpus;
  class RecordingBlob extends RealBlob {
    readonly source: string;
    constructor(parts: string[], options?: { type?: string }) {
      super(parts, options);
      this.source = parts.join('');
      if (this.source.startsWith(FACTORY_PREFIX)) writeFileSync(mainScript, FACTORY_PRELUDE + this.source);
    }
  }
  globalThis.Blob = RecordingBlob as unknown as typeof Blob;
  URL.createObjectURL = (blob: Blob) => {
    if (!(blob instanceof RecordingBlob)) return realCreateObjectURL(blob);
    if (!blob.source.includes(WORKER_SCRIPT_TEST))
      throw new Error('unexpected tfjs-backend-wasm worker script');
    const path = join(dir, 'worker.js');
    writeFileSync(
      path,
      blob.source.replace(WORKER_SCRIPT_TEST, `e.data.urlOrBlob=${JSON.stringify(mainScript)};if(true)`),
    );
    return path;
  };
  const cpus = realCpus();
  os.cpus = () =>
    Array.from({ length: 2 * threads }, (_, i) => cpus[i % cpus.length] as (typeof cpus)[number]);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  wasm.setThreadsCount(threads);
  try {
    if (!(await tf.setBackend('wasm'))) {
      // another tfjs-backend-wasm version, say: the usual single-threaded build rather than no wasm at all
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      wasm.setThreadsCount(1);
      return (await tf.setBackend('wasm')) ? wasm.getThreadsCount() : false;
    }
    // Emscripten's pthread workers must not keep the process alive
    const { PThread } = (tf.backend() as unknown as { wasm: { PThread?: TPThreads } }).wasm;
    for (const worker of [...(PThread?.unusedWorkers ?? []), ...(PThread?.runningWorkers ?? [])])
      worker.unref();
    return wasm.getThreadsCount();
  } finally {
    globalThis.Blob = RealBlob;
    URL.createObjectURL = realCreateObjectURL;
    os.cpus = realCpus;
  }
}
