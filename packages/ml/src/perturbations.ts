import { IMAGE_SIZE, type TPerturbation } from '@dlclass/contracts';
import { moveImage } from './augment';
import { gaussian, PIXELS_PER_IMAGE, seededRandom, type TDigitSet } from './mnist';

/** One modification at one strength (a strength of PERTURBATION_STRENGTHS, or any other in its unit). */
export interface TPerturbationSpec {
  kind: TPerturbation;
  strength: number;
}

const clampByte = (value: number) => (value <= 0 ? 0 : value >= 255 ? 255 : Math.round(value));

/**
 * A modified copy of a test set: every image changed by the same kind of modification at the same strength,
 * the labels kept. Deterministic: the same set, spec and seed give the same bytes (what is drawn per image,
 * such as a rotation's direction or the noise, comes from `seed`).
 */
export function perturbSet(set: TDigitSet, { kind, strength }: TPerturbationSpec, seed: number): TDigitSet {
  const { count } = set;
  const images = new Uint8Array(count * PIXELS_PER_IMAGE);
  const random = seededRandom(seed);
  const source = new Float32Array(PIXELS_PER_IMAGE);
  const moved = new Float32Array(PIXELS_PER_IMAGE);
  const work = new Uint8Array(PIXELS_PER_IMAGE);
  const partial = new Uint8Array(PIXELS_PER_IMAGE);
  for (let n = 0; n < count; n++) {
    const offset = n * PIXELS_PER_IMAGE;
    const image = set.images.subarray(offset, offset + PIXELS_PER_IMAGE);
    const out = images.subarray(offset, offset + PIXELS_PER_IMAGE);
    switch (kind) {
      case 'noise':
        for (let i = 0; i < PIXELS_PER_IMAGE; i++)
          out[i] = clampByte((image[i] as number) + gaussian(random) * strength * 255);
        break;
      case 'rotation':
      case 'shift': {
        const direction = random() * 2 * Math.PI;
        const dx = kind === 'shift' ? strength * Math.cos(direction) : 0;
        const dy = kind === 'shift' ? strength * Math.sin(direction) : 0;
        const angle = kind === 'rotation' ? ((direction < Math.PI ? 1 : -1) * strength * Math.PI) / 180 : 0;
        source.set(image);
        moveImage(source, moved, 0, dx, dy, angle);
        for (let i = 0; i < PIXELS_PER_IMAGE; i++) out[i] = clampByte(moved[i] as number);
        break;
      }
      case 'invert':
        // a share of the images, each either untouched or fully inverted (a half-inverted image is plain grey)
        if (random() < strength)
          for (let i = 0; i < PIXELS_PER_IMAGE; i++) out[i] = 255 - (image[i] as number);
        else out.set(image);
        break;
      case 'thicker':
      case 'thinner': {
        const pick = kind === 'thicker' ? Math.max : Math.min;
        out.set(image);
        for (let step = 0; step < Math.floor(strength); step++) {
          work.set(out);
          morphology(work, out, pick);
        }
        // a fraction of a pixel: that share of one more step, blended in (MNIST strokes are 2 to 3 pixels wide)
        const fraction = strength - Math.floor(strength);
        if (fraction > 0) {
          work.set(out);
          morphology(work, partial, pick);
          for (let i = 0; i < PIXELS_PER_IMAGE; i++)
            out[i] = clampByte((work[i] as number) * (1 - fraction) + (partial[i] as number) * fraction);
        }
        break;
      }
      case 'occlusion':
        out.set(image);
        occlude(out, strength, random);
        break;
    }
  }
  return { images, labels: set.labels.slice(0, count), count };
}

/**
 * One step of grey-level dilation (max) or erosion (min) over each pixel and its four neighbours: the strokes
 * grow or shrink by one pixel on each side. Outside the image counts as black.
 */
function morphology(source: Uint8Array, target: Uint8Array, pick: (...values: number[]) => number): void {
  const get = (x: number, y: number) =>
    x < 0 || y < 0 || x >= IMAGE_SIZE || y >= IMAGE_SIZE ? 0 : (source[y * IMAGE_SIZE + x] as number);
  for (let y = 0; y < IMAGE_SIZE; y++)
    for (let x = 0; x < IMAGE_SIZE; x++)
      target[y * IMAGE_SIZE + x] = pick(
        get(x, y),
        get(x - 1, y),
        get(x + 1, y),
        get(x, y - 1),
        get(x, y + 1),
      );
}

/** Blacks out a square of `share` of the image, centred at a random point of the central half (the digit). */
function occlude(image: Uint8Array, share: number, random: () => number): void {
  const side = Math.round(IMAGE_SIZE * Math.sqrt(share));
  const quarter = IMAGE_SIZE / 4;
  const centreX = quarter + random() * (IMAGE_SIZE / 2);
  const centreY = quarter + random() * (IMAGE_SIZE / 2);
  const left = Math.max(0, Math.round(centreX - side / 2));
  const top = Math.max(0, Math.round(centreY - side / 2));
  for (let y = top; y < Math.min(IMAGE_SIZE, top + side); y++)
    image.fill(0, y * IMAGE_SIZE + left, y * IMAGE_SIZE + Math.min(IMAGE_SIZE, left + side));
}
