import { PROGRESS_MIN_INTERVAL_MS, type TExperimentSpec } from '@dlclass/contracts';
import * as tf from '@tensorflow/tfjs';
import { buildModel, compileModel } from './architecture';
import { imagesTensor, labelsAt, oneHotTensor, pick, range } from './mnist';
import { loadMnist, selectBackend } from './node';
import { runExperiment, type TBatchMetrics, trainModel, trainOnBatch } from './train';

const mnist = loadMnist();
const smallTest = pick(
  mnist.test,
  Array.from({ length: 500 }, (_, i) => i),
);

const mlp: TExperimentSpec = {
  dataset: 'mnist',
  model: {
    layers: [
      { type: 'dense', units: 32, activation: 'relu' },
      { type: 'dropout', rate: 0.1 },
    ],
  },
  training: {
    epochs: 2,
    batchSize: 32,
    optimizer: 'adam',
    learningRate: 0.01,
    validationSplit: 0.2,
    trainSize: 300,
    seed: 3,
  },
};

describe('runExperiment', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('trains, reports batches and epochs, evaluates, exports, and leaves no tensor behind', async () => {
    const baseline = tf.memory().numTensors;
    const batches: TBatchMetrics[] = [];
    const epochs: number[] = [];
    const result = await runExperiment(
      tf,
      mlp,
      mnist,
      { onBatch: (b) => void batches.push(b), onEpoch: (e) => void epochs.push(e.epoch) },
      { batchReportIntervalMs: 0, testSet: smallTest },
    );
    expect(tf.memory().numTensors).toBe(baseline);
    if (result.status !== 'succeeded') throw new Error('run did not succeed');
    expect(epochs).toEqual([1, 2]);
    // 240 training images (20 % validation) in batches of 32: 8 batches per epoch
    expect(batches).toHaveLength(16);
    expect(batches[0]).toMatchObject({ epoch: 1, batch: 1, batchesPerEpoch: 8 });
    expect(batches.every((b) => Number.isFinite(b.loss) && b.samplesPerSecond > 0)).toBe(true);
    expect(result.epochs[1]?.valAccuracy).toBeGreaterThan(0.3);
    expect(result.parameterCount).toBe(784 * 32 + 32 + 32 * 10 + 10);
    expect(result.evaluation.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(500);
    expect(result.evaluation.testAccuracy).toBeGreaterThan(0.5);
    expect(result.evaluation.samples).toHaveLength(10);
    expect(result.artifacts.weightData.byteLength).toBe(result.parameterCount * 4);

    // the exported model is what the browser loads: same predictions
    const loaded = await tf.loadLayersModel(tf.io.fromMemory({ ...result.artifacts }));
    const sample = result.evaluation.samples[0];
    const probabilities = tf.tidy(() =>
      (
        loaded.predict(tf.tensor4d(sample?.pixels.map((p) => p / 255) ?? [], [1, 28, 28, 1])) as tf.Tensor
      ).dataSync(),
    );
    expect(probabilities[sample?.prediction ?? -1]).toBeCloseTo(sample?.confidence ?? -1, 4);
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('stops between two batches when cancelled, and disposes everything', async () => {
    const baseline = tf.memory().numTensors;
    let batches = 0;
    const result = await runExperiment(
      tf,
      mlp,
      mnist,
      { onBatch: () => void batches++, shouldCancel: () => batches >= 3 },
      { batchReportIntervalMs: 0, testSet: smallTest },
    );
    expect(result.status).toBe('cancelled');
    expect(batches).toBe(3);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('trainOnBatch', () => {
  it("gives LayersModel.trainOnBatch's loss, accuracy and weights to the bit, dropout included", async () => {
    await tf.setBackend('cpu');
    const spec = {
      layers: [
        { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
        { type: 'maxPooling2d', poolSize: 2 },
        { type: 'flatten' },
        { type: 'dense', units: 16, activation: 'relu' },
        { type: 'dropout', rate: 0.3 },
      ],
    } satisfies TExperimentSpec['model'];
    const theirs = buildModel(tf, spec, 5);
    const ours = buildModel(tf, spec, 5);
    for (const model of [theirs, ours]) compileModel(tf, model, { optimizer: 'adam', learningRate: 0.01 });
    const dropoutSeed = (seed: number) => {
      for (const model of [theirs, ours])
        for (const layer of model.layers)
          if (layer.getClassName() === 'Dropout') (layer as unknown as { seed: number }).seed = seed;
    };
    for (let step = 0; step < 3; step++) {
      const indices = range(step * 16, step * 16 + 16);
      const xs = imagesTensor(tf, mnist.train, indices);
      const ys = oneHotTensor(tf, mnist.train, indices);
      dropoutSeed(100 + step);
      const [loss, accuracy] = (await theirs.trainOnBatch(xs, ys)) as number[];
      const labels = labelsAt(mnist.train, indices);
      expect(trainOnBatch(tf, ours, { xs, ys, labels })).toEqual({ loss, accuracy });
      tf.dispose([xs, ys]);
    }
    const weights = (model: typeof ours) => model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(weights(ours)).toEqual(weights(theirs));
    for (const model of [theirs, ours]) {
      model.optimizer.dispose();
      model.dispose();
    }
  });
});

describe('trainModel batch reports', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('stays under the progress rate across many one-batch epochs (no forced last-batch report)', async () => {
    const model = buildModel(tf, { layers: [{ type: 'dense', units: 4, activation: 'relu' }] }, 1);
    compileModel(tf, model, { optimizer: 'sgd', learningRate: 0.01 });
    const train = pick(
      mnist.train,
      Array.from({ length: 8 }, (_, i) => i),
    );
    let reports = 0;
    let epochs = 0;
    const started = performance.now();
    const result = await trainModel(
      tf,
      model,
      { train, validation: null },
      { epochs: 300, batchSize: 32, seed: 1 },
      { onBatch: () => void reports++, onEpoch: () => void epochs++ },
    );
    const elapsedS = (performance.now() - started) / 1000;
    model.optimizer?.dispose();
    model.dispose();
    expect(result.cancelled).toBe(false);
    expect(epochs).toBe(300);
    expect(reports).toBeLessThanOrEqual(Math.floor(elapsedS * (1000 / PROGRESS_MIN_INTERVAL_MS)) + 1);
  });
});

describe('trainModel first batch report', () => {
  it('reports the first batch at once, even when the whole run is shorter than the interval', async () => {
    const model = buildModel(tf, { layers: [{ type: 'dense', units: 4, activation: 'relu' }] }, 1);
    compileModel(tf, model, { optimizer: 'sgd', learningRate: 0.01 });
    const train = pick(
      mnist.train,
      Array.from({ length: 8 }, (_, i) => i),
    );
    const reports: number[] = [];
    await trainModel(
      tf,
      model,
      { train, validation: null },
      { epochs: 1, batchSize: 8, seed: 1 },
      { onBatch: (b) => void reports.push(b.batch) },
    );
    model.optimizer?.dispose();
    model.dispose();
    expect(reports).toEqual([1]);
  });
});

describe('a CNN on the wasm backend (with the registered filter gradient)', () => {
  it('learns MNIST digits', async () => {
    const { tf: wasmTf } = await selectBackend('wasm');
    const baseline = wasmTf.memory().numTensors;
    const result = await runExperiment(
      wasmTf,
      {
        dataset: 'mnist',
        model: {
          layers: [
            { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
            { type: 'maxPooling2d', poolSize: 2 },
            { type: 'conv2d', filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
            { type: 'maxPooling2d', poolSize: 2 },
          ],
        },
        training: {
          epochs: 2,
          batchSize: 32,
          optimizer: 'adam',
          learningRate: 0.005,
          validationSplit: 0.1,
          trainSize: 2000,
        },
      },
      mnist,
      {},
      { testSet: smallTest },
    );
    expect(result.status).toBe('succeeded');
    expect(result.status === 'succeeded' && result.evaluation.testAccuracy).toBeGreaterThan(0.8);
    expect(wasmTf.memory().numTensors).toBe(baseline);
    await wasmTf.setBackend('cpu');
  });
});
