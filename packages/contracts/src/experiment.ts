import { z } from 'zod';
import { EXPERIMENT_LIMITS as L } from './limits';
import { ZRealWorld, ZRobustness } from './perturbation';
import { ZLaunchEstimate } from './run-cost';
import { ZRunSharing } from './run-sharing';

const fr = {
  int: 'doit être un nombre entier',
  number: 'doit être un nombre',
};

/** A whole number in [min, max], with French messages that name it (`what`). */
export const intBetween = (min: number, max: number, what: string) =>
  z
    .number({ error: `${what} ${fr.number}` })
    .int({ error: `${what} ${fr.int}` })
    .min(min, { error: `${what} doit être au moins ${min}` })
    .max(max, { error: `${what} doit être au plus ${max.toLocaleString('fr-FR')}` });

export const ZActivation = z.enum(['relu', 'sigmoid', 'tanh', 'elu', 'selu', 'softplus', 'linear'], {
  error: 'activation inconnue (choisir relu, sigmoid, tanh, elu, selu, softplus ou linear)',
});
export type TActivation = z.infer<typeof ZActivation>;

export const ZDenseLayer = z.strictObject({
  type: z.literal('dense'),
  units: intBetween(1, L.maxUnits, 'Le nombre de neurones'),
  activation: ZActivation.default('relu'),
});

export const ZConv2dLayer = z.strictObject({
  type: z.literal('conv2d'),
  filters: intBetween(1, L.maxFilters, 'Le nombre de filtres'),
  kernelSize: intBetween(1, L.maxKernelSize, 'La taille du noyau'),
  strides: intBetween(1, L.maxStrides, 'Le pas (strides)').default(1),
  padding: z
    .enum(['valid', 'same'], { error: 'le padding doit être « valid » ou « same »' })
    .default('valid'),
  activation: ZActivation.default('relu'),
});

export const ZMaxPooling2dLayer = z.strictObject({
  type: z.literal('maxPooling2d'),
  poolSize: intBetween(1, L.maxPoolSize, 'La taille du pooling').default(2),
});

export const ZFlattenLayer = z.strictObject({ type: z.literal('flatten') });

export const ZDropoutLayer = z.strictObject({
  type: z.literal('dropout'),
  rate: z
    .number({ error: 'Le taux de dropout doit être un nombre' })
    .min(0, { error: 'Le taux de dropout doit être entre 0 et 0,9' })
    .max(0.9, { error: 'Le taux de dropout doit être entre 0 et 0,9' }),
});

export const ZLayer = z.discriminatedUnion(
  'type',
  [ZDenseLayer, ZConv2dLayer, ZMaxPooling2dLayer, ZFlattenLayer, ZDropoutLayer],
  {
    error: 'type de couche inconnu (dense, conv2d, maxPooling2d, flatten ou dropout)',
  },
);
export type TLayer = z.infer<typeof ZLayer>;
export type TLayerType = TLayer['type'];

/** The hidden layers; the output layer (10 units, softmax) is implied and added by the model builder. */
export const ZModelSpec = z.strictObject({
  layers: z
    .array(ZLayer, { error: 'Le modèle doit contenir une liste de couches' })
    .max(L.maxLayers, { error: `Le modèle ne peut pas dépasser ${L.maxLayers} couches` }),
});
export type TModelSpec = z.infer<typeof ZModelSpec>;

export const ZOptimizer = z.enum(['adam', 'sgd', 'rmsprop', 'adagrad'], {
  error: "l'optimiseur doit être adam, sgd, rmsprop ou adagrad",
});
export type TOptimizer = z.infer<typeof ZOptimizer>;

/**
 * Data augmentation of the training batches ("improve the model" missions): each training image is moved by
 * a random shift of up to `shift` pixels on each axis and rotated by up to `rotation` degrees, drawn from the
 * run's seed. Absent (or both at 0): off. Validation and test images are never augmented.
 */
export const ZAugmentation = z.strictObject({
  shift: intBetween(0, L.maxAugmentShift, 'Le décalage (en pixels)').default(0),
  rotation: z
    .number({ error: "L'angle de rotation doit être un nombre" })
    .min(0, { error: "L'angle de rotation doit être au moins 0°" })
    .max(L.maxAugmentRotation, { error: `L'angle de rotation doit être au plus ${L.maxAugmentRotation}°` })
    .default(0),
});
export type TAugmentation = z.infer<typeof ZAugmentation>;

