/**
 * Node-only: native training kernels (packages/ml/native, an N-API addon over oneDNN) registered over the
 * wasm backend's. They compute on the wasm heap where the backend keeps its tensors, so layers, optimisers,
 * seeds and saved models are the wasm backend's; only the heavy kernels run natively.
 */
import { join } from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import type { TF } from './architecture';
import {
  type Attrs,
  convInfo,
  type Kernel,
  overrideKernels,
  poolInfo,
  type Shape4,
  type TensorInfo,
  type WasmBackend,
} from './wasm-kernels';

/** The addon's functions (packages/ml/native/src/kernels.c); every length is checked against the dims. */
export interface NativeKernelsAddon {
  conv2d(
    geometry: Int32Array,
    x: Float32Array,
    filter: Float32Array,
    y: Float32Array,
    bias: Float32Array | null,
    activation: number,
  ): void;
  conv2dBackpropFilter(geometry: Int32Array, x: Float32Array, dy: Float32Array, dw: Float32Array): void;
  conv2dBackpropInput(geometry: Int32Array, dy: Float32Array, filter: Float32Array, dx: Float32Array): void;
  matMul(
    dims: Int32Array,
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    bias: Float32Array | null,
    activation: number,
  ): void;
  maxPoolGrad(dims: Int32Array, x: Float32Array, dy: Float32Array, dx: Float32Array): void;
  sumLeadingAxes(rows: number, x: Float32Array, out: Float32Array): void;
  adamUpdate(
    hyper: Float32Array,
    value: Float32Array,
    m: Float32Array,
    v: Float32Array,
    gradient: Float32Array,
    newValue: Float32Array,
    newM: Float32Array,
    newV: Float32Array,
  ): void;
  info(): { library: string; isa: string };
}

export const NATIVE_ADDON_PATH = join(__dirname, '../native/build/Release/dlclass_kernels.node');

/**
 * Loads the addon; throws with what to do when it is not built (no compiler or no oneDNN when npm start or
 * npm test tried) or does not load (another OS, a missing libdnnl).
 */
export function loadNativeKernels(path: string = NATIVE_ADDON_PATH): NativeKernelsAddon {
  try {
    // biome-ignore lint/security/noGlobalEval: a native addon at run time, never bundled
    return (eval('require') as NodeJS.Require)(path) as NativeKernelsAddon;
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] as string) : String(error);
    throw new Error(
      `native kernels not loaded (${reason}); build them with \`npm run build:native\` (needs g++, make, python3 and Debian's libdnnl-dev)`,
    );
  }
}

/** The activations the native kernels fuse; the others are left to the wasm kernels. */
const ACTIVATION_CODES: Partial<Record<string, number>> = { linear: 0, relu: 1 };

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const allFloat32 = (...tensors: (TensorInfo | undefined)[]) =>
  tensors.every((t) => t === undefined || t.dtype === 'float32');

/** A bias the kernels can add per output channel: `channels` values along the last axis. */
const isChannelBias = (bias: TensorInfo | undefined, channels: number) =>
  bias === undefined || (size(bias.shape) === channels && bias.shape[bias.shape.length - 1] === channels);

function activationCode(attrs: Attrs | undefined, fused: boolean): number | undefined {
  return fused ? ACTIVATION_CODES[(attrs?.activation as string | undefined) ?? 'linear'] : 0;
}

const floats = (backend: WasmBackend, t: TensorInfo) => backend.typedArrayFromHeap(t) as Float32Array;

type ConvInfo = ReturnType<typeof convInfo>;

/** The geometry the addon reads (CONV_FIELDS in kernels.c). */
function convGeometry(info: ConvInfo): Int32Array {
  return Int32Array.of(
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.dilationHeight,
    info.dilationWidth,
    info.padInfo.top,
    info.padInfo.left,
    info.outHeight,
    info.outWidth,
    info.outChannels,
  );
}

const isNchw = (attrs: Attrs | undefined) => attrs?.dataFormat === 'NCHW';

