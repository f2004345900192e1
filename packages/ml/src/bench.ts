/**
 * Training speed on this machine: `npm run bench [-- --quick] [--torch] [--sklearn] [backend...]`, and our
 * fastest CPU backend against PyTorch, interleaved: `npm run bench -- --ab 3` (bench-ab.ts;
 * docs/benchmarks.md).
 *
 * For every backend that loads here (tensorflow-gpu, tensorflow, wasm, cpu; each in its own child process so
 * its memory and thread settings are its own), and for each reference model at batch 64 and 256: one warm-up
 * batch, then one timed epoch over a fixed slice of real MNIST training images, then the accuracy on a fixed
 * slice of the MNIST test set. One JSON line per (model, backend, batch, threads) on stdout. With `--torch`,
 * /work/shared/bench/torch_anchor.py (PyTorch on the CPU, same model, batch and threads) runs too, and each
 * line gets `torch` and `ratioToTorch` (our samples/s over PyTorch's).
 * Last, the random forest on the split of /work/shared/bench/sklearn_anchor.py, one JSON line; with `--sklearn`
 * that script runs too (scikit-learn, same split and trees) and the line gets `fitTimeRatioToSklearn`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { REFERENCE_EXPERIMENT, type TModelSpec, type TTrainingBackend } from '@dlclass/contracts';
import { buildModel, compileModel, type TF } from './architecture';
import { abBench, abChild, parseAbOptions } from './bench-ab';
import { anchorScript, PYTHON, pythonImports } from './bench-anchors';
import { FOREST_SPLIT, forestBenchLine, QUICK_FOREST_SPLIT, sklearnForest } from './bench-classical';
import { pick, range, type TMnist } from './mnist';
import { BACKEND_ORDER, loadMnist, selectBackend } from './node';
import { predictSet, trainModel } from './train';

export type TBenchModel = 'mlp' | 'cnn' | 'small-cnn';

export const BENCH_MODELS: Record<TBenchModel, { name: string; spec: TModelSpec }> = {
  mlp: { name: 'MLP 784-128-10', spec: { layers: [{ type: 'dense', units: 128, activation: 'relu' }] } },
  cnn: { name: 'lesson CNN conv32-pool-conv64-pool-dense64-dense10', spec: REFERENCE_EXPERIMENT.model },
  'small-cnn': {
    name: 'small CNN conv8-pool-conv16-pool-dense10',
    spec: {
      layers: [
        { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
        { type: 'maxPooling2d', poolSize: 2 },
        { type: 'conv2d', filters: 16, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
        { type: 'maxPooling2d', poolSize: 2 },
      ],
    },
  },
};

/** The names torch_anchor.py knows (it has no small CNN). */
const TORCH_MODEL: Partial<Record<TBenchModel, string>> = { mlp: 'mlp', cnn: 'cnn' };

export const BATCH_SIZES = [64, 256] as const;

export interface TBenchLine {
  model: TBenchModel;
  modelName: string;
  backend: TTrainingBackend;
  device: string;
  batch: number;
  threads: number;
  /** Training images in the timed epoch (the first `samples` of the MNIST training set). */
  samples: number;
  seconds: number;
  samplesPerSecond: number;
  /** Accuracy after that one epoch on `accuracySet`. */
  accuracy: number;
  accuracySet: string;
  /** Peaks sampled after every batch of the timed epoch: process resident memory and tfjs tensor memory. */
  peakMemoryBytes: { rss: number; tfjs: number };
  note?: string;
  torch?: { samplesPerSecond: number; threads: number } | null;
  ratioToTorch?: number | null;
}

export type TBenchPlan =
  | { samples: number; warmupSamples: number; evalSamples: number; note?: string }
  | { skipped: string };

/**
 * Fixed sample counts so that each line takes a few seconds on a 2-core machine. The cpu backend trains
 * CNNs at ~3 (lesson CNN) to ~40 (small CNN) samples/s: a short slice there, warmed up with a few samples,
 * and no lesson CNN at batch 256 (one such batch alone takes ~90 s).
 */
export function benchPlan(
  model: TBenchModel,
  backend: TTrainingBackend,
  batch: number,
  quick: boolean,
): TBenchPlan {
  if (backend === 'cpu' && model !== 'mlp') {
    if (model === 'cnn' && batch > 64)
      return { skipped: 'cpu backend: one batch of 256 takes ~90 s; not run' };
    const samples = model === 'cnn' ? 64 : 256;
    return {
      samples,
      warmupSamples: 8,
      evalSamples: 200,
      note: `cpu backend: ${samples} samples only (pure JavaScript convolutions), warm-up of 8 samples`,
    };
  }
  const full: Record<TBenchModel, number> = { mlp: 30_000, cnn: 5_120, 'small-cnn': 10_240 };
  return {
    samples: quick ? Math.min(1_024, full[model]) : full[model],
    warmupSamples: batch,
    evalSamples: quick ? 500 : 2_000,
  };
}

