import { REFERENCE_EXPERIMENT, type TLayerSummary } from './experiment';
import {
  classTimeMs,
  EVALUATION_IMAGES,
  estimateDurationMs,
  estimateRunSeconds,
  estimateStartMs,
  expectedLoad,
  forwardMacs,
  MAX_SPEED_ENTRIES,
  measuredSpeed,
  nearestSpeed,
  PRIOR_SPEEDS,
  RUN_OVERHEAD_S,
  recordSpeed,
  runWork,
  SPEED_SMOOTHING,
  speedShape,
  type TMeasuredSpeed,
} from './run-cost';

/** The lesson CNN as describeModel summarises it (REFERENCE_EXPERIMENT.model). */
const LESSON_CNN: TLayerSummary[] = [
  { name: 'conv2d_1', type: 'conv2d', outputShape: [26, 26, 32], parameters: 320 },
  { name: 'max_pooling2d_1', type: 'maxPooling2d', outputShape: [13, 13, 32], parameters: 0 },
  { name: 'conv2d_2', type: 'conv2d', outputShape: [11, 11, 64], parameters: 18_496 },
  { name: 'max_pooling2d_2', type: 'maxPooling2d', outputShape: [5, 5, 64], parameters: 0 },
  { name: 'flatten_1', type: 'flatten', outputShape: [1600], parameters: 0 },
  { name: 'dense_1', type: 'dense', outputShape: [64], parameters: 102_464 },
  { name: 'output', type: 'dense', outputShape: [10], parameters: 650 },
];
const MLP: TLayerSummary[] = [
  { name: 'flatten', type: 'flatten', outputShape: [784], parameters: 0 },
  { name: 'dense_1', type: 'dense', outputShape: [128], parameters: 100_480 },
  { name: 'output', type: 'dense', outputShape: [10], parameters: 1_290 },
];

describe('run cost estimate', () => {
  it('counts a convolution at every output position and a dense layer once', () => {
    expect(forwardMacs(LESSON_CNN)).toBe(320 * 26 * 26 + 18_496 * 11 * 11 + 102_464 + 650);
    expect(forwardMacs(MLP)).toBe(101_770);
  });

  it('puts the reference run within the benchmarked range (wasm: about 1,000 lesson-CNN images/s)', () => {
    const seconds = estimateRunSeconds(LESSON_CNN, REFERENCE_EXPERIMENT.training);
    // 54,000 training images x 5 epochs at 1,000 images/s: 270 s; the estimate errs on the long side.
    expect(seconds).toBeGreaterThan(270);
    expect(seconds).toBeLessThan(600);
  });

  it('grows with the epochs and the training images, and never drops below the fixed overhead', () => {
    const base = { ...REFERENCE_EXPERIMENT.training, trainSize: 60_000, epochs: 1 };
    expect(estimateRunSeconds(MLP, { ...base, trainSize: 100 })).toBe(RUN_OVERHEAD_S + 1);
    const one = estimateRunSeconds(MLP, base);
    expect(estimateRunSeconds(MLP, { ...base, epochs: 10 })).toBeGreaterThan(one);
    expect(estimateRunSeconds(MLP, { ...base, trainSize: 30_000 })).toBeLessThan(one);
    expect(estimateRunSeconds(LESSON_CNN, { ...base, epochs: 30, trainSize: 60_000 })).toBeGreaterThan(900);
  });
});

describe('run work and duration', () => {
  const training = { ...REFERENCE_EXPERIMENT.training, epochs: 2, trainSize: 1_000, validationSplit: 0.1 };

  it('counts 3 passes per training image and epoch, 1 per validation image, and the evaluation sets once', () => {
    const work = runWork(MLP, training);
    expect(EVALUATION_IMAGES).toBe(10_000 + 1_000 * 22);
    expect(work.trainMacs).toBe(101_770 * 2 * (900 * 3 + 100));
    expect(work.evalMacs).toBe(101_770 * EVALUATION_IMAGES);
    expect(work.batchSize).toBe(training.batchSize);
  });

  it('adds the phases at their speeds and the fixed overhead', () => {
    const work = { macsPerImage: 1, batchSize: 64, trainMacs: 6e9, evalMacs: 1e9 };
    expect(estimateDurationMs(work, { trainMacsPerS: 3e9, evalMacsPerS: 1e9, overheadMs: 500 })).toBe(3_500);
  });

  it('gives back the timings of a run from the speed measured on it', () => {
    const work = runWork(LESSON_CNN, training);
    const timings = { trainMs: 40_000, threadMs: 52_000, wallMs: 52_400 };
    const speed = measuredSpeed(work, timings);
    expect(speed.overheadMs).toBe(400);
    expect(estimateDurationMs(work, speed)).toBe(52_400);
  });
});