/** Conv2D, and FusedConv2D with a per-channel bias and a linear or relu activation. */
function conv2d(tf: TF, addon: NativeKernelsAddon, original: Kernel, fused: boolean): Kernel {
  return (args) => {
    const { inputs, attrs } = args;
    const x = inputs.x as TensorInfo;
    const filter = inputs.filter as TensorInfo;
    const bias = fused ? inputs.bias : undefined;
    const activation = activationCode(attrs, fused);
    const outChannels = filter.shape[3] as number;
    if (
      activation === undefined ||
      isNchw(attrs) ||
      inputs.preluActivationWeights ||
      !allFloat32(x, filter, bias) ||
      !isChannelBias(bias, outChannels)
    )
      return original(args);
    const info = convInfo(tf, x.shape as Shape4, filter.shape as Shape4, attrs ?? {}, 'Conv2D');
    const wasm = args.backend as WasmBackend;
    const out = wasm.makeOutput(info.outShape, 'float32');
    addon.conv2d(
      convGeometry(info),
      floats(wasm, x),
      floats(wasm, filter),
      floats(wasm, out),
      bias ? floats(wasm, bias) : null,
      activation,
    );
    return out;
  };
}

function conv2dBackpropFilter(tf: TF, addon: NativeKernelsAddon, original: Kernel): Kernel {
  return (args) => {
    const { inputs, attrs } = args;
    const x = inputs.x as TensorInfo;
    const dy = inputs.dy as TensorInfo;
    if (isNchw(attrs) || !allFloat32(x, dy)) return original(args);
    const { filterShape } = attrs as { filterShape: Shape4 };
    const info = convInfo(tf, x.shape as Shape4, filterShape, attrs ?? {}, 'Conv2DBackpropFilter');
    const wasm = args.backend as WasmBackend;
    const out = wasm.makeOutput([...filterShape], 'float32');
    addon.conv2dBackpropFilter(convGeometry(info), floats(wasm, x), floats(wasm, dy), floats(wasm, out));
    return out;
  };
}

function conv2dBackpropInput(tf: TF, addon: NativeKernelsAddon, original: Kernel): Kernel {
  return (args) => {
    const { inputs, attrs } = args;
    const dy = inputs.dy as TensorInfo;
    const filter = inputs.filter as TensorInfo;
    if (isNchw(attrs) || !allFloat32(dy, filter)) return original(args);
    const { inputShape } = attrs as { inputShape: Shape4 };
    const info = convInfo(tf, inputShape, filter.shape as Shape4, attrs ?? {}, 'Conv2DBackpropInput');
    const wasm = args.backend as WasmBackend;
    const out = wasm.makeOutput([...inputShape], 'float32');
    addon.conv2dBackpropInput(convGeometry(info), floats(wasm, dy), floats(wasm, filter), floats(wasm, out));
    return out;
  };
}

/**
 * BatchMatMul, and _FusedMatMul with a bias along the last axis and a linear or relu activation. Batch
 * dimensions broadcast when one side has a batch of 1; other broadcasts are left to the wasm kernel.
 */
function matMul(tf: TF, addon: NativeKernelsAddon, original: Kernel, fused: boolean): Kernel {
  return (args) => {
    const { inputs, attrs } = args;
    const a = inputs.a as TensorInfo;
    const b = inputs.b as TensorInfo;
    const bias = fused ? inputs.bias : undefined;
    const activation = activationCode(attrs, fused);
    const { transposeA = false, transposeB = false } = (attrs ?? {}) as {
      transposeA?: boolean;
      transposeB?: boolean;
    };
    const rankA = a.shape.length;
    const rankB = b.shape.length;
    const m = a.shape[transposeA ? rankA - 1 : rankA - 2] as number;
    const k = a.shape[transposeA ? rankA - 2 : rankA - 1] as number;
    const n = b.shape[transposeB ? rankB - 2 : rankB - 1] as number;
    const outerA = a.shape.slice(0, -2);
    const outerB = b.shape.slice(0, -2);
    const batchA = size(outerA);
    const batchB = size(outerB);
    const outer = batchA >= batchB ? outerA : outerB;
    if (
      activation === undefined ||
      inputs.preluActivationWeights ||
      !allFloat32(a, b, bias) ||
      !isChannelBias(bias, n) ||
      k !== (b.shape[transposeB ? rankB - 1 : rankB - 2] as number) ||
      !(batchA === batchB ? tf.util.arraysEqual(outerA, outerB) : batchA === 1 || batchB === 1)
    )
      return original(args);
    const wasm = args.backend as WasmBackend;
    const out = wasm.makeOutput([...outer, m, n], 'float32');
    const dims = Int32Array.of(batchA, batchB, m, n, k, transposeA ? 1 : 0, transposeB ? 1 : 0);
    addon.matMul(
      dims,
      floats(wasm, a),
      floats(wasm, b),
      floats(wasm, out),
      bias ? floats(wasm, bias) : null,
      activation,
    );
    return out;
  };
}

