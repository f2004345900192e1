import { z } from 'zod';
import type { TLayerSummary, TTrainingConfig } from './experiment';
import type { TTrainingBackend } from './jobs';
import { MNIST_TEST_SIZE } from './limits';
import { CHALLENGE_IMAGES, PERTURBATION_STRENGTHS } from './perturbation';
import { ZRunSharing } from './run-sharing';

/**
 * Multiply-accumulates per second the slowest backend a classroom worker runs (wasm, one thread) sustains
 * while training, a forward pass counting once and a backward pass twice (docs/benchmarks.md: the lesson CNN,
 * 2.56 M MACs a sample, trains about 1,000 images/s, i.e. 7.7e9; the MLP 784-128-10, 0.1 M MACs, 15,000
 * images/s, i.e. 4.6e9). Between the two; faster backends (tfjs-node, GPU) finish well before the estimate.
 */
export const TRAINING_MACS_PER_SECOND = 6e9;
/** Loading the data and building the model, once per run. */
export const RUN_OVERHEAD_S = 5;

/** Images a finished run predicts after training: the test set, then the challenge's clean and modified sets. */
export const EVALUATION_IMAGES =
  MNIST_TEST_SIZE + CHALLENGE_IMAGES * (1 + Object.values(PERTURBATION_STRENGTHS).flat().length);

/**
 * Multiply-accumulates of one forward pass: a dense layer's weights once, a convolution's at every output
 * position (parameters × height × width of its output; bias counted as a weight, which is close enough).
 */
export function forwardMacs(layers: readonly TLayerSummary[]): number {
  return layers.reduce((sum, layer) => {
    const [height, width] = layer.outputShape;
    return (
      sum +
      (layer.outputShape.length === 3 && height && width
        ? layer.parameters * height * width
        : layer.parameters)
    );
  }, 0);
}

/** What a network's run computes, in multiply-accumulates (MACs), and the shape its speed depends on. */
export interface TRunWork {
  /** One forward pass of one image. */
  macsPerImage: number;
  batchSize: number;
  /** The epochs: each training image forward and backward (3 passes), each validation image forward. */
  trainMacs: number;
  /** After training: every image of EVALUATION_IMAGES forward, once. */
  evalMacs: number;
}

export function runWork(layers: readonly TLayerSummary[], training: TTrainingConfig): TRunWork {
  const macsPerImage = forwardMacs(layers);
  const validation = Math.round(training.trainSize * training.validationSplit);
  const trainImages = training.trainSize - validation;
  return {
    macsPerImage,
    batchSize: training.batchSize,
    trainMacs: macsPerImage * training.epochs * (trainImages * 3 + validation),
    evalMacs: macsPerImage * EVALUATION_IMAGES,
  };
}

/**
 * A worker's measured speed for runs of one shape: models within a factor of 2 in MACs per image
 * (`sizeClass`, log2 rounded), batches within a factor of 2 (`batchClass`), trained while `load` runs shared
 * the worker (1: alone; each run of several is slower, the cores being shared). Smoothed over its last runs.
 */
export const ZMeasuredSpeed = z.object({
  sizeClass: z.number().int(),
  batchClass: z.number().int(),
  load: z.number().int().min(1),
  /** Training MACs per second (the epochs, validation included). */
  trainMacsPerS: z.number().positive(),
  /** Evaluation MACs per second: everything in the training thread after the epochs and before them (data, model). */
  evalMacsPerS: z.number().positive(),
  /** The rest of the run's wall time, outside the training thread (saving the results, messages). */
  overheadMs: z.number().min(0),
  /** Runs measured into it. */
  runs: z.number().int().min(1),
});
export type TMeasuredSpeed = z.infer<typeof ZMeasuredSpeed>;
export type TSpeed = Pick<TMeasuredSpeed, 'trainMacsPerS' | 'evalMacsPerS' | 'overheadMs'>;

/**
 * The speed assumed for a backend until a worker measured one run: wasm's from the benchmarks above; native
 * kernels as measured below; tfjs-node about PyTorch's CPU speed (about 3x wasm); a GPU 5x that; the pure JS
 * cpu backend 20x slower than wasm. Rough on purpose: the UI says so until a first run is measured.
 */
