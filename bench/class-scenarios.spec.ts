import { DEFAULT_CLASS_RUN_DEFAULTS, REFERENCE_EXPERIMENT, ZExperimentSpec } from '@dlclass/contracts';
import { challengeSpecs, challengeVariants, estimateWithin, helloSpec } from './class-scenarios';

/** The settings where two specs differ, as paths. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return a === b ? [] : [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) =>
    differences(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      path ? `${path}.${key}` : key,
    ),
  );
}

describe('bench:class scenarios', () => {
  it('hello: the reference run at the class default size (the lesson run)', () => {
    expect(helloSpec()).toEqual({
      ...REFERENCE_EXPERIMENT,
      training: { ...REFERENCE_EXPERIMENT.training, ...DEFAULT_CLASS_RUN_DEFAULTS.hello },
    });
  });

  it('challenge: every mission value but the reference, each one setting away from the reference at the challenge size', () => {
    const reference = {
      ...REFERENCE_EXPERIMENT,
      training: { ...REFERENCE_EXPERIMENT.training, ...DEFAULT_CLASS_RUN_DEFAULTS.challenge },
    };
    const variants = challengeVariants();
    expect(variants).toHaveLength(21);
    expect(new Set(variants.map((v) => JSON.stringify(v.spec))).size).toBe(21);
    for (const { name, spec } of variants) {
      expect(ZExperimentSpec.safeParse(spec).success).toBe(true);
      const changed = differences(reference, spec);
      // one setting: a value, or the layer list (a block removed, a layer added)
      expect(changed.length === 1 || changed.every((path) => path.startsWith('model.layers'))).toBe(true);
      expect(changed.length).toBeGreaterThan(0);
      expect(name).toMatch(/^[a-z-]+=/);
    }
    expect(variants.find((v) => v.name === 'epochs=10')?.spec.training).toMatchObject({
      epochs: 10,
      trainSize: 20_000,
    });
  });

  it('challenge: a class larger than the missions takes them round again', () => {
    const specs = challengeSpecs(30);
    expect(specs).toHaveLength(30);
    expect(specs[21]).toEqual(specs[0]);
  });

  it('an estimate is right within ±30 % or within a second', () => {
    expect(estimateWithin(130_000, 100_000)).toBe(true);
    expect(estimateWithin(131_000, 100_000)).toBe(false);
    expect(estimateWithin(0, 900)).toBe(true);
    expect(estimateWithin(0, 2_000)).toBe(false);
  });
});
