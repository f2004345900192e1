import { CHALLENGE_IMAGES, PERTURBATION_STRENGTHS, PERTURBATIONS } from '@dlclass/contracts';
import { pick, range } from './mnist';
import { loadMnist } from './node';
import { perturbSet } from './perturbations';
import { challengeSets, measureRobustness } from './robustness';

const mnist = loadMnist();

describe('the generalisation challenge', () => {
  it('modifies the first test images by every modification at each strength, once per test set', () => {
    const { clean, sets } = challengeSets(mnist.test);
    expect(clean.count).toBe(CHALLENGE_IMAGES);
    expect(clean.images).toEqual(mnist.test.images.subarray(0, CHALLENGE_IMAGES * 784));
    expect(sets.map(({ kind, strength }) => [kind, strength])).toEqual(
      PERTURBATIONS.flatMap((kind) => PERTURBATION_STRENGTHS[kind].map((strength) => [kind, strength])),
    );
    for (const { set } of sets) expect(set.labels).toEqual(clean.labels);
    // each set has its own draws: two modifications of one kind are not the same images at two strengths
    const [mild, medium] = sets.filter((s) => s.kind === 'rotation');
    expect(mild?.set.images).not.toEqual(perturbSet(clean, { kind: 'rotation', strength: 15 }, 0).images);
    expect(medium?.set.images).not.toEqual(mild?.set.images);
    expect(challengeSets(mnist.test)).toBe(challengeSets(mnist.test));
  });

  it("measures a model's accuracy on the clean images and on each modified set", async () => {
    const small = pick(mnist.test, range(0, 50));
    // a "model" that answers 7 to everything: right exactly on the sevens, whatever the modification
    const sevens = small.labels.filter((label) => label === 7).length / small.count;
    const robustness = await measureRobustness(small, (set) => new Uint8Array(set.count).fill(7));
    expect(robustness.images).toBe(50);
    expect(robustness.clean).toBeCloseTo(sevens);
    expect(robustness.sets).toHaveLength(PERTURBATIONS.length * 3);
    for (const set of robustness.sets) expect(set.accuracy).toBeCloseTo(sevens);
    // a model that is always right
    const perfect = await measureRobustness(small, (set) => set.labels);
    expect([perfect.clean, ...perfect.sets.map((set) => set.accuracy)]).toEqual(Array(22).fill(1));
  });
});
