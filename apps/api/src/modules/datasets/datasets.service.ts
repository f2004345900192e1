import {
  DATASET_DESCRIPTIONS,
  DATASET_INSTALL_COMMANDS,
  IMAGE_SIZE,
  NUM_CLASSES,
  type TAvailableDatasetInfo,
  type TDataset,
  type TDatasetInfo,
} from '@dlclass/contracts';
import { DEBIAN_FASHION_MNIST_DIR, defaultMnistDir, isDatasetInstalled, loadMnist } from '@dlclass/ml/node';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { createLogger } from '../../common/logger';
import { API_CONFIG, type ApiConfig } from '../../config/config';

const EXAMPLE_COUNT = 24;
const PIXELS = IMAGE_SIZE * IMAGE_SIZE;

/**
 * What the "Données" step shows. Each dataset is read once, from the configured folder, and only its
 * description is kept (counts and a few examples). MNIST's read starts right after boot, on a later turn
 * of the event loop, so that neither startup nor the first request waits for it. A dataset whose files are
 * missing is described as unavailable, with the command that installs it, and looked for again on the next
 * request (installing it needs no restart).
 */
@Injectable()
export class DatasetsService implements OnApplicationBootstrap {
  private readonly logger = createLogger(DatasetsService.name);
  private readonly cache = new Map<TDataset, Promise<TAvailableDatasetInfo>>();

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  onApplicationBootstrap() {
    // Warms the cache; a failure is logged by load() and retried on the first request.
    this.mnistInfo().catch(() => undefined);
  }

  /** The cached MNIST description (always installed: it ships with the platform). */
  mnistInfo(): Promise<TAvailableDatasetInfo> {
    return this.described('mnist');
  }

  /** A dataset's description, or `available: false` with the command that installs it. */
  async info(id: TDataset): Promise<TDatasetInfo> {
    const dir = this.dir(id);
    const install = DATASET_INSTALL_COMMANDS[id];
    if (install && !this.cache.has(id) && !isDatasetInstalled(dir)) {
      const { name, classNames } = DATASET_DESCRIPTIONS[id];
      return {
        id,
        name,
        available: false,
        classNames: [...classNames],
        install,
        message: `Le jeu de données ${name} n'est pas installé sur le serveur. Un administrateur peut l'installer avec : ${install}`,
      };
    }
    return this.described(id);
  }

  private dir(id: TDataset): string {
    return id === 'mnist'
      ? (this.config.MNIST_DIR ?? defaultMnistDir())
      : (this.config.FASHION_MNIST_DIR ?? DEBIAN_FASHION_MNIST_DIR);
  }

  /** Concurrent callers share one read, a failed read is retried next time. */
  private described(id: TDataset): Promise<TAvailableDatasetInfo> {
    let info = this.cache.get(id);
    if (!info) {
      info = this.load(id);
      this.cache.set(id, info);
      info.catch(() => this.cache.delete(id));
    }
    return info;
  }

  private async load(id: TDataset): Promise<TAvailableDatasetInfo> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const dir = this.dir(id);
    const { name, classNames } = DATASET_DESCRIPTIONS[id];
    const started = Date.now();
    try {
      const { train, test } = loadMnist(dir);
      const examples = Array.from({ length: Math.min(EXAMPLE_COUNT, train.count) }, (_, i) => ({
        label: train.labels[i] as number,
        pixels: Array.from(train.images.subarray(i * PIXELS, (i + 1) * PIXELS)),
      }));
      this.logger.info({ dataset: id, dir, ms: Date.now() - started }, 'dataset loaded');
      return {
        id,
        name,
        available: true,
        classNames: [...classNames],
        trainCount: train.count,
        testCount: test.count,
        imageSize: IMAGE_SIZE,
        classes: NUM_CLASSES,
        examples,
      };
    } catch (error) {
      this.logger.error({ err: error, dir }, `${id} could not be loaded (check its folder setting)`);
      throw error;
    }
  }
}
