import {
  IMAGE_SIZE,
  NUM_CLASSES,
  type TFieldError,
  type TLayer,
  type TLayerSummary,
  type TModelSpec,
  type TTrainingConfig,
} from '@dlclass/contracts';
import type * as tfjs from '@tensorflow/tfjs';

/** The tfjs namespace: `@tensorflow/tfjs` in the browser, the same API from tfjs-node in the worker. */
export type TF = typeof tfjs;

export const INPUT_SHAPE: readonly [number, number, number] = [IMAGE_SIZE, IMAGE_SIZE, 1];

/** Name of the flatten layer that the builder inserts before a dense layer that receives an image. */
export const AUTO_FLATTEN_NAME = 'flatten_auto';
/** Name of the implied output layer: dense(10, softmax). */
export const OUTPUT_LAYER_NAME = 'output';

/** One layer as the builder will create it, with the spec index it comes from (null for implied layers). */
export type TPlannedLayer =
  | { kind: 'spec'; index: number; layer: TLayer; summary: TLayerSummary }
  | { kind: 'autoFlatten'; index: null; summary: TLayerSummary }
  | { kind: 'output'; index: null; summary: TLayerSummary };

export type TModelDescription =
  | { ok: true; layers: TLayerSummary[]; parameterCount: number }
  | { ok: false; errors: TFieldError[] };

type Shape = number[];

const product = (shape: Shape) => shape.reduce((a, b) => a * b, 1);

function convOutputSize(size: number, kernel: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - kernel) / stride) + 1;
}

/**
 * Plans the layers exactly as `buildModel` creates them: auto-flatten insertion, output shapes and
 * parameter counts. Pure arithmetic (no tfjs), shared by the API (validation), the web (preview) and the worker.
 */
export function planModel(
  spec: TModelSpec,
): { ok: true; layers: TPlannedLayer[] } | { ok: false; errors: TFieldError[] } {
  const planned: TPlannedLayer[] = [];
  const errors: TFieldError[] = [];
  const counters = new Map<string, number>();
  const nextName = (base: string) => {
    const n = (counters.get(base) ?? 0) + 1;
    counters.set(base, n);
    return `${base}_${n}`;
  };
  let shape: Shape = [...INPUT_SHAPE];

  const flattenIfImage = () => {
    if (shape.length > 1) {
      shape = [product(shape)];
      planned.push({
        kind: 'autoFlatten',
        index: null,
        summary: { name: AUTO_FLATTEN_NAME, type: 'flatten', outputShape: [...shape], parameters: 0 },
      });
    }
  };

  spec.layers.forEach((layer, index) => {
    if (errors.length > 0) return; // later shapes are meaningless after the first error
    const field = `model.layers.${index}`;
    const position = `la couche ${index + 1}`;
    let parameters = 0;
    let name: string;
    switch (layer.type) {
      case 'conv2d':
      case 'maxPooling2d': {
        const what = layer.type === 'conv2d' ? 'Une convolution (conv2d)' : 'Un max pooling (maxPooling2d)';
        const [h, w, c] = shape;
        if (shape.length !== 3 || h === undefined || w === undefined || c === undefined) {
          errors.push({
            field,
            message: `${what} travaille sur une image : ${position} ne peut pas venir après une couche flatten ou dense`,
          });
          return;
        }
        if (layer.type === 'conv2d') {
          const oh = convOutputSize(h, layer.kernelSize, layer.strides, layer.padding);
          const ow = convOutputSize(w, layer.kernelSize, layer.strides, layer.padding);
          if (oh < 1 || ow < 1) {
            errors.push({
              field,
              message: `L'image (${h}×${w}) est trop petite pour un noyau de ${layer.kernelSize}×${layer.kernelSize} à ${position} : retirez une couche ou utilisez le padding « same »`,
            });
            return;
          }
          parameters = layer.kernelSize * layer.kernelSize * c * layer.filters + layer.filters;
          shape = [oh, ow, layer.filters];
          name = nextName('conv2d');
        } else {
          const oh = Math.floor((h - layer.poolSize) / layer.poolSize) + 1;
          const ow = Math.floor((w - layer.poolSize) / layer.poolSize) + 1;
          if (oh < 1 || ow < 1) {
            errors.push({
              field,
              message: `L'image (${h}×${w}) est trop petite pour un pooling de ${layer.poolSize}×${layer.poolSize} à ${position} : retirez une couche de réduction`,
            });
            return;
          }
          shape = [oh, ow, c];
          name = nextName('max_pooling2d');
        }
        break;
      }
      case 'flatten':
        if (shape.length === 1) {
          errors.push({
            field,
            message: `Les données sont déjà à plat à ${position} : cette couche flatten est inutile, retirez-la`,
          });
          return;
        }
        shape = [product(shape)];
        name = nextName('flatten');
        break;
      case 'dense': {
        flattenIfImage();
        const inputs = shape[0] ?? 0;
        parameters = inputs * layer.units + layer.units;
        shape = [layer.units];
        name = nextName('dense');
        break;
      }
      case 'dropout':
        name = nextName('dropout');
        break;
    }
    planned.push({
      kind: 'spec',
      index,
      layer,
      summary: { name, type: layer.type, outputShape: [...shape], parameters },
    });
  });

  if (errors.length > 0) return { ok: false, errors };
  flattenIfImage();
  planned.push({
    kind: 'output',
    index: null,
    summary: {
      name: OUTPUT_LAYER_NAME,
      type: 'dense',
      outputShape: [NUM_CLASSES],
      parameters: (shape[0] ?? 0) * NUM_CLASSES + NUM_CLASSES,
    },
  });
  return { ok: true, layers: planned };
}

