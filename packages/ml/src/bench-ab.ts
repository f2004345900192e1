/**
 * `npm run bench -- --ab <rounds> [--models mlp,cnn] [--threads 1] [--batch 64]`: our fastest CPU backend
 * against PyTorch, interleaved. This host's speed drifts 3-5x from one minute to the next, so a ratio means
 * something only between runs of the same minutes: each round trains, per model, PyTorch
 * (/work/shared/bench/torch_anchor.py), then ours, then PyTorch again, and its ratio is ours over the mean of
 * the two PyTorch runs around it. Prints one JSON line per round and model, then the median ratio per model.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TTrainingBackend } from '@dlclass/contracts';
import { BENCH_MODELS, benchLine, type TBenchModel } from './bench';
import { anchorScript, PYTHON, pythonImports } from './bench-anchors';
import { loadMnist, selectBackend } from './node';

/** The models torch_anchor.py knows. */
const AB_MODELS = ['mlp', 'cnn'] as const satisfies readonly TBenchModel[];
type TAbModel = (typeof AB_MODELS)[number];

/** Images per timed epoch, on both sides: about a second or two of training each. */
const AB_SAMPLES: Record<TAbModel, number> = { mlp: 16_384, cnn: 4_096 };

/** The CPU backends, fastest first: the first that loads is "ours". */
const CPU_BACKENDS: readonly TTrainingBackend[] = ['tensorflow', 'native', 'wasm'];

/** The median ratio each model must reach (issue 15). */
export const AB_TARGETS: Record<TAbModel, number> = { mlp: 1.0, cnn: 1.0 };

export interface TAbOptions {
  rounds: number;
  models: TAbModel[];
  threads: number;
  batch: number;
}

function positive(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer`);
  return value;
}

/** The options of an A/B run from the command line (`--ab` present). */
export function parseAbOptions(args: string[]): TAbOptions {
  const index = args.indexOf('--models');
  const models = index < 0 ? [...AB_MODELS] : (args[index + 1] ?? '').split(',').filter(Boolean);
  const unknown = models.filter((m) => !(AB_MODELS as readonly string[]).includes(m));
  if (models.length === 0 || unknown.length > 0)
    throw new Error(`--models takes a comma-separated list of ${AB_MODELS.join(', ')}`);
  return {
    rounds: positive(args, 'ab', 3),
    models: models as TAbModel[],
    threads: positive(args, 'threads', 1),
    batch: positive(args, 'batch', 64),
  };
}

/** Ours over the mean of the PyTorch runs just before and just after it. */
export function abRatio(ours: number, torchBefore: number, torchAfter: number): number {
  return ours / ((torchBefore + torchAfter) / 2);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface TAbRound {
  round: number;
  model: TAbModel;
  backend: string;
  device: string;
  batch: number;
  threads: number;
  samples: number;
  torchBefore: number;
  ours: number;
  torchAfter: number;
  ratio: number;
}

function torchSamplesPerSecond(model: TAbModel, options: TAbOptions): number {
  const out = execFileSync(
    PYTHON,
    [
      anchorScript('torch_anchor.py', process.env.TORCH_ANCHOR),
      ...['--models', model, '--batch', `${options.batch}`, '--threads', `${options.threads}`],
      ...['--n', `${AB_SAMPLES[model]}`],
    ],
    { encoding: 'utf8' },
  );
  return (JSON.parse(out.trim().split('\n').pop() as string) as { samples_per_s: number }).samples_per_s;
}

/**
 * Child process: loads our fastest CPU backend once, prints `{backend, device}`, then trains one timed epoch
 * per model name read from stdin and prints its samples/s.
 */
export async function abChild(threads: number, batch: number): Promise<void> {
  if (threads !== 1) process.env.WASM_THREADS = `${threads}`;
  let selected: Awaited<ReturnType<typeof selectBackend>> | undefined;
  const failures: string[] = [];
  for (const backend of CPU_BACKENDS) {
    // the native kernels train with one thread per training
    if (backend === 'native' && threads !== 1) continue;
    try {
      selected = await selectBackend(backend);
      break;
    } catch (error) {
      failures.push(error instanceof Error ? (error.message.split('\n')[0] as string) : String(error));
    }
  }
  if (!selected) throw new Error(`no CPU backend loads: ${failures.join('; ')}`);
  const { tf, backend, device } = selected;
  console.log(JSON.stringify({ backend, device }));
  const mnist = loadMnist();
  for await (const model of createInterface({ input: process.stdin })) {
    const key = model as TAbModel;
    const line = await benchLine(tf, mnist, {
      model: key,
      backend,
      device,
      batch,
      threads,
      samples: AB_SAMPLES[key],
      warmupSamples: batch,
      evalSamples: 200,
    });
    console.log(JSON.stringify({ samplesPerSecond: line.samplesPerSecond }));
  }
}

/** The A/B run: prints each round's line (JSON), then a summary table and the medians against the targets. */
export async function abBench(options: TAbOptions, childModule: string): Promise<void> {
  if (!pythonImports('torch'))
    throw new Error(`${PYTHON} cannot import torch: apt-get install -y python3-torch`);
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      childModule,
      '--ab-child',
      '--threads',
      `${options.threads}`,
      '--batch',
      `${options.batch}`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    for (;;) {
      const { value, done } = await lines.next();
      if (done) throw new Error('the benchmark child process stopped');
      if (value.startsWith('{')) return JSON.parse(value);
    }
  };
  const { backend, device } = (await next()) as { backend: string; device: string };
  const rounds: TAbRound[] = [];
  try {
    for (let round = 1; round <= options.rounds; round++)
      for (const model of options.models) {
        const torchBefore = torchSamplesPerSecond(model, options);
        child.stdin.write(`${model}\n`);
        const ours = ((await next()) as { samplesPerSecond: number }).samplesPerSecond;
        const torchAfter = torchSamplesPerSecond(model, options);
        const line: TAbRound = {
          round,
          model,
          backend,
          device,
          batch: options.batch,
          threads: options.threads,
          samples: AB_SAMPLES[model],
          torchBefore,
          ours,
          torchAfter,
          ratio: Number(abRatio(ours, torchBefore, torchAfter).toPrecision(3)),
        };
        rounds.push(line);
        console.log(JSON.stringify(line));
      }
  } finally {
    child.stdin.end();
  }
  console.log(`\n${device}, batch ${options.batch}, ${options.threads} thread(s); PyTorch: ${PYTHON} torch`);
  for (const model of options.models) {
    const ratios = rounds.filter((r) => r.model === model).map((r) => r.ratio);
    const result = median(ratios);
    const target = AB_TARGETS[model];
    console.log(
      `${BENCH_MODELS[model].name}: ratios ${ratios.join(', ')}; median ${result.toPrecision(3)}x ` +
        `(target ≥ ${target.toFixed(1)}x: ${result >= target ? 'met' : 'MISSED'})`,
    );
  }
}