/** Threads the backend computes with: wasm's pool, all cores for TensorFlow's C library, 1 for cpu. */
export function backendThreads(backend: TTrainingBackend): number {
  if (backend === 'wasm') {
    return (
      require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm')
    ).getThreadsCount();
  }
  return backend === 'cpu' ? 1 : cpus().length;
}

/** Trains one model for one warm epoch and measures it. Disposes everything it created. */
export async function benchLine(
  tf: TF,
  mnist: TMnist,
  run: {
    model: TBenchModel;
    backend: TTrainingBackend;
    device: string;
    batch: number;
    threads: number;
  } & Extract<TBenchPlan, { samples: number }>,
): Promise<TBenchLine> {
  const { model: key, batch, samples, warmupSamples, evalSamples } = run;
  const model = buildModel(tf, BENCH_MODELS[key].spec, 1);
  try {
    compileModel(tf, model, { optimizer: 'adam', learningRate: 0.001 });
    // warm-up from the end of the training set (kernels compiled, memory grown)
    const warmStart = mnist.train.count - warmupSamples;
    const warm = { train: pick(mnist.train, range(warmStart, mnist.train.count)), validation: null };
    await trainModel(tf, model, warm, { epochs: 1, batchSize: batch, seed: 1 });
    const peak = { rss: process.memoryUsage.rss(), tfjs: tf.memory().numBytes };
    const sample = () => {
      peak.rss = Math.max(peak.rss, process.memoryUsage.rss());
      peak.tfjs = Math.max(peak.tfjs, tf.memory().numBytes);
    };
    const data = { train: pick(mnist.train, range(0, samples)), validation: null };
    const start = performance.now();
    await trainModel(
      tf,
      model,
      data,
      { epochs: 1, batchSize: batch, seed: 1, batchReportIntervalMs: 0 },
      { onBatch: sample },
    );
    const seconds = (performance.now() - start) / 1000;
    sample();
    const test = pick(mnist.test, range(0, Math.min(evalSamples, mnist.test.count)));
    const { accuracy } = await predictSet(tf, model, test);
    return {
      model: key,
      modelName: BENCH_MODELS[key].name,
      backend: run.backend,
      device: run.device,
      batch,
      threads: run.threads,
      samples,
      seconds: Math.round(seconds * 100) / 100,
      samplesPerSecond: Math.round(samples / seconds),
      accuracy: Math.round(accuracy * 10_000) / 10_000,
      accuracySet: `MNIST test images 0-${test.count - 1}`,
      peakMemoryBytes: peak,
      ...(run.note ? { note: run.note } : {}),
    };
  } finally {
    model.optimizer?.dispose();
    model.dispose();
  }
}

const TORCH_ANCHOR = anchorScript('torch_anchor.py', process.env.TORCH_ANCHOR);

const torchCache = new Map<string, { samplesPerSecond: number; threads: number } | null>();

/**
 * PyTorch's samples/s for the same model, batch and threads (null when the anchor has no such model), over
 * at least 2,048 samples so that a short cpu line still gets a steady reference. Measured once per key.
 */
