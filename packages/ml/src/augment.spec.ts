import { REFERENCE_EXPERIMENT, ZTrainingConfig } from '@dlclass/contracts';
import { augmentImages, isAugmenting } from './augment';
import { imagePixels, PIXELS_PER_IMAGE, pick, range, seededRandom } from './mnist';
import { loadMnist } from './node';

const mnist = loadMnist();
const batch = pick(mnist.train, range(0, 16));

describe('augmentImages', () => {
  it('moves every image of the batch, keeping its shape, range and (elsewhere) its label', () => {
    const original = imagePixels(batch, range(0, batch.count));
    const augmented = original.slice();
    augmentImages(augmented, batch.count, { shift: 3, rotation: 15 }, seededRandom(7));
    expect(augmented).toHaveLength(batch.count * PIXELS_PER_IMAGE);
    expect(augmented.every((v) => v >= 0 && v <= 1 + 1e-6)).toBe(true);
    let changed = 0;
    for (let n = 0; n < batch.count; n++) {
      const from = n * PIXELS_PER_IMAGE;
      const a = original.subarray(from, from + PIXELS_PER_IMAGE);
      const b = augmented.subarray(from, from + PIXELS_PER_IMAGE);
      if (a.some((v, i) => Math.abs(v - (b[i] as number)) > 1e-3)) changed++;
      // still a digit of about the same ink (a shift of 3 px keeps MNIST's centred digits in the frame)
      const ink = (xs: Float32Array) => xs.reduce((s, v) => s + v, 0);
      expect(ink(b)).toBeGreaterThan(ink(a) * 0.7);
    }
    expect(changed).toBeGreaterThanOrEqual(batch.count - 1);
    // augmentation works on pixels only: the labels of the set are untouched
    expect(batch.labels).toEqual(pick(mnist.train, range(0, 16)).labels);
  });

  it('is a pure whole-pixel shift when there is no rotation', () => {
    const image = new Float32Array(PIXELS_PER_IMAGE);
    image[14 * 28 + 14] = 1;
    // shift 4 with a random value of 1 on both axes: +4 px right and down
    augmentImages(image, 1, { shift: 4, rotation: 0 }, () => 1);
    expect(image[18 * 28 + 18]).toBeCloseTo(1, 6);
    expect(image.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
  });

  it('gives the same batches for the same seed', () => {
    const run = (seed: number) => {
      const pixels = imagePixels(batch, range(0, batch.count));
      augmentImages(pixels, batch.count, { shift: 2, rotation: 20 }, seededRandom(seed));
      return pixels;
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('is off by default', () => {
    const training = ZTrainingConfig.parse(REFERENCE_EXPERIMENT.training);
    expect(training.augmentation).toBeUndefined();
    expect(isAugmenting(training.augmentation)).toBe(false);
    expect(isAugmenting({ shift: 0, rotation: 0 })).toBe(false);
    expect(ZTrainingConfig.parse({ ...training, augmentation: {} }).augmentation).toEqual({
      shift: 0,
      rotation: 0,
    });
  });

  it('rejects amplitudes beyond the limits, in French', () => {
    const training = REFERENCE_EXPERIMENT.training;
    const result = ZTrainingConfig.safeParse({ ...training, augmentation: { shift: 5, rotation: 30 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Le décalage (en pixels) doit être au plus 4',
      "L'angle de rotation doit être au plus 20°",
    ]);
  });
});
