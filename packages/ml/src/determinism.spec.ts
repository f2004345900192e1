import type { TExperimentSpec } from '@dlclass/contracts';
import * as tf from '@tensorflow/tfjs';
import { pick, range } from './mnist';
import { loadMnist, selectBackend } from './node';
import { runExperiment, type TRunResult } from './train';

const mnist = loadMnist();
const testSet = pick(mnist.test, range(0, 300));

/** Dropout and augmentation on: every random draw of a run must come from its seed. */
const spec = (layers: TExperimentSpec['model']['layers']): TExperimentSpec => ({
  dataset: 'mnist',
  model: { layers },
  training: {
    epochs: 2,
    batchSize: 32,
    optimizer: 'adam',
    learningRate: 0.005,
    validationSplit: 0.2,
    trainSize: 200,
    seed: 42,
    augmentation: { shift: 2, rotation: 10 },
  },
});

const mlp = spec([
  { type: 'dense', units: 16, activation: 'relu' },
  { type: 'dropout', rate: 0.3 },
]);
const cnn = spec([
  { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
  { type: 'maxPooling2d', poolSize: 2 },
  { type: 'dropout', rate: 0.25 },
]);

/** The metrics of a run, without its wall-clock durations (which legitimately vary). */
function metrics(result: TRunResult) {
  if (result.status !== 'succeeded') throw new Error('run did not succeed');
  return {
    epochs: result.epochs.map(({ durationMs: _, ...rest }) => rest),
    evaluation: result.evaluation,
    weights: Array.from(new Float32Array(result.artifacts.weightData)),
  };
}

describe.each([
  ['cpu', 'mlp', mlp],
  ['wasm', 'mlp', mlp],
  ['wasm', 'cnn', cnn],
] as const)('determinism on %s (%s)', (backend, _name, experiment) => {
  it('gives exactly the same metrics, evaluation and weights for the same spec and seed', async () => {
    const { tf: backendTf } = await selectBackend(backend);
    const first = metrics(await runExperiment(backendTf, experiment, mnist, {}, { testSet }));
    const second = metrics(await runExperiment(backendTf, experiment, mnist, {}, { testSet }));
    expect(second).toEqual(first);

    // and another seed gives another run (the seed is really used)
    const other = metrics(
      await runExperiment(
        backendTf,
        { ...experiment, training: { ...experiment.training, seed: 43 } },
        mnist,
        {},
        { testSet },
      ),
    );
    expect(other.epochs).not.toEqual(first.epochs);
    await tf.setBackend('cpu');
  });
});
