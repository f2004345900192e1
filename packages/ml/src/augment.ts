import { IMAGE_SIZE, type TAugmentation } from '@dlclass/contracts';
import { PIXELS_PER_IMAGE } from './mnist';

/** True when the augmentation changes images (absent, or both amplitudes at 0, means off). */
export function isAugmenting(augmentation: TAugmentation | undefined): augmentation is TAugmentation {
  return augmentation !== undefined && (augmentation.shift > 0 || augmentation.rotation > 0);
}

const CENTER = (IMAGE_SIZE - 1) / 2;

/** Pixel (x, y) of a 28x28 image, 0 outside it (the background of MNIST-like images). */
function at(image: Float32Array, x: number, y: number): number {
  if (x < 0 || y < 0 || x >= IMAGE_SIZE || y >= IMAGE_SIZE) return 0;
  return image[y * IMAGE_SIZE + x] as number;
}

/**
 * Moves every image of a batch (`count` images of 28x28, row-major, in place) by a random whole-pixel shift
 * in [-shift, shift] on each axis and a random rotation in [-rotation, rotation] degrees around the centre
 * (bilinear interpolation, black outside). `random` (seeded) draws three numbers per image, so the same seed
 * gives the same batches. The labels are untouched: a shifted or slightly rotated digit is the same digit.
 */
export function augmentImages(
  pixels: Float32Array,
  count: number,
  augmentation: TAugmentation,
  random: () => number,
): void {
  const source = new Float32Array(PIXELS_PER_IMAGE);
  for (let n = 0; n < count; n++) {
    const offset = n * PIXELS_PER_IMAGE;
    const dx = Math.round((random() * 2 - 1) * augmentation.shift);
    const dy = Math.round((random() * 2 - 1) * augmentation.shift);
    const angle = (((random() * 2 - 1) * augmentation.rotation) / 180) * Math.PI;
    if (dx === 0 && dy === 0 && angle === 0) continue;
    source.set(pixels.subarray(offset, offset + PIXELS_PER_IMAGE));
    moveImage(source, pixels, offset, dx, dy, angle);
  }
}

/**
 * Writes at `offset` of `target` the 28x28 `source` moved by (dx, dy) pixels and rotated by `angle` radians
 * around the centre (bilinear interpolation, black outside).
 */
export function moveImage(
  source: Float32Array,
  target: Float32Array,
  offset: number,
  dx: number,
  dy: number,
  angle: number,
): void {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let y = 0; y < IMAGE_SIZE; y++) {
    for (let x = 0; x < IMAGE_SIZE; x++) {
      // inverse mapping: where the output pixel comes from in the source image
      const ux = x - dx - CENTER;
      const uy = y - dy - CENTER;
      const sx = cos * ux + sin * uy + CENTER;
      const sy = -sin * ux + cos * uy + CENTER;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const top = at(source, x0, y0) * (1 - fx) + at(source, x0 + 1, y0) * fx;
      const bottom = at(source, x0, y0 + 1) * (1 - fx) + at(source, x0 + 1, y0 + 1) * fx;
      target[offset + y * IMAGE_SIZE + x] = top * (1 - fy) + bottom * fy;
    }
  }
}
