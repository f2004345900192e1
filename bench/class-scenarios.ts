/** The runs of `npm run bench:class`'s scenarios (bench/class.ts), and how its estimates are scored. */
import { MISSIONS } from '@dlclass/content';
import {
  DEFAULT_CLASS_RUN_DEFAULTS,
  REFERENCE_EXPERIMENT,
  type TExperimentSpec,
  type TLayer,
  type TRunSize,
} from '@dlclass/contracts';

export type TScenario = 'hello' | 'challenge';

/** The reference run at a run size (what the Hello World and the challenge's editors start from). */
export function referenceAt(size: TRunSize): TExperimentSpec {
  return { ...REFERENCE_EXPERIMENT, training: { ...REFERENCE_EXPERIMENT.training, ...size } };
}

/** The Hello World's default run of a class that kept the defaults: every student the same. */
export const helloSpec = (size: TRunSize = DEFAULT_CLASS_RUN_DEFAULTS.hello): TExperimentSpec =>
  referenceAt(size);

/** The missions that change the layer list, by value (the others set the value at their parameter's path). */
const LAYER_CHANGES: Record<string, (layers: TLayer[]) => TLayer[]> = {
  'un seul bloc de convolution': (layers) => [...layers.slice(0, 2), ...layers.slice(4)],
  'deux blocs + une couche dense de plus': (layers) => [
    ...layers,
    { type: 'dense', units: 64, activation: 'relu' },
  ],
  'dropout 0,25': (layers) => [...layers, { type: 'dropout', rate: 0.25 }],
  'dropout 0,5': (layers) => [...layers, { type: 'dropout', rate: 0.5 }],
};

/** A copy of `spec` with `value` at `path` ('training.epochs', 'model.layers.0.filters'). */
function withValue(spec: TExperimentSpec, path: string, value: unknown): TExperimentSpec {
  const copy = structuredClone(spec) as unknown as Record<string, unknown>;
  const parts = path.split('.');
  let node = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1) as string] = value;
  return copy as unknown as TExperimentSpec;
}

/**
 * Every one-setting change the guided challenge's missions ask for (their values other than the
 * reference's), on the reference run at `size`; named after the mission and value.
 */
export function challengeVariants(
  size: TRunSize = DEFAULT_CLASS_RUN_DEFAULTS.challenge,
): { name: string; spec: TExperimentSpec }[] {
  const reference = referenceAt(size);
  return MISSIONS.flatMap((mission) =>
    mission.values.slice(1).map((value) => {
      const change = typeof value === 'string' ? LAYER_CHANGES[value] : undefined;
      const spec = change
        ? { ...reference, model: { layers: change(reference.model.layers) } }
        : withValue(reference, mission.parameter, value);
      return { name: `${mission.id}=${value}`, spec };
    }),
  );
}

/**
 * The challenge's class: student i takes the i-th variant, round the list again when the class is larger
 * (students of a class share the missions, and two identical runs share one training).
 */
export function challengeSpecs(students: number, size?: TRunSize): { name: string; spec: TExperimentSpec }[] {
  const variants = challengeVariants(size);
  return Array.from(
    { length: students },
    (_, i) => variants[i % variants.length] as (typeof variants)[number],
  );
}

/** How far an estimate was from what happened, relative to it happening (0.25: 25 % off). */
export function relativeError(estimatedMs: number, actualMs: number): number {
  return Math.abs(estimatedMs - actualMs) / Math.max(actualMs, 1);
}

/**
 * An estimate within ±30 % of the real time, or within a second of it (a wait of a few hundred milliseconds
 * estimated at zero is right, whatever its relative error).
 */
export function estimateWithin(estimatedMs: number, actualMs: number, tolerance = 0.3): boolean {
  return Math.abs(estimatedMs - actualMs) <= Math.max(tolerance * actualMs, 1_000);
}
