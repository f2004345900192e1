import type * as tfjs from '@tensorflow/tfjs';
import type { TF } from './architecture';

export type TensorInfo = tfjs.TensorInfo;
export type Attrs = Record<string, unknown>;
type KernelArgs = { inputs: Record<string, TensorInfo>; backend: unknown; attrs?: Attrs };
export type Kernel = (args: KernelArgs) => TensorInfo;
export type Shape4 = [number, number, number, number];
export type Pad = 'valid' | 'same' | number | tfjs.backend_util.ExplicitPadding;

/** The parts of tfjs-backend-wasm's BackendWasm these kernels use (its tensors live in the wasm heap). */
export interface WasmBackend {
  disposeData(dataId: object): void;
  makeOutput(shape: number[], dtype: tfjs.DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): tfjs.TypedArray;
}

/** A kernel given the one it replaces, for the cases it leaves to it. */
export type KernelOverride = (original: Kernel) => Kernel;

/**
 * Registers `overrides` over `backendName`'s kernels of the same names, each given the kernel it replaces.
 * `tag` marks a set of overrides, so registering the same set twice replaces nothing twice. Returns the names
 * it registered.
 */
export function overrideKernels(
  tf: TF,
  backendName: string,
  tag: symbol,
  overrides: Record<string, KernelOverride>,
): string[] {
  const registered: string[] = [];
  for (const [name, make] of Object.entries(overrides)) {
    const existing = tf.getKernel(name, backendName);
    const original = (existing?.kernelFunc ?? missingKernel(backendName, name)) as Kernel & { [tag]?: true };
    if (original[tag]) continue;
    const kernelFunc = make(original) as Kernel & { [tag]?: true };
    kernelFunc[tag] = true;
    if (existing) tf.unregisterKernel(name, backendName);
    tf.registerKernel({
      kernelName: name,
      backendName,
      kernelFunc: kernelFunc as unknown as tfjs.KernelFunc,
      ...(existing?.setupFunc ? { setupFunc: existing.setupFunc } : {}),
    });
    registered.push(name);
  }
  return registered;
}

const missingKernel =
  (backendName: string, name: string): Kernel =>
  () => {
    throw new Error(`Backend ${backendName} has no ${name} kernel`);
  };

const WASM_TRAINING_KERNELS = Symbol('dlclass wasm training kernels');

/**
 * Kernels of the wasm backend that training needs and that tfjs-backend-wasm 4.x lacks or runs slowly:
 * - BatchMatMul with transposeA/transposeB takes a naive loop (5-10x slower than XNNPACK's product):
 *   the operands are transposed first and the product runs untransposed;
 * - Conv2DBackpropInput is a naive loop: it becomes a forward convolution (XNNPACK) of dy, zero-stuffed
 *   by the stride, with the filter rotated by 180 degrees and its channels swapped;
 * - Conv2DBackpropFilter is missing: im2col written in JavaScript into the heap, then one matrix product;
 * - MaxPoolGrad is a naive loop over every input pixel and window: a scatter of dy to each window's
 *   (first) maximum, as the cpu backend does;
 * - Conv2D and FusedConv2D give zeros when the stride exceeds the filter (XNNPACK refuses it): the filter
 *   is padded with zeros up to the stride, and the input's far side as much, which changes no output.
 * Each kernel gives the cpu backend's results (wasm-kernels.spec.ts). Returns the names it registered.
 */
export function registerWasmTrainingKernels(tf: TF, backendName = 'wasm'): string[] {
  const kernel = (name: string): Kernel => {
    const config = tf.getKernel(name, backendName);
    if (!config) throw new Error(`Backend ${backendName} has no ${name} kernel`);
    return config.kernelFunc as unknown as Kernel;
  };
  return overrideKernels(tf, backendName, WASM_TRAINING_KERNELS, {
    BatchMatMul: (original) => batchMatMul(original, kernel('Transpose')),
    Conv2DBackpropInput: () =>
      conv2dBackpropInput(tf, kernel('Conv2D'), kernel('Reverse'), kernel('Transpose')),
    Conv2DBackpropFilter: () => conv2dBackpropFilter(tf, kernel('BatchMatMul')),
    MaxPoolGrad: () => maxPoolGrad(tf),
    Conv2D: (original) => conv2dStrideBeyondFilter(tf, original, kernel('PadV2')),
    FusedConv2D: (original) => conv2dStrideBeyondFilter(tf, original, kernel('PadV2')),
  });
}

