import { IMAGE_SIZE, NUM_CLASSES } from '@dlclass/contracts';
import type * as tfjs from '@tensorflow/tfjs';
import type { TF } from './architecture';

export const PIXELS_PER_IMAGE = IMAGE_SIZE * IMAGE_SIZE;
const IDX_IMAGES_MAGIC = 0x00000803; // unsigned bytes, 3 dimensions
const IDX_LABELS_MAGIC = 0x00000801; // unsigned bytes, 1 dimension

/** Grey images 28x28 (0-255, row-major, image after image) and their digits. */
export interface TDigitSet {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface TMnist {
  train: TDigitSet;
  test: TDigitSet;
}

export class IdxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdxFormatError';
  }
}

function header(bytes: Uint8Array, what: string, length: number): DataView {
  if (bytes.byteLength < length) throw new IdxFormatError(`${what}: file too short for an IDX header`);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Parses an IDX3 file of unsigned bytes (images); validates the magic number and the sizes. */
export function parseIdxImages(bytes: Uint8Array, what = 'images'): { images: Uint8Array; count: number } {
  const view = header(bytes, what, 16);
  const magic = view.getUint32(0);
  if (magic !== IDX_IMAGES_MAGIC) {
    throw new IdxFormatError(
      `${what}: bad magic number 0x${magic.toString(16)}, expected 0x803 (IDX3 unsigned bytes)`,
    );
  }
  const count = view.getUint32(4);
  const rows = view.getUint32(8);
  const cols = view.getUint32(12);
  if (rows !== IMAGE_SIZE || cols !== IMAGE_SIZE) {
    throw new IdxFormatError(`${what}: images are ${rows}x${cols}, expected ${IMAGE_SIZE}x${IMAGE_SIZE}`);
  }
  const expected = 16 + count * PIXELS_PER_IMAGE;
  if (bytes.byteLength !== expected) {
    throw new IdxFormatError(`${what}: ${bytes.byteLength} bytes, expected ${expected} for ${count} images`);
  }
  return { images: bytes.subarray(16), count };
}

/** Parses an IDX1 file of unsigned bytes (labels); validates the magic number, size and label range. */
export function parseIdxLabels(bytes: Uint8Array, what = 'labels'): { labels: Uint8Array; count: number } {
  const view = header(bytes, what, 8);
  const magic = view.getUint32(0);
  if (magic !== IDX_LABELS_MAGIC) {
    throw new IdxFormatError(
      `${what}: bad magic number 0x${magic.toString(16)}, expected 0x801 (IDX1 unsigned bytes)`,
    );
  }
  const count = view.getUint32(4);
  if (bytes.byteLength !== 8 + count) {
    throw new IdxFormatError(`${what}: ${bytes.byteLength} bytes, expected ${8 + count} for ${count} labels`);
  }
  const labels = bytes.subarray(8);
  if (labels.some((label) => label >= NUM_CLASSES))
    throw new IdxFormatError(`${what}: a label is not a digit 0-9`);
  return { labels, count };
}

export function digitSet(imagesIdx: Uint8Array, labelsIdx: Uint8Array, what: string): TDigitSet {
  const { images, count } = parseIdxImages(imagesIdx, `${what} images`);
  const { labels, count: labelCount } = parseIdxLabels(labelsIdx, `${what} labels`);
  if (count !== labelCount) throw new IdxFormatError(`${what}: ${count} images but ${labelCount} labels`);
  return { images, labels, count };
}

/** Small deterministic PRNG (mulberry32): the same seed gives the same subset, split and batches everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw from a seeded uniform source (Box-Muller). */
export function gaussian(random: () => number): number {
  const u = 1 - random(); // in (0, 1]: log(0) would be infinite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Fisher-Yates shuffle in place. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(
  array: T,
  random: () => number,
): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = array[i] as number;
    array[i] = array[j] as number;
    array[j] = tmp;
  }
  return array;
}

