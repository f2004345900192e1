import { type TActivation, type TModelSpec, ZActivation, ZOptimizer } from '@dlclass/contracts';
import type { Tensor, Tensor4D } from '@tensorflow/tfjs';
import { buildModel, compileModel, type TF } from './architecture';
import { pick, range, seededRandom } from './mnist';
import { loadMnist, selectBackend } from './node';
import { trainModel } from './train';
import { registerWasmTrainingKernels } from './wasm-kernels';

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

describe('wasm training kernels', () => {
  let tf: TF;
  beforeAll(async () => {
    tf = (await selectBackend('wasm')).tf;
  });

  it('registers each kernel once', () => {
    expect(registerWasmTrainingKernels(tf)).toEqual([]);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it.each(convCases())('conv2d gradients (filter and input) match the cpu backend for %j', async (c) => {
    await expectSameOnCpu(tf, () => {
      const input = tf.randomUniform(c.x, -1, 1, 'float32', 1) as Tensor4D;
      const filter = tf.randomUniform([c.k, c.k, c.x[3], c.outC], -1, 1, 'float32', 2) as Tensor4D;
      const weights = tf.randomUniform(tf.conv2d(input, filter, c.stride, c.pad).shape, -1, 1, 'float32', 3);
      const loss = (x: Tensor, f: Tensor) =>
        tf
          .conv2d(x as Tensor4D, f as Tensor4D, c.stride, c.pad)
          .mul(weights)
          .sum();
      return tf.grads(loss)([input, filter]);
    });
  });

  it.each([
    { x: [3, 26, 26, 5], pool: 2, stride: 2, pad: 'valid' },
    { x: [2, 11, 11, 4], pool: 2, stride: 2, pad: 'valid' },
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
});