/** Runs `body` with a list of temporaries that are disposed afterwards (the result is not among them). */
export function withTemporaries<T>(backend: unknown, body: (keep: (t: TensorInfo) => TensorInfo) => T): T {
  const temporaries: TensorInfo[] = [];
  try {
    return body((t) => {
      temporaries.push(t);
      return t;
    });
  } finally {
    for (const t of temporaries) (backend as WasmBackend).disposeData(t.dataId);
  }
}

const lastTwoSwapped = (rank: number) => [...Array(rank - 2).keys(), rank - 1, rank - 2];

function batchMatMul(original: Kernel, transpose: Kernel): Kernel {
  return ({ inputs, backend, attrs }) => {
    const { transposeA, transposeB } = (attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    if (!transposeA && !transposeB) return original({ inputs, backend, attrs });
    return withTemporaries(backend, (keep) => {
      const plain = (x: TensorInfo, transposed: boolean | undefined) =>
        transposed
          ? keep(transpose({ inputs: { x }, backend, attrs: { perm: lastTwoSwapped(x.shape.length) } }))
          : x;
      return original({
        inputs: {
          a: plain(inputs.a as TensorInfo, transposeA),
          b: plain(inputs.b as TensorInfo, transposeB),
        },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    });
  };
}

export function convInfo(tf: TF, xShape: Shape4, filterShape: Shape4, attrs: Attrs, kernelName: string) {
  const { strides, pad, dataFormat, dimRoundingMode, dilations } = attrs as {
    strides: [number, number] | number;
    pad: Pad;
    dataFormat?: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    dilations?: [number, number] | number;
  };
  if (dataFormat === 'NCHW') throw new Error(`${kernelName} on wasm supports only NHWC`);
  return tf.backend_util.computeConv2DInfo(
    xShape,
    filterShape,
    strides,
    dilations ?? 1,
    pad,
    dimRoundingMode,
  );
}

/**
 * A convolution whose stride exceeds its filter, as one whose filter is as large as the stride: zeros after
 * the filter's last row and column meet either pixels (adding nothing) or the extra zero padding of the
 * input's bottom and right, which keeps the output's size.
 */
function conv2dStrideBeyondFilter(tf: TF, original: Kernel, pad: Kernel): Kernel {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const filter = inputs.filter as TensorInfo;
    const [kh, kw] = filter.shape as Shape4;
    const info = convInfo(
      tf,
      (inputs.x as TensorInfo).shape as Shape4,
      filter.shape as Shape4,
      attrs ?? {},
      'Conv2D',
    );
    const extraH = Math.max(0, info.strideHeight - kh);
    const extraW = Math.max(0, info.strideWidth - kw);
    if ((extraH === 0 && extraW === 0) || info.dilationHeight > 1 || info.dilationWidth > 1)
      return original(args);
    const { top, bottom, left, right } = info.padInfo;
    return withTemporaries(backend, (keep) => {
      const paddings = [
        [0, extraH],
        [0, extraW],
        [0, 0],
        [0, 0],
      ];
      const padded = keep(pad({ inputs: { x: filter }, backend, attrs: { paddings, constantValue: 0 } }));
      return original({
        inputs: { ...inputs, filter: padded },
        backend,
        attrs: {
          ...attrs,
          pad: [
            [0, 0],
            [top, bottom + extraH],
            [left, right + extraW],
            [0, 0],
          ],
        },
      });
    });
  };
}

/**
 * dx = full convolution of dy (zeros inserted between rows and columns for a stride > 1) with the filter
 * rotated by 180 degrees, input and output channels swapped; the padding makes the output [N,H,W,inC].
 */
function conv2dBackpropInput(tf: TF, conv2d: Kernel, reverse: Kernel, transpose: Kernel): Kernel {
  return ({ inputs, backend, attrs }) => {
    const dy = inputs.dy as TensorInfo;
    const filter = inputs.filter as TensorInfo;
    const { inputShape } = attrs as { inputShape: Shape4 };
    const info = convInfo(tf, inputShape, filter.shape as Shape4, attrs ?? {}, 'Conv2DBackpropInput');
    const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
    const { top, left } = info.padInfo;
    return withTemporaries(backend, (keep) => {
      const flipped = keep(reverse({ inputs: { x: filter }, backend, attrs: { dims: [0, 1] } }));
      const swapped = keep(transpose({ inputs: { x: flipped }, backend, attrs: { perm: [0, 1, 3, 2] } }));
      const stuffed = sh === 1 && sw === 1 ? dy : keep(zeroStuff(backend as WasmBackend, dy, sh, sw));
      const [, dh, dw] = stuffed.shape as Shape4;
      const padTop = kh - 1 - top;
      const padLeft = kw - 1 - left;
      return conv2d({
        inputs: { x: stuffed, filter: swapped },
        backend,
        attrs: {
          strides: [1, 1],
          pad: [
            [0, 0],
            [padTop, info.inHeight - dh - padTop + kh - 1],
            [padLeft, info.inWidth - dw - padLeft + kw - 1],
            [0, 0],
          ],
          dataFormat: 'NHWC',
          dilations: [1, 1],
        },
      });
    });
  };
}

/** [N,H,W,C] to [N,(H-1)*sh+1,(W-1)*sw+1,C] with zeros between the original rows and columns. */
function zeroStuff(backend: WasmBackend, x: TensorInfo, sh: number, sw: number): TensorInfo {
  const [n, h, w, c] = x.shape as Shape4;
  const outH = (h - 1) * sh + 1;
  const outW = (w - 1) * sw + 1;
  const out = backend.makeOutput([n, outH, outW, c], 'float32');
  // typed arrays after the allocation: growing the heap detaches earlier views
  const src = backend.typedArrayFromHeap(x);
  const dst = backend.typedArrayFromHeap(out);
  dst.fill(0);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++) {
        const from = ((b * h + i) * w + j) * c;
        dst.set(src.subarray(from, from + c), ((b * outH + i * sh) * outW + j * sw) * c);
      }
  return out;
}

/**
 * dW[kh,kw,ci,co] = sum over n,oh,ow of x[n, oh*s+kh-padTop, ow*s+kw-padLeft, ci] * dy[n,oh,ow,co]:
 * the patches of x are written as the rows of a [kH*kW*inC, N*outH*outW] matrix (zeros in the padding),
 * multiplied by dy seen as [N*outH*outW, outC].
 */
function conv2dBackpropFilter(tf: TF, matMul: Kernel): Kernel {
  return ({ inputs, backend, attrs }) => {
    const x = inputs.x as TensorInfo;
    const dy = inputs.dy as TensorInfo;
    const { filterShape } = attrs as { filterShape: Shape4 };
    const info = convInfo(tf, x.shape as Shape4, filterShape, attrs ?? {}, 'Conv2DBackpropFilter');
    const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
    const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, outChannels } = info;
    const { top, left } = info.padInfo;
    const wasm = backend as WasmBackend;
    const columns = n * oh * ow;
    return withTemporaries(backend, (keep) => {
      const patches = keep(wasm.makeOutput([kh * kw * c, columns], 'float32'));
      const src = wasm.typedArrayFromHeap(x);
      const dst = wasm.typedArrayFromHeap(patches);
      for (let j = 0; j < kw; j++) {
        // output columns whose input column ow*sw+j-left lies inside the image
        const firstX = Math.min(ow, Math.max(0, Math.ceil((left - j) / sw)));
        const endX = Math.max(firstX, Math.min(ow, Math.floor((w - 1 + left - j) / sw) + 1));
        for (let i = 0; i < kh; i++)
          for (let ci = 0; ci < c; ci++) {
            let col = ((i * kw + j) * c + ci) * columns;
            for (let b = 0; b < n; b++)
              for (let y = 0; y < oh; y++) {
                const inY = y * sh + i - top;
                if (inY < 0 || inY >= h) {
                  dst.fill(0, col, col + ow);
                  col += ow;
                  continue;
                }
                if (firstX > 0) dst.fill(0, col, col + firstX);
                let from = ((b * h + inY) * w + firstX * sw + j - left) * c + ci;
                const step = sw * c;
                for (let xo = firstX; xo < endX; xo++, from += step) dst[col + xo] = src[from] as number;
                if (endX < ow) dst.fill(0, col + endX, col + ow);
                col += ow;
              }
          }
      }
      const product = matMul({
        inputs: { a: patches, b: { ...dy, shape: [columns, outChannels] } },
        backend,
        attrs: { transposeA: false, transposeB: false },
      });
      return { ...product, shape: [kh, kw, c, outChannels] };
    });
  };
}

