import {
  IMAGE_SIZE,
  NUM_CLASSES,
  PROGRESS_MIN_INTERVAL_MS,
  type TAugmentation,
  type TEpochMetrics,
  type TEvaluation,
  type TExperimentSpec,
} from '@dlclass/contracts';
import type * as tfjs from '@tensorflow/tfjs';
import { buildModel, compileModel, type TF } from './architecture';
import { augmentImages, isAugmenting } from './augment';
import { evaluation } from './metrics';
import {
  imagePixels,
  imagesTensor,
  labelsAt,
  oneHotTensor,
  range,
  sampleTrainingData,
  seededRandom,
  shuffleInPlace,
  type TDigitSet,
  type TMnist,
} from './mnist';
import { measureRobustness } from './robustness';

export interface TBatchMetrics {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  loss: number;
  accuracy: number;
  /** Training speed since the previous batch report (time spent training batches only). */
  samplesPerSecond: number;
}

export interface TTrainCallbacks {
  /**
   * Called at most once every `batchReportIntervalMs`, across epochs (the epoch event carries an epoch's
   * final numbers, so the last batch of an epoch is not forced out).
   */
  onBatch?: (metrics: TBatchMetrics) => void | Promise<void>;
  onEpoch?: (metrics: TEpochMetrics, epochs: number) => void | Promise<void>;
  /** Checked between two batches; true stops the run. */
  shouldCancel?: () => boolean | Promise<boolean>;
}

/** The trained network in TensorFlow.js format (what tf.loadLayersModel reads: model.json + weights.bin). */
export interface TModelArtifacts {
  modelTopology: object;
  weightSpecs: tfjs.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
}

export type TRunResult =
  | {
      status: 'succeeded';
      epochs: TEpochMetrics[];
      evaluation: TEvaluation;
      artifacts: TModelArtifacts;
      parameterCount: number;
      durationMs: number;
    }
  | { status: 'cancelled'; epochs: TEpochMetrics[] };

export const DEFAULT_SEED = 1234;

/** The loss became NaN or infinite (typically a learning rate too large). */
export class TrainingDivergedError extends Error {
  constructor(
    readonly epoch: number,
    readonly batch: number,
  ) {
    super(`training diverged: non-finite loss at epoch ${epoch}, batch ${batch}`);
    this.name = 'TrainingDivergedError';
  }
}
const PREDICT_CHUNK = 500;

/** Predicts a whole set in chunks: mean cross-entropy, accuracy, predicted digit and its probability. */
export async function predictSet(
  tf: TF,
  model: tfjs.LayersModel,
  set: TDigitSet,
): Promise<{ loss: number; accuracy: number; predictions: Uint8Array; confidences: Float32Array }> {
  const predictions = new Uint8Array(set.count);
  const confidences = new Float32Array(set.count);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < set.count; start += PREDICT_CHUNK) {
    const end = Math.min(set.count, start + PREDICT_CHUNK);
    const probabilities = tf.tidy(
      () => model.predict(imagesTensor(tf, set, range(start, end))) as tfjs.Tensor,
    );
    const values = await probabilities.data();
    probabilities.dispose();
    for (let i = 0; i < end - start; i++) {
      const label = set.labels[start + i] as number;
      let best = 0;
      for (let d = 1; d < NUM_CLASSES; d++) {
        if ((values[i * NUM_CLASSES + d] as number) > (values[i * NUM_CLASSES + best] as number)) best = d;
      }
      predictions[start + i] = best;
      confidences[start + i] = values[i * NUM_CLASSES + best] as number;
      if (best === label) correct++;
      const p = Math.min(1 - 1e-7, Math.max(1e-7, values[i * NUM_CLASSES + label] as number));
      lossSum -= Math.log(p);
    }
  }
  return {
    loss: set.count === 0 ? 0 : lossSum / set.count,
    accuracy: set.count === 0 ? 0 : correct / set.count,
    predictions,
    confidences,
  };
}

/** Serialises a model to tfjs artifacts in memory (one weights buffer). */
export async function exportModel(tf: TF, model: tfjs.LayersModel): Promise<TModelArtifacts> {
  let saved: tfjs.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!saved?.modelTopology || !saved.weightSpecs || !saved.weightData)
    throw new Error('model.save gave no artifacts');
  const data = saved.weightData;
  const weightData = Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
  return { modelTopology: saved.modelTopology as object, weightSpecs: saved.weightSpecs, weightData };
}