function torchSamplesPerSecond(line: TBenchLine): { samplesPerSecond: number; threads: number } | null {
  const model = TORCH_MODEL[line.model];
  if (!model) return null;
  const n = Math.max(line.samples, 2_048);
  const key = `${model}/${line.batch}/${line.threads}/${n}`;
  if (!torchCache.has(key)) {
    const args = [
      '--models',
      model,
      '--batch',
      `${line.batch}`,
      '--threads',
      `${line.threads}`,
      '--n',
      `${n}`,
    ];
    const out = execFileSync(PYTHON, [TORCH_ANCHOR, ...args], { encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').pop() as string) as {
      samples_per_s: number;
      threads: number;
    };
    torchCache.set(key, { samplesPerSecond: result.samples_per_s, threads: result.threads });
  }
  return torchCache.get(key) ?? null;
}

/**
 * Child process: every line of one backend (with `wasmThreads`, of the wasm backend with that many threads,
 * through WASM_THREADS), or one `{backend, unavailable}` line.
 */
async function benchBackend(
  backend: TTrainingBackend,
  wasmThreads: number | null,
  quick: boolean,
): Promise<void> {
  const unavailable = (reason: string) =>
    console.log(
      JSON.stringify({ backend, ...(wasmThreads ? { threads: wasmThreads } : {}), unavailable: reason }),
    );
  if (wasmThreads) process.env.WASM_THREADS = `${wasmThreads}`;
  let selected: Awaited<ReturnType<typeof selectBackend>>;
  try {
    selected = await selectBackend(backend);
  } catch (error) {
    return unavailable(error instanceof Error ? (error.message.split('\n')[0] as string) : String(error));
  }
  const { tf, device } = selected;
  const threads = backendThreads(backend);
  if (wasmThreads && threads !== wasmThreads)
    return unavailable(`WASM_THREADS=${wasmThreads} gave ${threads}`);
  const mnist = loadMnist();
  for (const model of Object.keys(BENCH_MODELS) as TBenchModel[]) {
    for (const batch of BATCH_SIZES) {
      const plan = benchPlan(model, backend, batch, quick);
      const line =
        'skipped' in plan
          ? { model, modelName: BENCH_MODELS[model].name, backend, device, batch, threads, ...plan }
          : await benchLine(tf, mnist, { model, backend, device, batch, threads, ...plan });
      console.log(JSON.stringify(line));
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--ab-child')) {
    const { threads, batch } = parseAbOptions(args);
    await abChild(threads, batch);
    process.exit(0);
  }
  if (args.includes('--ab')) return abBench(parseAbOptions(args), __filename);
  const quick = args.includes('--quick');
  const childIndex = args.indexOf('--backend');
  if (childIndex >= 0) {
    const threads = args.indexOf('--threads');
    const wasmThreads = threads >= 0 ? Number(args[threads + 1]) : null;
    await benchBackend(args[childIndex + 1] as TTrainingBackend, wasmThreads, quick);
    // the wasm thread pool's workers would keep the child alive (stdout to a pipe is synchronous on Linux)
    process.exit(0);
  }

  const torch = args.includes('--torch') && pythonImports('torch');
  if (args.includes('--torch') && !torch) console.error(`--torch: ${PYTHON} cannot import torch; no ratios`);
  const only = BACKEND_ORDER.filter((backend) => args.includes(backend));
  // the wasm backend with 1 thread and with one per core (when its thread pool works in Node)
  const wasmThreads = [...new Set([1, cpus().length])];
  const runs = (only.length > 0 ? only : BACKEND_ORDER).flatMap(
    (backend): { backend: TTrainingBackend; threads: number | null }[] =>
      backend === 'wasm'
        ? wasmThreads.map((threads) => ({ backend, threads }))
        : [{ backend, threads: null }],
  );
  for (const { backend, threads } of runs) {
    // one child per backend and thread count: its own tfjs, memory and thread settings
    const childArgs = [
      '--backend',
      backend,
      ...(threads ? ['--threads', `${threads}`] : []),
      ...(quick ? ['--quick'] : []),
    ];
    const child = spawn(process.execPath, ['-r', '@swc-node/register', __filename, ...childArgs], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const lines: (TBenchLine | { backend: string; unavailable?: string; skipped?: string })[] = [];
    for await (const text of createInterface({ input: child.stdout })) {
      if (!text.startsWith('{')) continue;
      lines.push(JSON.parse(text));
      if (!torch) console.log(text);
    }
    const status = await exited;
    if (status !== 0) throw new Error(`bench of backend ${backend} exited with ${status}`);
    // PyTorch runs once this backend is done, never beside it: both would share the cores
    for (const line of torch ? lines : []) {
      if ('samplesPerSecond' in line) {
        line.torch = torchSamplesPerSecond(line);
        line.ratioToTorch = line.torch
          ? Number((line.samplesPerSecond / line.torch.samplesPerSecond).toPrecision(3))
          : null;
      }
      console.log(JSON.stringify(line));
    }
  }

  // the classical side (not when only some backends were asked for): our random forest on scikit-learn's
  // anchor split, and with --sklearn its fit time
  if (only.length > 0) return;
  const sklearn = args.includes('--sklearn') && pythonImports('sklearn');
  if (args.includes('--sklearn') && !sklearn)
    console.error(`--sklearn: ${PYTHON} cannot import sklearn; no ratio`);
  const split = quick ? QUICK_FOREST_SPLIT : FOREST_SPLIT;
  const forest = forestBenchLine(loadMnist(), split);
  if (sklearn) {
    const anchor = sklearnForest(split);
    forest.sklearn = anchor;
    forest.fitTimeRatioToSklearn = Number((forest.fitSeconds / anchor.fitSeconds).toPrecision(3));
  }
  console.log(JSON.stringify(forest));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