/** The geometry of a MaxPoolGrad (its attributes: filterSize, strides, pad, dimRoundingMode). */
export function poolInfo(tf: TF, xShape: Shape4, attrs: Attrs) {
  const { filterSize, strides, pad, dimRoundingMode } = attrs as {
    filterSize: [number, number] | number;
    strides: [number, number] | number;
    pad: Pad;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
  };
  return tf.backend_util.computePool2DInfo(xShape, filterSize, strides, 1, pad, dimRoundingMode);
}

/** dx: each dy value added at its window's first maximum of x, as the cpu backend's maxPoolBackprop. */
function maxPoolGrad(tf: TF): Kernel {
  return ({ inputs, backend, attrs }) => {
    const dy = inputs.dy as TensorInfo;
    const x = inputs.input as TensorInfo;
    const info = poolInfo(tf, x.shape as Shape4, attrs ?? {});
    const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
    const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw } = info;
    const { top, left } = info.padInfo;
    const wasm = backend as WasmBackend;
    const out = wasm.makeOutput(x.shape, 'float32');
    const dx = wasm.typedArrayFromHeap(out);
    const xs = wasm.typedArrayFromHeap(x);
    const dys = wasm.typedArrayFromHeap(dy);
    dx.fill(0);
    if (
      fh === 2 &&
      fw === 2 &&
      sh === 2 &&
      sw === 2 &&
      top === 0 &&
      left === 0 &&
      2 * oh <= h &&
      2 * ow <= w
    ) {
      maxPool2x2Grad(xs, dys, dx, n, h, w, c, oh, ow);
      return out;
    }
    // channels innermost, as in memory: running maxima and their positions for the c channels of a window
    const max = new Float32Array(c);
    const best = new Int32Array(c);
    for (let b = 0; b < n; b++)
      for (let y = 0; y < oh; y++) {
        const y0 = Math.max(0, y * sh - top);
        const y1 = Math.min(h, y * sh - top + fh);
        for (let xo = 0; xo < ow; xo++) {
          const x0 = Math.max(0, xo * sw - left);
          const x1 = Math.min(w, xo * sw - left + fw);
          if (y0 >= y1 || x0 >= x1) continue;
          max.fill(Number.NEGATIVE_INFINITY);
          best.fill(-1);
          for (let i = y0; i < y1; i++)
            for (let j = x0; j < x1; j++) {
              const at = ((b * h + i) * w + j) * c;
              for (let ch = 0; ch < c; ch++) {
                const value = xs[at + ch] as number;
                if (value > (max[ch] as number) || (best[ch] as number) < 0) {
                  max[ch] = value;
                  best[ch] = at + ch;
                }
              }
            }
          const dyBase = ((b * oh + y) * ow + xo) * c;
          for (let ch = 0; ch < c; ch++) {
            const at = best[ch] as number;
            dx[at] = (dx[at] as number) + (dys[dyBase + ch] as number);
          }
        }
      }
    return out;
  };
}

/** MaxPoolGrad of the usual 2x2 pooling with stride 2, every window inside the image: the general loop, unrolled. */
function maxPool2x2Grad(
  xs: tfjs.TypedArray,
  dys: tfjs.TypedArray,
  dx: tfjs.TypedArray,
  n: number,
  h: number,
  w: number,
  c: number,
  oh: number,
  ow: number,
): void {
  const down = w * c;
  let d = 0;
  for (let b = 0; b < n; b++)
    for (let y = 0; y < oh; y++)
      for (let xo = 0; xo < ow; xo++) {
        const p00 = ((b * h + 2 * y) * w + 2 * xo) * c;
        for (let ch = 0; ch < c; ch++, d++) {
          let at = p00 + ch;
          let max = xs[at] as number;
          const right = at + c;
          const below = at + down;
          const belowRight = below + c;
          if ((xs[right] as number) > max) {
            max = xs[right] as number;
            at = right;
          }
          if ((xs[below] as number) > max) {
            max = xs[below] as number;
            at = below;
          }
          if ((xs[belowRight] as number) > max) at = belowRight;
          dx[at] = (dx[at] as number) + (dys[d] as number);
        }
      }
}
