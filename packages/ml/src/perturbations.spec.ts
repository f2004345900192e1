import { PERTURBATION_STRENGTHS, PERTURBATIONS } from '@dlclass/contracts';
import { accuracyOf, digitFeatures, RandomForest } from './classical';
import { PIXELS_PER_IMAGE, pick, range } from './mnist';
import { loadMnist } from './node';
import { perturbSet } from './perturbations';

const mnist = loadMnist();
const test = pick(mnist.test, range(0, 300));
const ink = (images: Uint8Array) => images.reduce((sum, value) => sum + value, 0);

describe('perturbSet', () => {
  it('keeps the count and the labels, and gives the same bytes for the same seed', () => {
    for (const kind of PERTURBATIONS) {
      const strength = PERTURBATION_STRENGTHS[kind][1];
      const changed = perturbSet(test, { kind, strength }, 5);
      expect(changed.count).toBe(300);
      expect(changed.images).toHaveLength(300 * PIXELS_PER_IMAGE);
      expect(changed.labels).toEqual(test.labels);
      expect(changed.images).not.toEqual(test.images);
      expect(perturbSet(test, { kind, strength }, 5).images).toEqual(changed.images);
    }
    // what is drawn per image depends on the seed
    for (const kind of ['noise', 'rotation', 'shift', 'invert', 'occlusion'] as const) {
      const strength = PERTURBATION_STRENGTHS[kind][1];
      expect(perturbSet(test, { kind, strength }, 6).images).not.toEqual(
        perturbSet(test, { kind, strength }, 5).images,
      );
    }
  });

  it('does what each modification says', () => {
    const inverted = perturbSet(test, { kind: 'invert', strength: 1 }, 1).images;
    expect(inverted.every((value, i) => value === 255 - (test.images[i] as number))).toBe(true);
    // a quarter of the images inverted, the others untouched
    const some = perturbSet(test, { kind: 'invert', strength: 0.25 }, 1).images;
    const invertedImages = Array.from({ length: test.count }, (_, n) => n).filter(
      (n) => some[n * PIXELS_PER_IMAGE] !== test.images[n * PIXELS_PER_IMAGE],
    ).length;
    expect(invertedImages / test.count).toBeCloseTo(0.25, 1);
    const original = ink(test.images);
    expect(ink(perturbSet(test, { kind: 'thicker', strength: 1 }, 1).images)).toBeGreaterThan(original * 1.5);
    const thinned = ink(perturbSet(test, { kind: 'thinner', strength: 1 }, 1).images);
    expect(thinned).toBeLessThan(original * 0.6);
    // half a pixel: half-way between the digit and its one-pixel erosion
    const half = ink(perturbSet(test, { kind: 'thinner', strength: 0.5 }, 1).images);
    expect(half / ((original + thinned) / 2)).toBeCloseTo(1, 2);
    expect(ink(perturbSet(test, { kind: 'occlusion', strength: 0.3 }, 1).images)).toBeLessThan(
      original * 0.8,
    );
    // the noise's standard deviation, measured on the black background (no clipping at the top)
    const noisy = perturbSet(test, { kind: 'noise', strength: 0.1 }, 1).images;
    const background = [...noisy].filter((_, i) => test.images[i] === 0);
    const mean = background.reduce((a, b) => a + b, 0) / background.length;
    // half the draws are clipped to 0: the mean of |N(0, 25.5)| over the positive half is 25.5·√(2/π)/2
    expect(mean).toBeCloseTo((25.5 * Math.sqrt(2 / Math.PI)) / 2, 0);
    // a shift moves the ink's centre by the strength, in a direction drawn per image
    const centre = (image: Uint8Array) => {
      let x = 0;
      let y = 0;
      image.forEach((value, i) => {
        x += (i % 28) * value;
        y += Math.floor(i / 28) * value;
      });
      return [x / ink(image), y / ink(image)] as const;
    };
    const moved = perturbSet(test, { kind: 'shift', strength: 4 }, 1).images;
    for (const n of [0, 1, 2]) {
      const [x0, y0] = centre(test.images.subarray(n * PIXELS_PER_IMAGE, (n + 1) * PIXELS_PER_IMAGE));
      const [x1, y1] = centre(moved.subarray(n * PIXELS_PER_IMAGE, (n + 1) * PIXELS_PER_IMAGE));
      expect(Math.hypot(x1 - x0, y1 - y0)).toBeCloseTo(4, 0);
    }
  });

  it('makes a fixed model less accurate as the strength rises', () => {
    const forest = RandomForest.train(
      digitFeatures(pick(mnist.train, range(0, 2_000)), 'pixels'),
      mnist.train.labels.subarray(0, 2_000),
      { trees: 20, seed: 1 },
    );
    const accuracy = (set: typeof test) =>
      accuracyOf(forest.predictProbabilities(digitFeatures(set, 'pixels')), set.labels);
    const clean = accuracy(test);
    expect(clean).toBeGreaterThan(0.8);
    for (const kind of PERTURBATIONS) {
      const [mild, medium, strong] = PERTURBATION_STRENGTHS[kind].map((strength) =>
        accuracy(perturbSet(test, { kind, strength }, 1)),
      ) as [number, number, number];
      expect({ kind, fallsFromClean: mild < clean, thenFalls: medium <= mild && strong < medium }).toEqual({
        kind,
        fallsFromClean: true,
        thenFalls: true,
      });
    }
  });
});
