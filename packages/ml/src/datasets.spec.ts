import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DatasetNotInstalledError,
  DatasetStore,
  DEBIAN_FASHION_MNIST_DIR,
  datasetDir,
  isDatasetInstalled,
  loadSharedDatasets,
} from './datasets';
import type { TMnist } from './mnist';
import { defaultMnistDir, loadMnist } from './node';

describe('datasets', () => {
  it('parses each dataset once per store: every job gets the same typed arrays', () => {
    const loads: string[] = [];
    const store = new DatasetStore({ mnist: defaultMnistDir() }, {}, (dir) => {
      loads.push(dir);
      return loadMnist(dir);
    });
    const first: TMnist = store.get('mnist');
    const second = store.get('mnist');
    expect(second).toBe(first);
    expect(second.train.images).toBe(first.train.images);
    expect(loads).toEqual([defaultMnistDir()]);
  });

  it('parses every installed dataset once into shared memory, which a store given it never parses again', () => {
    const shared = loadSharedDatasets();
    const mnist = shared.mnist as TMnist;
    for (const set of [mnist.train, mnist.test, shared['fashion-mnist']?.train]) {
      expect(set?.images.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(set?.labels.buffer).toBeInstanceOf(SharedArrayBuffer);
    }
    const parsed = loadMnist();
    expect(mnist.train.count).toBe(60_000);
    expect(Buffer.from(mnist.train.images).equals(Buffer.from(parsed.train.images))).toBe(true);
    expect(Buffer.from(mnist.test.labels).equals(Buffer.from(parsed.test.labels))).toBe(true);

    const store = new DatasetStore({}, shared, () => {
      throw new Error('parsed again');
    });
    expect(store.get('mnist')).toBe(mnist);
    expect(store.get('fashion-mnist')).toBe(shared['fashion-mnist']);
  });

  it('leaves out a dataset whose files are damaged, says why, and shares the others', () => {
    const damaged = mkdtempSync(join(tmpdir(), 'dlclass-damaged-'));
    try {
      writeFileSync(join(damaged, 'train-images-idx3-ubyte'), Buffer.from([0, 0, 8, 3, 0]));
      const errors: string[] = [];
      const shared = loadSharedDatasets({ 'fashion-mnist': damaged }, (dataset) => errors.push(dataset));
      expect(errors).toEqual(['fashion-mnist']);
      expect(Object.keys(shared)).toEqual(['mnist']);
    } finally {
      rmSync(damaged, { recursive: true, force: true });
    }
  });

  it('finds each dataset in its folder, and says when it is not installed', () => {
    const empty = mkdtempSync(join(tmpdir(), 'dlclass-no-dataset-'));
    try {
      expect(datasetDir('mnist', { mnist: empty })).toBe(empty);
      expect(datasetDir('fashion-mnist', { 'fashion-mnist': empty })).toBe(empty);
      expect(isDatasetInstalled(empty)).toBe(false);
      expect(isDatasetInstalled(defaultMnistDir())).toBe(true);
      expect(() => new DatasetStore({ 'fashion-mnist': empty }).get('fashion-mnist')).toThrow(
        new DatasetNotInstalledError('fashion-mnist', empty),
      );
      expect(new DatasetNotInstalledError('fashion-mnist', empty).message).toContain(
        'sudo apt-get install dataset-fashion-mnist',
      );
      const saved = process.env.FASHION_MNIST_DIR;
      delete process.env.FASHION_MNIST_DIR;
      expect(datasetDir('fashion-mnist')).toBe(DEBIAN_FASHION_MNIST_DIR);
      if (saved !== undefined) process.env.FASHION_MNIST_DIR = saved;
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  const fashionDir = datasetDir('fashion-mnist');
  it('loads Fashion-MNIST from its gzipped IDX files (npm test installs dataset-fashion-mnist)', () => {
    expect(isDatasetInstalled(fashionDir)).toBe(true);
    const fashion = new DatasetStore().get('fashion-mnist');
    expect(fashion.train.count).toBe(60_000);
    expect(fashion.test.count).toBe(10_000);
    // not the digits: the first training image of Fashion-MNIST is an ankle boot (9), MNIST's a 5
    expect(fashion.train.labels[0]).toBe(9);
  });
});
