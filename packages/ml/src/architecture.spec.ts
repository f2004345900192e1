import { REFERENCE_EXPERIMENT, type TModelSpec } from '@dlclass/contracts';
import * as tf from '@tensorflow/tfjs';
import { buildModel, describeModel } from './architecture';

const specs: Record<string, TModelSpec> = {
  reference: REFERENCE_EXPERIMENT.model,
  emptyIsLogisticRegression: { layers: [] },
  mlp: { layers: [{ type: 'dense', units: 128, activation: 'relu' }] },
  mlpWithDropout: {
    layers: [
      { type: 'flatten' },
      { type: 'dense', units: 256, activation: 'relu' },
      { type: 'dropout', rate: 0.2 },
      { type: 'dense', units: 64, activation: 'tanh' },
    ],
  },
  convSameStrided: {
    layers: [
      { type: 'conv2d', filters: 8, kernelSize: 5, strides: 2, padding: 'same', activation: 'relu' },
      { type: 'conv2d', filters: 16, kernelSize: 3, strides: 3, padding: 'valid', activation: 'elu' },
      { type: 'maxPooling2d', poolSize: 3 },
      { type: 'dense', units: 32, activation: 'relu' },
    ],
  },
  convThenOutput: {
    layers: [
      { type: 'conv2d', filters: 4, kernelSize: 7, strides: 4, padding: 'valid', activation: 'sigmoid' },
      { type: 'dropout', rate: 0.5 },
    ],
  },
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('describeModel', () => {
  it.each(Object.entries(specs))('counts the parameters of %s exactly as tfjs does', (_name, spec) => {
    const description = describeModel(spec);
    if (!description.ok) throw new Error(JSON.stringify(description.errors));
    const model = buildModel(tf, spec, 1);
    try {
      expect(description.parameterCount).toBe(model.countParams());
      expect(description.layers.map((l) => l.parameters)).toEqual(model.layers.map((l) => l.countParams()));
      expect(description.layers.map((l) => l.outputShape)).toEqual(
        model.layers.map((l) => (l.outputShape as (number | null)[]).slice(1)),
      );
    } finally {
      model.dispose();
    }
  });

  it('describes the reference CNN of the lesson', () => {
    const description = describeModel(REFERENCE_EXPERIMENT.model);
    expect(description).toEqual({
      ok: true,
      parameterCount: 121_930,
      layers: [
        { name: 'conv2d_1', type: 'conv2d', outputShape: [26, 26, 32], parameters: 320 },
        { name: 'max_pooling2d_1', type: 'maxPooling2d', outputShape: [13, 13, 32], parameters: 0 },
        { name: 'conv2d_2', type: 'conv2d', outputShape: [11, 11, 64], parameters: 18_496 },
        { name: 'max_pooling2d_2', type: 'maxPooling2d', outputShape: [5, 5, 64], parameters: 0 },
        { name: 'flatten_1', type: 'flatten', outputShape: [1600], parameters: 0 },
        { name: 'dense_1', type: 'dense', outputShape: [64], parameters: 102_464 },
        { name: 'output', type: 'dense', outputShape: [10], parameters: 650 },
      ],
    });
  });

  it('inserts a flatten before a dense layer that receives an image, and shows it', () => {
    const description = describeModel(specs.mlp as TModelSpec);
    expect(description.ok && description.layers.map((l) => [l.name, l.type, l.outputShape])).toEqual([
      ['flatten_auto', 'flatten', [784]],
      ['dense_1', 'dense', [128]],
      ['output', 'dense', [10]],
    ]);
    expect(description.ok && description.parameterCount).toBe(784 * 128 + 128 + 128 * 10 + 10);
  });

  it('refuses a convolution after a flatten, naming the layer field in French', () => {
    const description = describeModel({
      layers: [
        { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'relu' },
        { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
      ],
    });
    expect(description.ok).toBe(false);
    expect(!description.ok && description.errors).toEqual([
      {
        field: 'model.layers.3',
        message: expect.stringContaining('ne peut pas venir après une couche flatten ou dense'),
      },
    ]);
  });

  it('refuses a pooling after a dense layer', () => {
    const description = describeModel({
      layers: [
        { type: 'dense', units: 10, activation: 'relu' },
        { type: 'maxPooling2d', poolSize: 2 },
      ],
    });
    expect(!description.ok && description.errors.map((e) => e.field)).toEqual(['model.layers.1']);
  });

  it('refuses layers that shrink the image below 1x1', () => {
    const conv = {
      type: 'conv2d',
      filters: 4,
      kernelSize: 7,
      strides: 4,
      padding: 'valid',
      activation: 'relu',
    } as const;
    // 28 -> 6 -> too small for a 7x7 kernel
    const description = describeModel({ layers: [conv, conv, conv] });
    expect(description.ok).toBe(false);
    expect(!description.ok && description.errors).toEqual([
      {
        field: 'model.layers.1',
        message: expect.stringContaining('trop petite'),
      },
    ]);
    const pooled = describeModel({
      layers: [
        { type: 'maxPooling2d', poolSize: 4 },
        { type: 'maxPooling2d', poolSize: 4 },
        { type: 'maxPooling2d', poolSize: 4 },
      ],
    });
    expect(!pooled.ok && pooled.errors.map((e) => e.field)).toEqual(['model.layers.2']);
  });

  it('refuses a flatten of data that is already flat', () => {
    const description = describeModel({ layers: [{ type: 'flatten' }, { type: 'flatten' }] });
    expect(!description.ok && description.errors.map((e) => e.field)).toEqual(['model.layers.1']);
  });

  it('builds reproducible initial weights from a seed', () => {
    const a = buildModel(tf, specs.mlp as TModelSpec, 42);
    const b = buildModel(tf, specs.mlp as TModelSpec, 42);
    try {
      const wa = a.getWeights()[0]?.dataSync();
      const wb = b.getWeights()[0]?.dataSync();
      expect(Array.from(wa ?? [])).toEqual(Array.from(wb ?? []));
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});
