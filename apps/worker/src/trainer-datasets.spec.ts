import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TDataset, TExperimentSpec } from '@dlclass/contracts';
import { datasetDir, isDatasetInstalled, loadSharedDatasets } from '@dlclass/ml/node';
import pino from 'pino';
import { TrainingError, TrainingThread } from './trainer';

const tiny = (dataset: TDataset): TExperimentSpec => ({
  dataset,
  model: { layers: [{ type: 'dense', units: 32, activation: 'relu' }] },
  training: {
    epochs: 2,
    batchSize: 32,
    optimizer: 'adam',
    learningRate: 0.005,
    validationSplit: 0.1,
    trainSize: 1000,
    seed: 1,
  },
});
const callbacks = { onBatch: () => undefined, onEpoch: () => undefined };

describe('the training thread trains on the dataset of each run', () => {
  it('learns Fashion-MNIST, then MNIST, in the same thread, from the datasets the worker shares', async () => {
    // npm test and .ci/run install Debian's dataset-fashion-mnist; without it this test must fail, not skip.
    expect(isDatasetInstalled(datasetDir('fashion-mnist'))).toBe(true);
    // the thread's own folders are empty: it can only train from the datasets it is handed
    const empty = mkdtempSync(join(tmpdir(), 'dlclass-shared-only-'));
    const trainer = new TrainingThread(
      { preferredBackend: 'wasm', mnistDir: empty, fashionMnistDir: empty, datasets: loadSharedDatasets() },
      pino({ level: 'silent' }),
    );
    try {
      const fashion = await trainer.run(tiny('fashion-mnist'), callbacks).result;
      const mnist = await trainer.run(tiny('mnist'), callbacks).result;
      if (fashion.status !== 'succeeded' || mnist.status !== 'succeeded') throw new Error('a run failed');
      // far above chance (10 %) on both test sets, and not the same images
      expect(fashion.evaluation.testAccuracy).toBeGreaterThan(0.6);
      expect(mnist.evaluation.testAccuracy).toBeGreaterThan(0.75);
      expect(fashion.evaluation.samples[0]?.pixels).not.toEqual(mnist.evaluation.samples[0]?.pixels);
    } finally {
      await trainer.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('fails a run on a dataset that is not installed, with the command that installs it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'dlclass-no-fashion-'));
    const trainer = new TrainingThread(
      { preferredBackend: 'cpu', mnistDir: undefined, fashionMnistDir: empty },
      pino({ level: 'silent' }),
    );
    try {
      const failure = trainer.run(tiny('fashion-mnist'), callbacks).result;
      await expect(failure).rejects.toBeInstanceOf(TrainingError);
      await expect(failure).rejects.toMatchObject({
        code: 'dataset',
        message: expect.stringContaining('sudo apt-get install dataset-fashion-mnist'),
      });
    } finally {
      await trainer.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
