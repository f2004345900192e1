import {
  CHALLENGE_IMAGES,
  PERTURBATION_STRENGTHS,
  PERTURBATIONS,
  type TPerturbation,
  type TRobustness,
} from '@dlclass/contracts';
import { pick, range, type TDigitSet } from './mnist';
import { perturbSet } from './perturbations';

/** Every model of every student is tested on the same modified images: one seed for the challenge. */
const CHALLENGE_SEED = 2026;

export interface TChallengeSets {
  /** The first CHALLENGE_IMAGES of the test set, unmodified. */
  clean: TDigitSet;
  sets: readonly { kind: TPerturbation; strength: number; set: TDigitSet }[];
}

const built = new WeakMap<TDigitSet, TChallengeSets>();

/** The challenge's test sets for a test set, built once (a worker thread keeps them for every run). */
export function challengeSets(test: TDigitSet): TChallengeSets {
  let sets = built.get(test);
  if (!sets) {
    const clean = pick(test, range(0, Math.min(CHALLENGE_IMAGES, test.count)));
    const modified = PERTURBATIONS.flatMap((kind) =>
      PERTURBATION_STRENGTHS[kind].map((strength) => ({ kind, strength })),
    ).map(({ kind, strength }, index) => ({
      kind,
      strength,
      set: perturbSet(clean, { kind, strength }, CHALLENGE_SEED + index),
    }));
    sets = { clean, sets: modified };
    built.set(test, sets);
  }
  return sets;
}

/** A model's predicted class for each image of a set. */
export type TPredictClasses = (set: TDigitSet) => ArrayLike<number> | Promise<ArrayLike<number>>;

function accuracy(set: TDigitSet, predicted: ArrayLike<number>): number {
  let correct = 0;
  for (let i = 0; i < set.count; i++) if (predicted[i] === set.labels[i]) correct++;
  return set.count === 0 ? 0 : correct / set.count;
}

/** A trained model's accuracy on the challenge's clean images and on each modified set. */
export async function measureRobustness(test: TDigitSet, predict: TPredictClasses): Promise<TRobustness> {
  const { clean, sets } = challengeSets(test);
  const results: TRobustness['sets'] = [];
  for (const { kind, strength, set } of sets) {
    results.push({ kind, strength, accuracy: accuracy(set, await predict(set)) });
  }
  return { images: clean.count, clean: accuracy(clean, await predict(clean)), sets: results };
}