export const ZTrainingConfig = z.strictObject({
  epochs: intBetween(1, L.maxEpochs, "Le nombre d'époques"),
  batchSize: intBetween(L.minBatchSize, L.maxBatchSize, 'La taille de batch'),
  optimizer: ZOptimizer,
  learningRate: z
    .number({ error: "Le taux d'apprentissage doit être un nombre" })
    .gt(0, { error: "Le taux d'apprentissage doit être strictement positif" })
    .max(L.maxLearningRate, { error: "Le taux d'apprentissage doit être au plus 1" }),
  validationSplit: z
    .number({ error: 'La part de validation doit être un nombre' })
    .min(0, { error: 'La part de validation doit être entre 0 et 0,5' })
    .max(L.maxValidationSplit, { error: 'La part de validation doit être entre 0 et 0,5' })
    .default(0.1),
  trainSize: intBetween(L.minTrainSize, L.maxTrainSize, "La taille du jeu d'entraînement"),
  seed: z
    .number()
    .int({ error: 'La graine doit être un nombre entier' })
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  augmentation: ZAugmentation.optional(),
});
export type TTrainingConfig = z.infer<typeof ZTrainingConfig>;

export const ZDataset = z.enum(['mnist', 'fashion-mnist'], {
  error: 'le jeu de données doit être « mnist » ou « fashion-mnist »',
});
export type TDataset = z.infer<typeof ZDataset>;

export const ZExperimentSpec = z.strictObject({
  name: z
    .string({ error: 'Le nom doit être un texte' })
    .trim()
    .min(1, { error: 'Le nom ne peut pas être vide' })
    .max(L.maxNameLength, { error: `Le nom ne peut pas dépasser ${L.maxNameLength} caractères` })
    .optional(),
  dataset: ZDataset,
  model: ZModelSpec,
  training: ZTrainingConfig,
});
/** What the client sends (defaults may be omitted). */
export type TExperimentSpecInput = z.input<typeof ZExperimentSpec>;
/** What the API stores and the worker trains (defaults filled in). */
export type TExperimentSpec = z.infer<typeof ZExperimentSpec>;

