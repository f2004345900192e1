/** Node-only: where each dataset's IDX files live, whether they are installed, and a per-process cache. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_DESCRIPTIONS, DATASET_INSTALL_COMMANDS, DATASETS, type TDataset } from '@dlclass/contracts';
import type { TDigitSet, TMnist } from './mnist';
import { defaultMnistDir, loadMnist } from './node';

/** Where Debian's `dataset-fashion-mnist` package puts the four gzipped IDX files. */
export const DEBIAN_FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/** Folders that override the defaults, e.g. from the configuration (MNIST_DIR, FASHION_MNIST_DIR). */
export type TDatasetDirs = Partial<Record<TDataset, string | undefined>>;

/** The folder of a dataset's IDX files: the given one, else its environment variable, else its default. */
export function datasetDir(id: TDataset, dirs: TDatasetDirs = {}): string {
  switch (id) {
    case 'mnist':
      return dirs.mnist || process.env.MNIST_DIR || defaultMnistDir();
    case 'fashion-mnist':
      return dirs['fashion-mnist'] || process.env.FASHION_MNIST_DIR || DEBIAN_FASHION_MNIST_DIR;
  }
}

/** True when the folder holds the dataset's training images (plain or gzipped); the parse checks the rest. */
export function isDatasetInstalled(dir: string): boolean {
  return ['train-images-idx3-ubyte', 'train-images-idx3-ubyte.gz'].some((name) =>
    existsSync(join(dir, name)),
  );
}

/** A run asks for a dataset whose files this machine lacks (French message: it reaches the student). */
export class DatasetNotInstalledError extends Error {
  constructor(
    readonly dataset: TDataset,
    readonly dir: string,
  ) {
    const install = DATASET_INSTALL_COMMANDS[dataset];
    super(
      `Le jeu de données ${DATASET_DESCRIPTIONS[dataset].name} n'est pas installé sur ce serveur (${dir})${install ? ` : installez-le avec « ${install} »` : ''}`,
    );
    this.name = 'DatasetNotInstalledError';
  }
}

/** Datasets already parsed, by id. */
export type TLoadedDatasets = Partial<Record<TDataset, TMnist>>;

/**
 * The datasets of one process, each parsed once, on first use, into typed arrays that every later job
 * shares (the training thread keeps one store for all its runs); `preloaded` ones are never parsed again.
 */
export class DatasetStore {
  private readonly loaded: Map<TDataset, TMnist>;

  constructor(
    private readonly dirs: TDatasetDirs = {},
    preloaded: TLoadedDatasets = {},
    private readonly load: (dir: string) => TMnist = loadMnist,
  ) {
    this.loaded = new Map(Object.entries(preloaded) as [TDataset, TMnist][]);
  }

  get(id: TDataset): TMnist {
    let data = this.loaded.get(id);
    if (!data) {
      const dir = datasetDir(id, this.dirs);
      if (!isDatasetInstalled(dir)) throw new DatasetNotInstalledError(id, dir);
      data = this.load(dir);
      this.loaded.set(id, data);
    }
    return data;
  }
}

function inSharedMemory(set: TDigitSet): TDigitSet {
  const copy = (bytes: Uint8Array) => {
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
    shared.set(bytes);
    return shared;
  };
  return { images: copy(set.images), labels: copy(set.labels), count: set.count };
}

/**
 * Every installed dataset, parsed once into SharedArrayBuffers: worker threads given it (workerData) all read
 * the same memory, so a worker training N runs at once holds one copy of each dataset, not N. A dataset whose
 * files cannot be read is left out (`onError` says why): its runs fail with that reason, the others train.
 */
export function loadSharedDatasets(
  dirs: TDatasetDirs = {},
  onError: (dataset: TDataset, error: unknown) => void = () => undefined,
): TLoadedDatasets {
  const shared: TLoadedDatasets = {};
  for (const id of DATASETS) {
    const dir = datasetDir(id, dirs);
    if (!isDatasetInstalled(dir)) continue;
    try {
      const data = loadMnist(dir);
      shared[id] = { train: inSharedMemory(data.train), test: inSharedMemory(data.test) };
    } catch (error) {
      onError(id, error);
    }
  }
  return shared;
}