/** Output shapes, parameters per layer and in total, or the faulty fields (French messages). */
export function describeModel(spec: TModelSpec): TModelDescription {
  const plan = planModel(spec);
  if (!plan.ok) return plan;
  const layers = plan.layers.map((p) => p.summary);
  return { ok: true, layers, parameterCount: layers.reduce((sum, l) => sum + l.parameters, 0) };
}

/** Thrown by buildModel for a spec that describeModel rejects. */
export class InvalidArchitectureError extends Error {
  constructor(readonly errors: TFieldError[]) {
    super(errors.map((e) => `${e.field} : ${e.message}`).join(' ; '));
    this.name = 'InvalidArchitectureError';
  }
}

/**
 * Builds the tf.Sequential described by describeModel (input [28,28,1], implied dense(10, softmax)).
 * A seed makes the initial weights reproducible (trainModel draws the dropout masks from the run's seed).
 */
export function buildModel(tf: TF, spec: TModelSpec, seed?: number): tfjs.Sequential {
  const plan = planModel(spec);
  if (!plan.ok) throw new InvalidArchitectureError(plan.errors);
  const model = tf.sequential();
  let layerSeed = seed;
  const init = () => {
    if (layerSeed === undefined) return {};
    layerSeed += 1;
    return {
      kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed }),
      biasInitializer: tf.initializers.zeros(),
    };
  };
  plan.layers.forEach((planned, position) => {
    const inputShape = position === 0 ? { inputShape: [...INPUT_SHAPE] } : {};
    if (planned.kind === 'autoFlatten') {
      model.add(tf.layers.flatten(inputShape));
      return;
    }
    if (planned.kind === 'output') {
      model.add(tf.layers.dense({ ...inputShape, units: NUM_CLASSES, activation: 'softmax', ...init() }));
      return;
    }
    const { layer } = planned;
    switch (layer.type) {
      case 'conv2d':
        model.add(
          tf.layers.conv2d({
            ...inputShape,
            filters: layer.filters,
            kernelSize: layer.kernelSize,
            strides: layer.strides,
            padding: layer.padding,
            activation: layer.activation,
            ...init(),
          }),
        );
        break;
      case 'maxPooling2d':
        model.add(
          tf.layers.maxPooling2d({ ...inputShape, poolSize: layer.poolSize, strides: layer.poolSize }),
        );
        break;
      case 'flatten':
        model.add(tf.layers.flatten(inputShape));
        break;
      case 'dense':
        model.add(
          tf.layers.dense({ ...inputShape, units: layer.units, activation: layer.activation, ...init() }),
        );
        break;
      case 'dropout':
        // no fixed seed (it would drop the same units at every batch): trainModel gives one per batch
        model.add(tf.layers.dropout({ ...inputShape, rate: layer.rate }));
        break;
    }
  });
  return model;
}

/** Creates the optimizer of the training config. */
export function createOptimizer(
  tf: TF,
  training: Pick<TTrainingConfig, 'optimizer' | 'learningRate'>,
): tfjs.Optimizer {
  switch (training.optimizer) {
    case 'adam':
      return tf.train.adam(training.learningRate);
    case 'sgd':
      return tf.train.sgd(training.learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(training.learningRate);
    case 'adagrad':
      return tf.train.adagrad(training.learningRate);
  }
}

/** Compiles for one-hot labels: categorical cross-entropy and accuracy. */
export function compileModel(
  tf: TF,
  model: tfjs.LayersModel,
  training: Pick<TTrainingConfig, 'optimizer' | 'learningRate'>,
): void {
  model.compile({
    optimizer: createOptimizer(tf, training),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
}
