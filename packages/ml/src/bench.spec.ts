import { BENCH_MODELS, benchLine, benchPlan } from './bench';
import { forestBenchLine } from './bench-classical';
import { loadMnist, selectBackend } from './node';

describe('benchLine', () => {
  it('trains a model briefly and returns the line the benchmark prints', async () => {
    const { tf, backend, device } = await selectBackend('cpu');
    const line = await benchLine(tf, loadMnist(), {
      model: 'mlp',
      backend,
      device,
      batch: 32,
      threads: 1,
      samples: 64,
      warmupSamples: 8,
      evalSamples: 50,
    });
    expect(line).toEqual({
      model: 'mlp',
      modelName: BENCH_MODELS.mlp.name,
      backend: 'cpu',
      device,
      batch: 32,
      threads: 1,
      samples: 64,
      seconds: expect.any(Number),
      samplesPerSecond: expect.any(Number),
      accuracy: expect.any(Number),
      accuracySet: 'MNIST test images 0-49',
      peakMemoryBytes: { rss: expect.any(Number), tfjs: expect.any(Number) },
    });
    expect(line.accuracy).toBeGreaterThanOrEqual(0);
    expect(line.accuracy).toBeLessThanOrEqual(1);
    expect(line.peakMemoryBytes.rss).toBeGreaterThan(0);
    expect(line.peakMemoryBytes.tfjs).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(0);
  });
});

describe('benchPlan', () => {
  it('uses a short slice for CNNs on the cpu backend, says so, and skips its lesson CNN at batch 256', () => {
    const small = benchPlan('small-cnn', 'cpu', 64, false);
    expect(small).toMatchObject({ samples: 256, note: expect.stringContaining('cpu backend') });
    expect(benchPlan('cnn', 'cpu', 256, false)).toEqual({ skipped: expect.stringContaining('cpu backend') });
    expect(benchPlan('cnn', 'wasm', 256, false)).toEqual({
      samples: 5_120,
      warmupSamples: 256,
      evalSamples: 2_000,
    });
    expect(benchPlan('mlp', 'wasm', 64, true)).toMatchObject({ samples: 1_024 });
  });
});

describe('forestBenchLine', () => {
  it('fits the random forest on the first images of the split and times it', () => {
    const line = forestBenchLine(loadMnist(), { train: 300, test: 100, trees: 3 });
    expect(line).toEqual({
      model: 'random-forest',
      features: 'pixels',
      train: 300,
      test: 100,
      trees: 3,
      accuracy: expect.any(Number),
      fitSeconds: expect.any(Number),
      predictSeconds: expect.any(Number),
    });
    // three trees on 300 digits: far above chance (10 %) on the first 100 test digits
    expect(line.accuracy).toBeGreaterThan(0.5);
  });
});