/** What a compiled model's own training step reads (tfjs-layers 4.x; a Sequential keeps them on its inner model). */
interface CompiledInternals {
  lossFunctions: ((targets: tfjs.Tensor, outputs: tfjs.Tensor) => tfjs.Tensor)[];
  collectedTrainableWeights: { read(): tfjs.Variable }[];
  calculateLosses(): tfjs.Scalar[];
}

/**
 * One training step of a model compiled by compileModel (one output, categorical cross-entropy, accuracy):
 * the operations of LayersModel.trainOnBatch in its order, so the same weights, loss and accuracy to the bit
 * (train.spec.ts), without its wrapper (input checks, a symbolic graph execution, the metric recorded for
 * backpropagation, two awaits): half a millisecond per batch, a third of a small network's step. The accuracy
 * is counted here from the predictions and `labels` (the batch's digits, ys's one-hot positions), instead of
 * five kernels.
 */
export function trainOnBatch(
  tf: TF,
  model: tfjs.LayersModel,
  batch: { xs: tfjs.Tensor; ys: tfjs.Tensor; labels: ArrayLike<number> },
): { loss: number; accuracy: number } {
  const { xs, ys, labels } = batch;
  const compiled = ((model as unknown as { model?: tfjs.LayersModel }).model ??
    model) as unknown as CompiledInternals;
  const [lossFunction] = compiled.lossFunctions;
  if (!lossFunction || !model.optimizer)
    throw new Error('trainOnBatch needs a model compiled by compileModel');
  return tf.tidy(() => {
    let outputs: tfjs.Tensor | undefined;
    const loss = model.optimizer.minimize(
      () => {
        outputs = tf.keep(model.apply(xs, { training: true }) as tfjs.Tensor);
        let total = tf.mean(lossFunction(ys, outputs)) as tfjs.Scalar;
        for (const penalty of compiled.calculateLosses()) total = tf.add(total, penalty);
        return total;
      },
      true,
      compiled.collectedTrainableWeights.map((weight) => weight.read()),
    ) as tfjs.Scalar;
    // kept out of minimize's scope for the accuracy, then disposed (tidy leaves a kept tensor alone)
    const kept = outputs as tfjs.Tensor;
    const predictions = kept.dataSync();
    kept.dispose();
    let correct = 0;
    for (let i = 0; i < labels.length; i++) {
      // argMax: the first of equal maxima, as tf.argMax
      let best = 0;
      for (let d = 1; d < NUM_CLASSES; d++)
        if ((predictions[i * NUM_CLASSES + d] as number) > (predictions[i * NUM_CLASSES + best] as number))
          best = d;
      if (best === labels[i]) correct++;
    }
    // tf.mean's float32 division
    return { loss: loss.dataSync()[0] as number, accuracy: Math.fround(correct / labels.length) };
  });
}

/**
 * Gives every dropout layer a new seed drawn from `random` (null: removes the seeds). tfjs draws an unseeded
 * dropout mask from Math.random, and a fixed seed would drop the same units at every batch: a fresh seed per
 * batch makes the masks both varied and reproducible.
 */
function reseedDropout(model: tfjs.LayersModel, random: (() => number) | null): void {
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'Dropout') continue;
    (layer as unknown as { seed: number | undefined }).seed = random
      ? Math.floor(random() * 2 ** 31)
      : undefined;
  }
}

/**
 * Trains a compiled model batch by batch (shuffled with the seed at every epoch, dropout masks and the
 * optional augmentation drawn from the seed too, so the same seed and backend give the same metrics),
 * reporting batch and epoch metrics and checking for cancellation between batches. Every tensor it creates
 * is disposed.
 * Returns the metrics of the completed epochs and whether the run was cancelled.
 */
