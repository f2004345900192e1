/**
 * The test suite of a set of training kernels registered over the wasm backend (wasm-kernels.spec.ts,
 * native-kernels.spec.ts): every kernel against the cpu backend to 1e-4, on fixed and random shapes, then a
 * training of every layer type with every optimizer and activation.
 */
import {
  type TActivation,
  type TModelSpec,
  type TTrainingBackend,
  ZActivation,
  ZOptimizer,
} from '@dlclass/contracts';
import type { Scalar, Tensor, Tensor1D, Tensor2D, Tensor4D } from '@tensorflow/tfjs';
import { buildModel, compileModel, type TF } from './architecture';
import { pick, range, seededRandom } from './mnist';
import { loadMnist, selectBackend } from './node';
import { trainModel } from './train';

const TOLERANCE = 1e-4;

/** Runs `compute` on the wasm then the cpu backend and expects the same values to 1e-4 (relative above 1). */
async function expectSameOnCpu(tf: TF, compute: () => Tensor[]) {
  const run = async (backend: string) => {
    await tf.setBackend(backend);
    expect(tf.getBackend()).toBe(backend);
    const before = tf.memory().numTensors;
    const values = tf.tidy(compute).map((t) => {
      const data = Array.from(t.dataSync());
      t.dispose();
      return data;
    });
    expect(tf.memory().numTensors).toBe(before);
    return values;
  };
  const onWasm = await run('wasm');
  const onCpu = await run('cpu');
  await tf.setBackend('wasm');
  expect(onWasm.map((v) => v.length)).toEqual(onCpu.map((v) => v.length));
  let worst = 0;
  onWasm.forEach((values, t) => {
    values.forEach((value, i) => {
      const expected = onCpu[t]?.[i] as number;
      worst = Math.max(worst, Math.abs(value - expected) / Math.max(1, Math.abs(expected)));
    });
  });
  expect(worst).toBeLessThanOrEqual(TOLERANCE);
}

type TConvCase = {
  x: [number, number, number, number];
  k: number;
  outC: number;
  stride: number;
  pad: 'valid' | 'same';
};

/** Fixed cases (stride 1 to 4, 'same' and 'valid'), then random ones from a seeded generator. */
function convCases(): TConvCase[] {
  const cases: TConvCase[] = [
    { x: [4, 28, 28, 1], k: 3, outC: 8, stride: 1, pad: 'valid' },
    { x: [3, 13, 13, 5], k: 3, outC: 6, stride: 1, pad: 'valid' },
    { x: [2, 12, 11, 3], k: 5, outC: 4, stride: 2, pad: 'same' },
    { x: [2, 10, 10, 2], k: 4, outC: 3, stride: 3, pad: 'valid' },
    { x: [3, 9, 9, 2], k: 7, outC: 2, stride: 4, pad: 'same' },
    { x: [1, 6, 6, 2], k: 1, outC: 2, stride: 1, pad: 'same' },
    // a stride beyond the filter (XNNPACK refuses it), 'same' and 'valid'
    { x: [2, 7, 12, 3], k: 2, outC: 3, stride: 3, pad: 'same' },
    { x: [2, 8, 9, 2], k: 1, outC: 3, stride: 2, pad: 'valid' },
  ];
  const random = seededRandom(42);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  for (let i = 0; i < 10; i++) {
    const h = int(4, 16);
    const w = int(4, 16);
    cases.push({
      x: [int(1, 4), h, w, int(1, 6)],
      k: int(1, Math.min(5, h, w)),
      outC: int(1, 7),
      stride: i % 2 === 0 ? 2 : int(1, 3),
      pad: i % 3 === 0 ? 'valid' : 'same',
    });
  }
  return cases;
}

/**
 * `backend` selects the kernels (both run under tfjs's backend name 'wasm'); `registerAgain` registers them
 * a second time and must register nothing.
 */