describe('smoothed speeds', () => {
  const shape = { sizeClass: 21, batchClass: 6, load: 1 };
  const speed = (trainMacsPerS: number) => ({
    trainMacsPerS,
    evalMacsPerS: 2 * trainMacsPerS,
    overheadMs: 100,
  });

  it('takes a first run as it is, then moves towards each new run by the smoothing weight', () => {
    const first = recordSpeed([], shape, speed(1e9));
    expect(first).toEqual([{ ...shape, ...speed(1e9), runs: 1 }]);
    const second = recordSpeed(first, shape, speed(2e9));
    expect(second).toHaveLength(1);
    expect(second[0]?.trainMacsPerS).toBeCloseTo(1e9 + SPEED_SMOOTHING * 1e9);
    expect(second[0]?.runs).toBe(2);
  });

  it('keeps one entry per shape, the latest first, and at most MAX_SPEED_ENTRIES', () => {
    let entries: TMeasuredSpeed[] = [];
    for (let size = 0; size < MAX_SPEED_ENTRIES + 3; size++)
      entries = recordSpeed(entries, { ...shape, sizeClass: size }, speed(1e9));
    expect(entries).toHaveLength(MAX_SPEED_ENTRIES);
    expect(entries[0]?.sizeClass).toBe(MAX_SPEED_ENTRIES + 2);
  });

  it('finds the same model size first, then the same batch size, then the same load', () => {
    const entries = [
      { ...shape, ...speed(1), load: 2, runs: 1 },
      { ...shape, ...speed(2), sizeClass: 17, runs: 1 },
      { ...shape, ...speed(3), batchClass: 4, runs: 1 },
    ];
    expect(nearestSpeed(entries, shape)?.trainMacsPerS).toBe(1);
    expect(nearestSpeed(entries, { ...shape, load: 2, batchClass: 4 })?.trainMacsPerS).toBe(3);
    expect(nearestSpeed([], shape)).toBeNull();
  });

  it('classes a run by the log2 of its MACs per image and of its batch size', () => {
    const work = runWork(LESSON_CNN, REFERENCE_EXPERIMENT.training);
    expect(speedShape(work, 2)).toEqual({ sizeClass: 21, batchClass: 6, load: 2 });
  });

  it('has a prior for every backend, wasm the one the quotas use', () => {
    const work = runWork(LESSON_CNN, REFERENCE_EXPERIMENT.training);
    expect(estimateRunSeconds(LESSON_CNN, REFERENCE_EXPERIMENT.training)).toBe(
      Math.ceil(estimateDurationMs(work, PRIOR_SPEEDS.wasm) / 1000),
    );
    expect(estimateDurationMs(work, PRIOR_SPEEDS.cpu)).toBeGreaterThan(
      estimateDurationMs(work, PRIOR_SPEEDS.wasm),
    );
  });
});

describe('queue start and class time', () => {
  it('starts at once on a free slot, else when the earliest slot frees up after the runs ahead', () => {
    expect(estimateStartMs([0, 30_000], [])).toBe(0);
    expect(estimateStartMs([10_000, 30_000], [])).toBe(10_000);
    // 10 s: run A (40 s) on slot 1 until 50 s; 30 s: run B (5 s) on slot 2 until 35 s; then this one
    expect(estimateStartMs([10_000, 30_000], [40_000, 5_000])).toBe(35_000);
    expect(estimateStartMs([], [1_000])).toBeNull();
  });

  it('spreads the busy slots evenly over the workers, at least this run, at most the concurrency', () => {
    expect(expectedLoad(0, 2, 2)).toBe(1);
    expect(expectedLoad(1, 2, 2)).toBe(1);
    expect(expectedLoad(2, 2, 2)).toBe(2);
    expect(expectedLoad(30, 4, 2)).toBe(2);
    expect(expectedLoad(2, 4, 2)).toBe(1);
    expect(expectedLoad(5, 0, 2)).toBe(1);
  });

  it('counts a class in waves of the slots', () => {
    expect(classTimeMs(30, 2, 60_000)).toBe(15 * 60_000);
    expect(classTimeMs(31, 2, 60_000)).toBe(16 * 60_000);
    expect(classTimeMs(0, 2, 60_000)).toBe(60_000);
    expect(classTimeMs(30, 0, 60_000)).toBeNull();
  });
});