export const PRIOR_SPEEDS: Record<TTrainingBackend, TSpeed> = {
  'tensorflow-gpu': { trainMacsPerS: 1e11, evalMacsPerS: 1e11, overheadMs: RUN_OVERHEAD_S * 1000 },
  tensorflow: { trainMacsPerS: 2e10, evalMacsPerS: 2e10, overheadMs: RUN_OVERHEAD_S * 1000 },
  // measured on 2026-12-07 (2 cores, one run alone): the reference model, 3 epochs on 20,000 images, 37.7 s
  native: { trainMacsPerS: 1.5e10, evalMacsPerS: 9e9, overheadMs: RUN_OVERHEAD_S * 1000 },
  wasm: {
    trainMacsPerS: TRAINING_MACS_PER_SECOND,
    evalMacsPerS: TRAINING_MACS_PER_SECOND,
    overheadMs: RUN_OVERHEAD_S * 1000,
  },
  cpu: { trainMacsPerS: 3e8, evalMacsPerS: 3e8, overheadMs: RUN_OVERHEAD_S * 1000 },
};

/** A run's wall time at that speed, in ms. */
export function estimateDurationMs(work: TRunWork, speed: TSpeed): number {
  return Math.round(
    (1000 * work.trainMacs) / speed.trainMacsPerS +
      (1000 * work.evalMacs) / speed.evalMacsPerS +
      speed.overheadMs,
  );
}

/**
 * The estimated wall time of a network's run, in seconds, at the slowest backend's prior speed (quotas
 * refuse a run longer than a student's limit before it is queued).
 */
export function estimateRunSeconds(layers: readonly TLayerSummary[], training: TTrainingConfig): number {
  return Math.ceil(estimateDurationMs(runWork(layers, training), PRIOR_SPEEDS.wasm) / 1000);
}

const log2Class = (value: number) => Math.round(Math.log2(Math.max(1, value)));

/** The shape of a run's speed entry (see ZMeasuredSpeed). */
export function speedShape(
  work: TRunWork,
  load: number,
): Pick<TMeasuredSpeed, 'sizeClass' | 'batchClass' | 'load'> {
  return { sizeClass: log2Class(work.macsPerImage), batchClass: log2Class(work.batchSize), load };
}

/** What one finished run measured: its timings in ms, from the worker. */
export interface TRunTimings {
  /** The epochs (the sum of their durations). */
  trainMs: number;
  /** The whole run in the training thread: data, model, epochs, evaluation, export. */
  threadMs: number;
  /** From the run's start to its results saved: what the student waited once it started. */
  wallMs: number;
}

/** A run's speed from its timings (a phase too short to time gives a speed of 1 ms for it). */
export function measuredSpeed(work: TRunWork, timings: TRunTimings): TSpeed {
  return {
    trainMacsPerS: (1000 * Math.max(1, work.trainMacs)) / Math.max(1, timings.trainMs),
    evalMacsPerS: (1000 * Math.max(1, work.evalMacs)) / Math.max(1, timings.threadMs - timings.trainMs),
    overheadMs: Math.max(0, timings.wallMs - timings.threadMs),
  };
}

/** Weight of the newest run in a smoothed speed: this host's speed drifts, the last runs count most. */
export const SPEED_SMOOTHING = 0.4;
/** Entries a worker keeps (the most recently measured); its heartbeat carries them. */
export const MAX_SPEED_ENTRIES = 24;

/**
 * The entries with one more run measured: its entry's speeds move by SPEED_SMOOTHING towards the run's
 * (exponential moving average; a new entry takes the run's), and it goes first (most recent first).
 */
export function recordSpeed(
  entries: readonly TMeasuredSpeed[],
  shape: Pick<TMeasuredSpeed, 'sizeClass' | 'batchClass' | 'load'>,
  sample: TSpeed,
): TMeasuredSpeed[] {
  const same = (e: TMeasuredSpeed) =>
    e.sizeClass === shape.sizeClass && e.batchClass === shape.batchClass && e.load === shape.load;
  const previous = entries.find(same);
  const blend = (key: keyof TSpeed) =>
    previous ? previous[key] + SPEED_SMOOTHING * (sample[key] - previous[key]) : sample[key];
  const updated: TMeasuredSpeed = {
    ...shape,
    trainMacsPerS: blend('trainMacsPerS'),
    evalMacsPerS: blend('evalMacsPerS'),
    overheadMs: blend('overheadMs'),
    runs: (previous?.runs ?? 0) + 1,
  };
  return [updated, ...entries.filter((e) => !same(e))].slice(0, MAX_SPEED_ENTRIES);
}