export function describeTrainingKernels(
  backend: TTrainingBackend,
  registerAgain: (tf: TF) => string[],
): void {
  let tf: TF;
  beforeAll(async () => {
    tf = (await selectBackend(backend)).tf;
  });

  it('registers each kernel once', () => {
    expect(registerAgain(tf)).toEqual([]);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it.each(convCases())(
    'conv2d and its gradients (filter and input) match the cpu backend for %j',
    async (c) => {
      await expectSameOnCpu(tf, () => {
        const input = tf.randomUniform(c.x, -1, 1, 'float32', 1) as Tensor4D;
        const filter = tf.randomUniform([c.k, c.k, c.x[3], c.outC], -1, 1, 'float32', 2) as Tensor4D;
        const weights = tf.randomUniform(
          tf.conv2d(input, filter, c.stride, c.pad).shape,
          -1,
          1,
          'float32',
          3,
        );
        const loss = (x: Tensor, f: Tensor) =>
          tf
            .conv2d(x as Tensor4D, f as Tensor4D, c.stride, c.pad)
            .mul(weights)
            .sum();
        return [tf.conv2d(input, filter, c.stride, c.pad), ...tf.grads(loss)([input, filter])];
      });
    },
  );

  it.each(convCases().filter((_, i) => i % 2 === 0))(
    'a fused conv2d (bias, relu or linear) and its gradients match the cpu backend for %j',
    async (c) => {
      await expectSameOnCpu(tf, () => {
        const input = tf.randomUniform(c.x, -1, 1, 'float32', 11) as Tensor4D;
        const filter = tf.randomUniform([c.k, c.k, c.x[3], c.outC], -1, 1, 'float32', 12) as Tensor4D;
        const bias = tf.randomUniform([c.outC], -1, 1, 'float32', 13) as Tensor1D;
        return (['relu', 'linear'] as const).flatMap((activation) => {
          const conv = (x: Tensor, f: Tensor, b: Tensor) =>
            tf.fused.conv2d({
              x: x as Tensor4D,
              filter: f as Tensor4D,
              strides: c.stride,
              pad: c.pad,
              bias: b,
              activation,
            });
          const y = conv(input, filter, bias);
          const weights = tf.randomUniform(y.shape, -1, 1, 'float32', 14);
          return [y, ...tf.grads((x, f, b) => conv(x, f, b).mul(weights).sum())([input, filter, bias])];
        });
      });
    },
  );

  it.each([
    { shape: [3, 5, 4, 6], axis: [0, 1, 2] },
    { shape: [7, 9], axis: [0] },
    { shape: [2, 3, 4], axis: [1, 0], keepDims: true },
    { shape: [2, 3, 4], axis: [1] },
    { shape: [2, 3, 4], axis: [0, 1, 2] },
  ])('sum over axes matches the cpu backend for %j', async ({ shape, axis, keepDims }) => {
    await expectSameOnCpu(tf, () => [tf.randomUniform(shape, -1, 1, 'float32', 15).sum(axis, keepDims)]);
  });

  it.each([
    { x: [3, 26, 26, 5], pool: 2, stride: 2, pad: 'valid' },
    { x: [2, 11, 11, 4], pool: 2, stride: 2, pad: 'valid' },
    { x: [2, 7, 9, 3], pool: 2, stride: 2, pad: 'same' },
    { x: [2, 9, 7, 3], pool: 3, stride: 2, pad: 'same' },
    { x: [1, 8, 8, 2], pool: 3, stride: 1, pad: 'valid' },
    { x: [2, 8, 8, 3], pool: 2, stride: 2, pad: 'valid', ties: true },
    { x: [2, 7, 7, 3], pool: 3, stride: 2, pad: 'same', ties: true },
  ] as const)('maxPool gradient matches the cpu backend for %j', async (c) => {
    await expectSameOnCpu(tf, () => {
      // with ties (values -1, 0 or 1), the first maximum of a window gets the gradient
      const uniform = tf.randomUniform([...c.x], -1, 1, 'float32', 4) as Tensor4D;
      const input = 'ties' in c ? uniform.round() : uniform;
      const pooled = tf.maxPool(input, c.pool, c.stride, c.pad);
      const weights = tf.randomUniform(pooled.shape, -1, 1, 'float32', 5);
      return [
        tf.grad((x: Tensor) =>
          tf
            .maxPool(x as Tensor4D, c.pool, c.stride, c.pad)
            .mul(weights)
            .sum(),
        )(input),
      ];
    });
  });

  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('matMul with transposeA=%s transposeB=%s matches the cpu backend', async (transposeA, transposeB) => {
    await expectSameOnCpu(tf, () => {
      const a = tf.randomUniform(transposeA ? [37, 5] : [5, 37], -1, 1, 'float32', 6);
      const b = tf.randomUniform(transposeB ? [3, 37] : [37, 3], -1, 1, 'float32', 7);
      const batched = tf.randomUniform([2, ...(transposeA ? [37, 5] : [5, 37])], -1, 1, 'float32', 8);
      return [
        tf.matMul(a, b, transposeA, transposeB),
        tf.matMul(batched, b.expandDims(0).tile([2, 1, 1]), transposeA, transposeB),
      ];
    });
  });

  it('a fused dense layer (bias, relu or linear) and its gradients match the cpu backend', async () => {
    await expectSameOnCpu(tf, () => {
      const a = tf.randomUniform([9, 37], -1, 1, 'float32', 16) as Tensor2D;
      const b = tf.randomUniform([37, 5], -1, 1, 'float32', 17) as Tensor2D;
      const bias = tf.randomUniform([5], -1, 1, 'float32', 18) as Tensor1D;
      const weights = tf.randomUniform([9, 5], -1, 1, 'float32', 19);
      return (['relu', 'linear'] as const).flatMap((activation) => {
        const dense = (x: Tensor, w: Tensor, c: Tensor) =>
          tf.fused.matMul({ a: x as Tensor2D, b: w as Tensor2D, bias: c, activation });
        return [dense(a, b, bias), ...tf.grads((x, w, c) => dense(x, w, c).mul(weights).sum())([a, b, bias])];
      });
    });
  });

  it('matMul broadcasts a batch of 1 as the cpu backend does', async () => {
    await expectSameOnCpu(tf, () => {
      const a = tf.randomUniform([3, 4, 6], -1, 1, 'float32', 20);
      const b = tf.randomUniform([1, 6, 2], -1, 1, 'float32', 21);
      return [tf.matMul(a, b), tf.matMul(b.transpose([0, 2, 1]), a, false, true)];
    });
  });

  it('Adam steps (moments, bias corrections, updates) match the cpu backend', async () => {
    await expectSameOnCpu(tf, () => {
      const w = tf.variable(tf.randomUniform([6, 4], -1, 1, 'float32', 31));
      const b = tf.variable(tf.zeros([4]));
      const x = tf.randomUniform([5, 6], -1, 1, 'float32', 32);
      const optimizer = tf.train.adam(0.05);
      const loss = () => tf.relu(x.matMul(w).add(b)).sub(0.3).square().mean() as Scalar;
      for (let step = 0; step < 5; step++) optimizer.minimize(loss, false, [w, b]);
      const trained = [w.clone(), b.clone()];
      optimizer.dispose();
      w.dispose();
      b.dispose();
      return trained;
    });
  });

  it('trains conv, pooling, dense and dropout layers with every optimizer and activation', async () => {
    const data = pick(loadMnist().train, range(0, 32));
    const before = tf.memory().numTensors;
    for (const optimizer of ZOptimizer.options)
      for (const activation of ZActivation.options as TActivation[]) {
        const spec: TModelSpec = {
          layers: [
            { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation },
            { type: 'maxPooling2d', poolSize: 2 },
            { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation },
            { type: 'maxPooling2d', poolSize: 2 },
            { type: 'flatten' },
            { type: 'dense', units: 8, activation },
            { type: 'dropout', rate: 0.3 },
          ],
        };
        const model = buildModel(tf, spec, 1);
        compileModel(tf, model, { optimizer, learningRate: 0.01 });
        const { epochs } = await trainModel(
          tf,
          model,
          { train: data, validation: null },
          { epochs: 1, batchSize: 16, seed: 1 },
        );
        model.optimizer?.dispose();
        model.dispose();
        expect(tf.getBackend()).toBe('wasm');
        expect(Number.isFinite(epochs[0]?.loss)).toBe(true);
      }
    expect(tf.memory().numTensors).toBe(before);
  });
}