function maxPoolGrad(tf: TF, addon: NativeKernelsAddon, original: Kernel): Kernel {
  return (args) => {
    const { inputs, attrs } = args;
    const dy = inputs.dy as TensorInfo;
    const x = inputs.input as TensorInfo;
    if (!allFloat32(dy, x)) return original(args);
    const info = poolInfo(tf, x.shape as Shape4, attrs ?? {});
    const wasm = args.backend as WasmBackend;
    const out = wasm.makeOutput(x.shape, 'float32');
    const dims = Int32Array.of(
      info.batchSize,
      info.inHeight,
      info.inWidth,
      info.inChannels,
      info.filterHeight,
      info.filterWidth,
      info.strideHeight,
      info.strideWidth,
      info.padInfo.top,
      info.padInfo.left,
      info.outHeight,
      info.outWidth,
    );
    addon.maxPoolGrad(dims, floats(wasm, x), floats(wasm, dy), floats(wasm, out));
    return out;
  };
}

/**
 * Sum over leading axes (a bias gradient: dy summed over batch, height and width). The wasm kernel transposes
 * the reduced axes innermost first, a copy of the whole gradient; this reads it once, in memory order.
 */
function sum(tf: TF, addon: NativeKernelsAddon, original: Kernel): Kernel {
  return (args) => {
    const x = args.inputs.x as TensorInfo;
    const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
    const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const leading = axes.length < x.shape.length && axes.every((a, i) => a === i);
    if (!leading || !allFloat32(x)) return original(args);
    const kept = x.shape.slice(axes.length);
    const wasm = args.backend as WasmBackend;
    const out = wasm.makeOutput(keepDims ? [...axes.map(() => 1), ...kept] : kept, 'float32');
    addon.sumLeadingAxes(size(x.shape.slice(0, axes.length)), floats(wasm, x), floats(wasm, out));
    return out;
  };
}

/** One Adam step of one variable: [newValue, newM, newV] (see installFusedAdam). */
export const ADAM_UPDATE = 'DlclassAdamUpdate';

function adamUpdate(addon: NativeKernelsAddon): Kernel {
  return ({ inputs, backend, attrs }) => {
    const { value, m, v, gradient, oneMinusAccBeta1, oneMinusAccBeta2 } = inputs as Record<
      string,
      TensorInfo
    >;
    const { beta1, beta2, epsilon, learningRate } = attrs as {
      beta1: number;
      beta2: number;
      epsilon: number;
      learningRate: number;
    };
    const wasm = backend as WasmBackend;
    const shape = (value as TensorInfo).shape;
    const outputs = [0, 1, 2].map(() => wasm.makeOutput([...shape], 'float32'));
    // the scalars tfjs's AdamOptimizer multiplies by, as it makes them (numbers to float32 tensors)
    const hyper = Float32Array.of(
      beta1,
      beta2,
      1 - beta1,
      1 - beta2,
      epsilon,
      -learningRate,
      floats(wasm, oneMinusAccBeta1 as TensorInfo)[0] as number,
      floats(wasm, oneMinusAccBeta2 as TensorInfo)[0] as number,
    );
    const [newValue, newM, newV] = outputs.map((t) => floats(wasm, t)) as [
      Float32Array,
      Float32Array,
      Float32Array,
    ];
    addon.adamUpdate(
      hyper,
      floats(wasm, value as TensorInfo),
      floats(wasm, m as TensorInfo),
      floats(wasm, v as TensorInfo),
      floats(wasm, gradient as TensorInfo),
      newValue,
      newM,
      newV,
    );
    return outputs as unknown as TensorInfo;
  };
}

