import { z } from 'zod';

/** The modified test sets of the generalisation challenge (phase 2). */
export const ZPerturbation = z.enum(
  ['noise', 'rotation', 'shift', 'invert', 'thicker', 'thinner', 'occlusion'],
  {
    error: 'Modification inconnue : noise, rotation, shift, invert, thicker, thinner ou occlusion',
  },
);
export type TPerturbation = z.infer<typeof ZPerturbation>;
export const PERTURBATIONS = ZPerturbation.options;

/**
 * The strengths each modification is applied at, mildest first:
 * - noise: standard deviation of the Gaussian noise added to each pixel, as a share of full white;
 * - rotation: degrees, clockwise or anticlockwise (drawn per image);
 * - shift: pixels, in a direction drawn per image (sub-pixel moves are interpolated);
 * - invert: share of the images shown in inverted colours (a black digit on white), drawn per image;
 * - thicker, thinner: pixels added to or taken from each side of the strokes (a fraction blends in that share
 *   of one more pixel: MNIST strokes are 2 to 3 pixels wide, so thinning by 2 would erase most digits);
 * - occlusion: share of the image hidden by a black square placed over the digit.
 */
export const PERTURBATION_STRENGTHS: Record<TPerturbation, readonly [number, number, number]> = {
  noise: [0.15, 0.3, 0.5],
  rotation: [15, 30, 45],
  shift: [2, 4, 6],
  invert: [0.25, 0.5, 1],
  thicker: [1, 2, 3],
  thinner: [0.5, 1, 1.5],
  occlusion: [0.1, 0.2, 0.3],
};

/** The generalisation challenge's test images: the first ones of the test set, modified by each set. */
export const CHALLENGE_IMAGES = 1000;

/**
 * A trained model's accuracy on the challenge: on the CHALLENGE_IMAGES unmodified (`clean`), then on each
 * modified set (every modification at each of its strengths), measured at the end of the run.
 */
export const ZRobustness = z.object({
  images: z.number().int(),
  clean: z.number(),
  sets: z.array(z.object({ kind: ZPerturbation, strength: z.number(), accuracy: z.number() })),
});
export type TRobustness = z.infer<typeof ZRobustness>;

/** The most drawings of the class a classical model is tested on (the newest ones). */
export const REAL_WORLD_MAX_DRAWINGS = 500;

/**
 * The "real world" test set: digits the class drew on their canvases, kept with their authors' consent and the
 * digit they meant; a classical model's answers on them, measured when it trained.
 */
export const ZRealWorld = z.object({
  drawingIds: z.array(z.uuid()),
  labels: z.array(z.number().int().min(0).max(9)),
  predictions: z.array(z.number().int().min(0).max(9)),
});
export type TRealWorld = z.infer<typeof ZRealWorld>;

/** One drawing of the real-world set, as GET /api/classical-runs/:id/real-world serves it. */
export const ZRealWorldDrawing = z.object({
  id: z.uuid(),
  intended: z.number().int().min(0).max(9),
  /** The classical model's answer. */
  predicted: z.number().int().min(0).max(9),
  pixels: z.array(z.number().int().min(0).max(255)),
});
export type TRealWorldDrawing = z.infer<typeof ZRealWorldDrawing>;
