import { IMAGE_SIZE } from '@dlclass/contracts';
import type { TF } from '../architecture';
import { PIXELS_PER_IMAGE, type TDigitSet } from '../mnist';
import type { TByteFeatures } from './random-forest';

/** What a classical model sees of an image: its 784 raw pixels, or the ink density of each zone. */
export type TFeatureKind = 'pixels' | 'zones';

/** Side of a square zone, in pixels: 28 / 4 = a 7 x 7 grid of zones, 49 features. */
export const ZONE_SIZE = 4;
const ZONES_PER_SIDE = IMAGE_SIZE / ZONE_SIZE;

export function featureWidth(kind: TFeatureKind): number {
  return kind === 'pixels' ? PIXELS_PER_IMAGE : ZONES_PER_SIDE * ZONES_PER_SIDE;
}

/**
 * The features of every image of a set, one row per image, as bytes: raw pixels (0-255) as they are, or
 * the mean grey level of each zone, row by row of zones (0: no ink, 255: all ink).
 */
export function digitFeatures(set: TDigitSet, kind: TFeatureKind): TByteFeatures {
  const { images, count } = set;
  if (kind === 'pixels')
    return { values: images.subarray(0, count * PIXELS_PER_IMAGE), count, width: PIXELS_PER_IMAGE };
  const width = featureWidth(kind);
  const values = new Uint8Array(count * width);
  const area = ZONE_SIZE * ZONE_SIZE;
  for (let i = 0; i < count; i++) {
    const image = i * PIXELS_PER_IMAGE;
    for (let zy = 0; zy < ZONES_PER_SIDE; zy++)
      for (let zx = 0; zx < ZONES_PER_SIDE; zx++) {
        let sum = 0;
        for (let y = zy * ZONE_SIZE; y < (zy + 1) * ZONE_SIZE; y++) {
          const row = image + y * IMAGE_SIZE + zx * ZONE_SIZE;
          for (let x = 0; x < ZONE_SIZE; x++) sum += images[row + x] as number;
        }
        values[i * width + zy * ZONES_PER_SIDE + zx] = Math.round(sum / area);
      }
  }
  return { values, count, width };
}

/** Rows [first, first + rows) of byte features as a float matrix scaled to 0-1. */
export function asMatrix(tf: TF, features: TByteFeatures, first: number, rows: number) {
  const { values, width } = features;
  return tf.tidy(() =>
    tf
      .tensor2d(values.subarray(first * width, (first + rows) * width), [rows, width], 'int32')
      .toFloat()
      .div(255),
  ) as ReturnType<TF['tensor2d']>;
}