/** The reference model of the lesson: conv32-pool-conv64-pool-flatten-dense64 (+ dense10 softmax). */
export const REFERENCE_EXPERIMENT: TExperimentSpec = {
  name: 'Modèle de référence',
  dataset: 'mnist',
  model: {
    layers: [
      { type: 'conv2d', filters: 32, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
      { type: 'maxPooling2d', poolSize: 2 },
      { type: 'conv2d', filters: 64, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
      { type: 'maxPooling2d', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 64, activation: 'relu' },
    ],
  },
  training: {
    epochs: 5,
    batchSize: 64,
    optimizer: 'adam',
    learningRate: 0.001,
    validationSplit: 0.1,
    trainSize: 60_000,
  },
};

export const ZExperimentStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type TExperimentStatus = z.infer<typeof ZExperimentStatus>;
export const TERMINAL_STATUSES: readonly TExperimentStatus[] = ['succeeded', 'failed', 'cancelled'];

export const ZEpochMetrics = z.object({
  epoch: z.number().int().min(1),
  loss: z.number(),
  accuracy: z.number(),
  valLoss: z.number().nullable(),
  valAccuracy: z.number().nullable(),
  durationMs: z.number().int(),
});
export type TEpochMetrics = z.infer<typeof ZEpochMetrics>;

export const ZClassScore = z.object({
  digit: z.number().int().min(0).max(9),
  precision: z.number(),
  recall: z.number(),
  /** Absent from runs evaluated before it was stored: f1Score(precision, recall) gives it. */
  f1: z.number().optional(),
  support: z.number().int(),
});

/** F1: the harmonic mean of precision and recall (0 when both are 0). */
export const f1Score = (precision: number, recall: number): number =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

/** One test image with the model's answer; pixels are 784 grey levels 0-255, row-major. */
export const ZSamplePrediction = z.object({
  testIndex: z.number().int(),
  label: z.number().int(),
  prediction: z.number().int(),
  confidence: z.number(),
  pixels: z.array(z.number().int().min(0).max(255)),
});
export type TSamplePrediction = z.infer<typeof ZSamplePrediction>;

/** A confusion the model made often: how many times, and a few of those test images. */
export const ZMistake = z.object({
  label: z.number().int(),
  prediction: z.number().int(),
  count: z.number().int(),
  examples: z.array(
    z.object({ testIndex: z.number().int(), pixels: z.array(z.number().int().min(0).max(255)) }),
  ),
});
export type TMistake = z.infer<typeof ZMistake>;

export const ZEvaluation = z.object({
  testAccuracy: z.number(),
  testLoss: z.number(),
  /** confusionMatrix[trueDigit][predictedDigit] = count */
  confusionMatrix: z.array(z.array(z.number().int())),
  perClass: z.array(ZClassScore),
  samples: z.array(ZSamplePrediction),
  /** The most frequent confusions, with images. Absent from runs trained before it was measured. */
  mistakes: z.array(ZMistake).optional(),
  /** Absent from runs trained before the generalisation challenge existed. */
  robustness: ZRobustness.optional(),
  /** A classical model's answers on the class's drawings (a network is tested on them in the browser). */
  realWorld: ZRealWorld.optional(),
});
export type TEvaluation = z.infer<typeof ZEvaluation>;

export const ZLayerSummary = z.object({
  name: z.string(),
  type: z.string(),
  outputShape: z.array(z.number().int()),
  parameters: z.number().int(),
});
export type TLayerSummary = z.infer<typeof ZLayerSummary>;

/** Estimated wait before a queued run starts, in ms from the answer; null when not queued or no worker is up. */
export const ZEstimatedWaitMs = z.number().int().min(0).nullable();

export const ZExperiment = z.object({
  id: z.uuid(),
  name: z.string(),
  userId: z.uuid(),
  ownerName: z.string(),
  classId: z.uuid().nullable(),
  spec: ZExperimentSpec,
  status: ZExperimentStatus,
  /** Place in the training queue (1 = next to start), by fair share; null when not queued. */
  queuePosition: z.number().int().nullable(),
  estimatedWaitMs: ZEstimatedWaitMs,
  error: z.string().nullable(),
  backend: z.string().nullable(),
  device: z.string().nullable(),
  parameterCount: z.number().int(),
  layers: z.array(ZLayerSummary),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  durationMs: z.number().int().nullable(),
  /** How long it would take and wait, as estimated when it was submitted; null for runs from before. */
  launchEstimate: ZLaunchEstimate.nullable(),
  epochs: z.array(ZEpochMetrics),
  evaluation: ZEvaluation.nullable(),
  hasModel: z.boolean(),
  /** Where its results come from when it shares a training of its class (see ZRunSharing); null: its own. */
  sharing: ZRunSharing.nullable(),
});
export type TExperiment = z.infer<typeof ZExperiment>;

/** The list view leaves out the heavy parts (samples, confusion matrix). */
export const ZExperimentSummary = ZExperiment.omit({ evaluation: true, layers: true }).extend({
  testAccuracy: z.number().nullable(),
});
export type TExperimentSummary = z.infer<typeof ZExperimentSummary>;

export const ZSubmitExperimentResponse = z.object({
  id: z.uuid(),
  /** Queued; running or succeeded at once when it shares a training of its class (see sharing). */
  status: z.enum(['queued', 'running', 'succeeded']),
  /** Its place in the queue when queued (1 = next to start), else null. */
  queuePosition: z.number().int().min(1).nullable(),
  estimatedWaitMs: ZEstimatedWaitMs,
  sharing: ZRunSharing.nullable(),
});
export type TSubmitExperimentResponse = z.infer<typeof ZSubmitExperimentResponse>;

/** POST /api/experiments?fresh=true: train it anew even when the class already computed the same training. */
export const ZSubmitExperimentQuery = z.strictObject({
  fresh: z.stringbool({ error: 'fresh doit valoir true ou false' }).optional(),
});
export type TSubmitExperimentQuery = z.infer<typeof ZSubmitExperimentQuery>;

export const ZListExperimentsQuery = z.strictObject({
  classId: z.uuid({ error: "L'identifiant de classe n'est pas valide" }).optional(),
});
export type TListExperimentsQuery = z.infer<typeof ZListExperimentsQuery>;