/** The fields of tfjs's AdamOptimizer that its applyGradients uses. */
interface AdamInternals {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tfjs.Variable;
  accBeta2: tfjs.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tfjs.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tfjs.Variable } | undefined)[];
  incrementIterations(): void;
  applyGradients(gradients: tfjs.NamedTensorMap | { name: string; tensor: tfjs.Tensor }[]): void;
}

const FUSED_ADAM = Symbol('dlclass fused Adam');

/**
 * Makes tfjs's AdamOptimizer run each variable's step as one ADAM_UPDATE kernel where the current backend
 * has it (13 kernels per variable otherwise, most of a small network's step). Same state (moments, beta
 * powers, iterations), same operations in the same float32 precision: only the dispatch changes.
 */
export function installFusedAdam(tf: TF): void {
  const prototype = tf.AdamOptimizer.prototype as unknown as AdamInternals & { [FUSED_ADAM]?: true };
  if (prototype[FUSED_ADAM]) return;
  const original = prototype.applyGradients;
  prototype[FUSED_ADAM] = true;
  prototype.applyGradients = function (this: AdamInternals, variableGradients) {
    const named = Array.isArray(variableGradients)
      ? variableGradients
      : Object.entries(variableGradients).map(([name, tensor]) => ({ name, tensor }));
    if (!tf.getKernel(ADAM_UPDATE, tf.getBackend()) || named.some((g) => g.tensor.dtype !== 'float32'))
      return original.call(this, variableGradients);
    tf.tidy(() => {
      const oneMinusAccBeta1 = tf.sub(1, this.accBeta1);
      const oneMinusAccBeta2 = tf.sub(1, this.accBeta2);
      named.forEach(({ name, tensor: gradient }, i) => {
        const value = tf.engine().registeredVariables[name] as tfjs.Variable;
        // the moments, created at the first step as tfjs names them
        const moment = (suffix: string) => ({
          originalName: `${name}/${suffix}`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        });
        this.accumulatedFirstMoment[i] ??= moment('m');
        this.accumulatedSecondMoment[i] ??= moment('v');
        const m = this.accumulatedFirstMoment[i].variable;
        const v = this.accumulatedSecondMoment[i].variable;
        const [newValue, newM, newV] = tf
          .engine()
          .runKernel(
            ADAM_UPDATE,
            { value, m, v, gradient, oneMinusAccBeta1, oneMinusAccBeta2 },
            { beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, learningRate: this.learningRate },
          ) as unknown as tfjs.Tensor[];
        m.assign(newM as tfjs.Tensor);
        v.assign(newV as tfjs.Tensor);
        value.assign(newValue as tfjs.Tensor);
      });
      this.accBeta1.assign(tf.mul(this.accBeta1, this.beta1));
      this.accBeta2.assign(tf.mul(this.accBeta2, this.beta2));
    });
    this.incrementIterations();
  };
}

const NATIVE_TRAINING_KERNELS = Symbol('dlclass native training kernels');

/**
 * Registers the native kernels over the wasm backend's (after registerWasmTrainingKernels, whose kernels
 * they fall back to for the cases they leave: NCHW, other dtypes and activations). Returns the names it
 * registered.
 */
export function registerNativeTrainingKernels(tf: TF, addon: NativeKernelsAddon): string[] {
  return overrideKernels(tf, 'wasm', NATIVE_TRAINING_KERNELS, {
    Conv2D: (original) => conv2d(tf, addon, original, false),
    FusedConv2D: (original) => conv2d(tf, addon, original, true),
    Conv2DBackpropFilter: (original) => conv2dBackpropFilter(tf, addon, original),
    Conv2DBackpropInput: (original) => conv2dBackpropInput(tf, addon, original),
    BatchMatMul: (original) => matMul(tf, addon, original, false),
    _FusedMatMul: (original) => matMul(tf, addon, original, true),
    MaxPoolGrad: (original) => maxPoolGrad(tf, addon, original),
    Sum: (original) => sum(tf, addon, original),
    [ADAM_UPDATE]: () => adamUpdate(addon),
  });
}