/** A set made of single images (drawings, examples): 784 grey levels 0-255 each, and their labels. */
export function digitSetOf(images: readonly { pixels: ArrayLike<number>; label: number }[]): TDigitSet {
  const set = {
    images: new Uint8Array(images.length * PIXELS_PER_IMAGE),
    labels: new Uint8Array(images.length),
  };
  for (const [i, image] of images.entries()) {
    set.images.set(image.pixels, i * PIXELS_PER_IMAGE);
    set.labels[i] = image.label;
  }
  return { ...set, count: images.length };
}

/** Copies the images at the given indices into a new set. */
export function pick(set: TDigitSet, indices: ArrayLike<number>): TDigitSet {
  const count = indices.length;
  const images = new Uint8Array(count * PIXELS_PER_IMAGE);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const src = indices[i] as number;
    images.set(
      set.images.subarray(src * PIXELS_PER_IMAGE, (src + 1) * PIXELS_PER_IMAGE),
      i * PIXELS_PER_IMAGE,
    );
    labels[i] = set.labels[src] as number;
  }
  return { images, labels, count };
}

/** How many of `size` images train and how many validate (the measured facts of a run quote these). */
export function splitSizes(size: number, validationSplit: number): { train: number; validation: number } {
  const validation = Math.round(size * validationSplit);
  return { train: size - validation, validation };
}

/**
 * A seeded random subset of `trainSize` training images, split into training and validation
 * (the last `round(trainSize * validationSplit)` images of the shuffled subset).
 */
export function sampleTrainingData(
  train: TDigitSet,
  opts: { trainSize: number; validationSplit: number; seed: number },
): { train: TDigitSet; validation: TDigitSet | null } {
  const size = Math.min(opts.trainSize, train.count);
  const order = shuffleInPlace(
    Uint32Array.from({ length: train.count }, (_, i) => i),
    seededRandom(opts.seed),
  );
  const { train: trainCount, validation: validationCount } = splitSizes(size, opts.validationSplit);
  return {
    train: pick(train, order.subarray(0, trainCount)),
    validation: validationCount > 0 ? pick(train, order.subarray(trainCount, size)) : null,
  };
}

/** Images [n,28,28,1] scaled to 0-1 from `start` (inclusive) to `end` (exclusive) of a set, or at the given indices. */
export function imagesTensor(tf: TF, set: TDigitSet, indices: ArrayLike<number>): tfjs.Tensor4D {
  return tf.tensor4d(imagePixels(set, indices), [indices.length, IMAGE_SIZE, IMAGE_SIZE, 1]);
}

/** The images at the given indices, scaled to 0-1, one after the other (what imagesTensor wraps). */
export function imagePixels(set: TDigitSet, indices: ArrayLike<number>): Float32Array {
  const n = indices.length;
  const values = new Float32Array(n * PIXELS_PER_IMAGE);
  for (let i = 0; i < n; i++) {
    const offset = (indices[i] as number) * PIXELS_PER_IMAGE;
    const out = i * PIXELS_PER_IMAGE;
    for (let p = 0; p < PIXELS_PER_IMAGE; p++) values[out + p] = (set.images[offset + p] as number) / 255;
  }
  return values;
}

/** The digits at the given indices. */
export function labelsAt(set: TDigitSet, indices: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(indices, (index) => set.labels[index] as number);
}

/** One-hot labels [n,10] (float32) at the given indices. */
export function oneHotTensor(tf: TF, set: TDigitSet, indices: ArrayLike<number>): tfjs.Tensor2D {
  const n = indices.length;
  const values = new Float32Array(n * NUM_CLASSES);
  for (let i = 0; i < n; i++) values[i * NUM_CLASSES + (set.labels[indices[i] as number] as number)] = 1;
  return tf.tensor2d(values, [n, NUM_CLASSES]);
}

/** [start, start+1, ..., end-1] */
export function range(start: number, end: number): Uint32Array {
  return Uint32Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}
