import { z } from 'zod';
import { type TExperimentSpec, type TExperimentSpecInput, ZExperimentSpec } from './experiment';

/**
 * How a class's runs get their seed when their spec gives none: one seed for the whole class (identical runs
 * then give identical results, so they share one training: the default), or one seed per student (varied
 * results; every run is trained for itself).
 */
export const ZSeedMode = z.enum(['class', 'student'], {
  error: 'le mode de graine doit être « class » (une graine pour la classe) ou « student » (une par élève)',
});
export type TSeedMode = z.infer<typeof ZSeedMode>;
export const DEFAULT_SEED_MODE: TSeedMode = 'class';

/** The largest seed a spec accepts (ZTrainingConfig.seed). */
const MAX_SEED = 2 ** 31 - 1;

/**
 * A student's own seed in the one-seed-per-student mode: derived from the class seed and the student's id
 * (FNV-1a, 32 bits), so that the same student always gets the same one, and two students different ones.
 */
export function studentSeed(classSeed: number, userId: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${classSeed}:${userId}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % MAX_SEED;
}

/** The spec with its effective seed: its own when it gives one, else the given default. */
export function withSeed(spec: TExperimentSpec, seed: number): TExperimentSpec {
  return spec.training.seed === undefined ? { ...spec, training: { ...spec.training, seed } } : spec;
}

/** JSON with every object's keys sorted: equal values give equal texts, whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The identity of the computation a network run asks for: everything the worker's training reads from the
 * spec (dataset, layers, training settings with the seed, augmentation), defaults filled in, in a canonical
 * form. Two runs with the same identity train the same model: the run's name is left out, and so is an
 * augmentation that changes nothing (both amounts at 0, the same as none). Give it the spec with its
 * effective seed (see withSeed). Throws on a spec the contract refuses.
 */
export function trainingIdentity(spec: TExperimentSpecInput | TExperimentSpec): string {
  const { name: _name, ...parsed } = ZExperimentSpec.parse(spec);
  const { augmentation, ...training } = parsed.training;
  const augmented = augmentation && (augmentation.shift > 0 || augmentation.rotation > 0);
  return canonicalJson({ ...parsed, training: augmented ? { ...training, augmentation } : training });
}
