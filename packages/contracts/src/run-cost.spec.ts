import { REFERENCE_EXPERIMENT, type TLayerSummary } from './experiment';
import { estimateRunSeconds, forwardMacs, RUN_OVERHEAD_S } from './run-cost';

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