/**
 * The measured entry nearest to a run's shape: the same model size first, then batch size, then load (a
 * MAC rate transfers across sizes roughly, and least well across batch sizes and loads). Null: none measured.
 */
export function nearestSpeed(
  entries: readonly TMeasuredSpeed[],
  shape: Pick<TMeasuredSpeed, 'sizeClass' | 'batchClass' | 'load'>,
): TMeasuredSpeed | null {
  const distance = (e: TMeasuredSpeed) =>
    Math.abs(e.sizeClass - shape.sizeClass) +
    Math.abs(e.batchClass - shape.batchClass) +
    0.5 * Math.abs(e.load - shape.load);
  let best: TMeasuredSpeed | null = null;
  for (const entry of entries) if (!best || distance(entry) < distance(best)) best = entry;
  return best;
}

/**
 * When a run would start: each slot frees up after `busyMs` (0: free now, else the remaining time of the
 * run it trains), the runs ahead take the first free slot in their order, and this one the next. Null when
 * there is no slot (no worker, or the queue paused).
 */
export function estimateStartMs(busyMs: readonly number[], aheadMs: readonly number[]): number | null {
  if (busyMs.length === 0) return null;
  const slots = [...busyMs];
  const earliest = () => slots.reduce((best, ms, i) => (ms < (slots[best] as number) ? i : best), 0);
  for (const duration of aheadMs) {
    const slot = earliest();
    slots[slot] = (slots[slot] as number) + duration;
  }
  return Math.max(0, Math.round(slots[earliest()] as number));
}

/**
 * Runs training at once on a worker of `concurrency` slots when `busy` of the queue's `slots` are taken
 * (those busy spread evenly over the workers): each run of several goes slower, the cores being shared.
 */
export function expectedLoad(busy: number, slots: number, concurrency: number): number {
  if (slots <= 0) return 1;
  return Math.min(concurrency, Math.max(1, Math.ceil((Math.min(busy, slots) * concurrency) / slots)));
}

/**
 * The time a whole class waits for its results when each of `students` submits one run of `runMs` at
 * once on `slots` slots: the runs go by waves of `slots`. Null without a slot.
 */
export function classTimeMs(students: number, slots: number, runMs: number): number | null {
  if (slots < 1) return null;
  return Math.ceil(Math.max(1, students) / slots) * runMs;
}

/** POST /api/experiments/estimate: how long a run would take and when it would start, if submitted now. */
export const ZRunEstimate = z.object({
  /** From its start to its results. */
  durationMs: z.number().int().min(0),
  /** From now to its start; null when no worker is up or the queue is paused (it would not start). */
  startInMs: z.number().int().min(0).nullable(),
  /** 'measured': from the live workers' measured speed; 'prior': a rough figure until a run is measured. */
  basis: z.enum(['measured', 'prior']),
  /** Runs trained at once by the live workers (0: none up, or the queue paused). */
  slots: z.number().int().min(0),
  /** Its duration when every slot trains a run (a whole class at once: each run is slower). */
  fullLoadDurationMs: z.number().int().min(0),
  /**
   * When an identical run of the class asked for the same training (see ZRunSharing): 'attached' to one queued
   * (its start and duration) or running (no wait, the rest of its time), 'reused' from one finished (no wait, no
   * time: answered at once); null: a training of its own.
   */
  sharing: ZRunSharing.nullable(),
});
export type TRunEstimate = z.infer<typeof ZRunEstimate>;

/** The estimate a run got when it was submitted, beside what it really took, in its details. */
export const ZLaunchEstimate = z.object({
  durationMs: z.number().int().min(0),
  /** null: no worker was up when it was submitted. */
  waitMs: z.number().int().min(0).nullable(),
  basis: z.enum(['measured', 'prior']),
});
export type TLaunchEstimate = z.infer<typeof ZLaunchEstimate>;

/**
 * A classical run's wall time when estimating the queue: a random forest on 10,000 images fits in about 10 s
 * on one wasm thread (docs/benchmarks.md), the challenge's evaluation and the data add a few more.
 */
export const CLASSICAL_RUN_MS = 20_000;
