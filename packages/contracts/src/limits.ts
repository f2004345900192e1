/** Bounds on what a student may ask the workers to train; the API enforces them, the web shows them. */
export const EXPERIMENT_LIMITS = {
  maxLayers: 8,
  maxUnits: 1024,
  maxFilters: 128,
  maxKernelSize: 7,
  maxStrides: 4,
  maxPoolSize: 4,
  maxParameters: 2_000_000,
  maxEpochs: 30,
  minBatchSize: 1,
  maxBatchSize: 1024,
  maxLearningRate: 1,
  minTrainSize: 100,
  maxTrainSize: 60_000,
  maxValidationSplit: 0.5,
  maxNameLength: 80,
  maxAugmentShift: 4,
  maxAugmentRotation: 20,
} as const;

/** MNIST images: 28x28 grey pixels, ten classes. */
export const IMAGE_SIZE = 28;
export const NUM_CLASSES = 10;
export const MNIST_TEST_SIZE = 10_000;

/** The worker publishes batch progress at most this often per run (epoch events are never throttled). */
export const PROGRESS_MIN_INTERVAL_MS = 100;

/** Wall-clock limit of one training run when its job does not carry its own (quotas); the worker stops it then. */
export const DEFAULT_RUN_TIME_LIMIT_S = 15 * 60;