export async function trainModel(
  tf: TF,
  model: tfjs.LayersModel,
  data: { train: TDigitSet; validation: TDigitSet | null },
  options: {
    epochs: number;
    batchSize: number;
    seed: number;
    batchReportIntervalMs?: number;
    augmentation?: TAugmentation | undefined;
  },
  callbacks: TTrainCallbacks = {},
): Promise<{ cancelled: boolean; epochs: TEpochMetrics[] }> {
  const { train, validation } = data;
  const reportInterval = options.batchReportIntervalMs ?? PROGRESS_MIN_INTERVAL_MS;
  const batchesPerEpoch = Math.ceil(train.count / options.batchSize);
  const random = seededRandom(options.seed ^ 0x5bd1e995);
  const dropoutRandom = seededRandom(options.seed ^ 0x27d4eb2f);
  const augmentRandom = seededRandom(options.seed ^ 0x165667b1);
  const augmentation = isAugmenting(options.augmentation) ? options.augmentation : null;
  const order = range(0, train.count);
  const epochs: TEpochMetrics[] = [];
  // the throttle spans epochs (short epochs must not multiply the reports); the first batch is always
  // reported, so even a run shorter than the interval draws its first point at once
  let lastReport = Number.NEGATIVE_INFINITY;
  let samplesSinceReport = 0;
  let trainingMsSinceReport = 0;

  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const epochStart = performance.now();
      shuffleInPlace(order, random);
      let lossSum = 0;
      let correctSum = 0;
      for (let batch = 1; batch <= batchesPerEpoch; batch++) {
        if (await callbacks.shouldCancel?.()) return { cancelled: true, epochs };
        const batchStart = performance.now();
        const indices = order.subarray(
          (batch - 1) * options.batchSize,
          Math.min(train.count, batch * options.batchSize),
        );
        const pixels = imagePixels(train, indices);
        if (augmentation) augmentImages(pixels, indices.length, augmentation, augmentRandom);
        const xs = tf.tensor4d(pixels, [indices.length, IMAGE_SIZE, IMAGE_SIZE, 1]);
        const ys = oneHotTensor(tf, train, indices);
        reseedDropout(model, dropoutRandom);
        let loss: number;
        let accuracy: number;
        try {
          ({ loss, accuracy } = trainOnBatch(tf, model, { xs, ys, labels: labelsAt(train, indices) }));
        } finally {
          xs.dispose();
          ys.dispose();
        }
        if (!Number.isFinite(loss)) throw new TrainingDivergedError(epoch, batch);
        lossSum += loss * indices.length;
        correctSum += accuracy * indices.length;
        const now = performance.now();
        samplesSinceReport += indices.length;
        trainingMsSinceReport += now - batchStart;
        if (callbacks.onBatch && now - lastReport >= reportInterval) {
          await callbacks.onBatch({
            epoch,
            batch,
            batchesPerEpoch,
            loss,
            accuracy,
            samplesPerSecond: (samplesSinceReport * 1000) / Math.max(1e-3, trainingMsSinceReport),
          });
          lastReport = now;
          samplesSinceReport = 0;
          trainingMsSinceReport = 0;
        }
      }
      const validationResult = validation ? await predictSet(tf, model, validation) : null;
      const metrics: TEpochMetrics = {
        epoch,
        loss: lossSum / train.count,
        accuracy: correctSum / train.count,
        valLoss: validationResult?.loss ?? null,
        valAccuracy: validationResult?.accuracy ?? null,
        durationMs: Math.round(performance.now() - epochStart),
      };
      epochs.push(metrics);
      await callbacks.onEpoch?.(metrics, options.epochs);
    }
  } finally {
    // the exported model must not carry a training seed
    reseedDropout(model, null);
  }
  return { cancelled: false, epochs };
}

/**
 * A whole run: seeded subset and validation split of the training set, model built and compiled per the
 * spec, training, evaluation on the full test set, export of the trained model. The model and optimizer
 * are disposed before returning, so the tensor count is back to where it was.
 */
export async function runExperiment(
  tf: TF,
  spec: TExperimentSpec,
  mnist: TMnist,
  callbacks: TTrainCallbacks = {},
  options: { batchReportIntervalMs?: number; testSet?: TDigitSet } = {},
): Promise<TRunResult> {
  const started = performance.now();
  const seed = spec.training.seed ?? DEFAULT_SEED;
  const data = sampleTrainingData(mnist.train, {
    trainSize: spec.training.trainSize,
    validationSplit: spec.training.validationSplit,
    seed,
  });
  const model = buildModel(tf, spec.model, seed);
  try {
    compileModel(tf, model, spec.training);
    const trained = await trainModel(
      tf,
      model,
      data,
      {
        epochs: spec.training.epochs,
        batchSize: spec.training.batchSize,
        seed,
        augmentation: spec.training.augmentation,
        ...(options.batchReportIntervalMs === undefined
          ? {}
          : { batchReportIntervalMs: options.batchReportIntervalMs }),
      },
      callbacks,
    );
    if (trained.cancelled) return { status: 'cancelled', epochs: trained.epochs };
    const test = options.testSet ?? mnist.test;
    const predicted = await predictSet(tf, model, test);
    const robustness = await measureRobustness(
      test,
      async (set) => (await predictSet(tf, model, set)).predictions,
    );
    return {
      status: 'succeeded',
      epochs: trained.epochs,
      evaluation: { ...evaluation(test, predicted), robustness },
      artifacts: await exportModel(tf, model),
      parameterCount: model.countParams(),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    // compile() with an Optimizer instance leaves its slots to the caller
    model.optimizer?.dispose();
    model.dispose();
  }
}
