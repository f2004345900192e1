import { CHALLENGE_IMAGES, PERTURBATIONS, ZClassicalSpec } from '@dlclass/contracts';
import { loadMnist, selectBackend } from '../node';
import { DEFAULT_SEED } from '../train';
import { runClassical } from './run';

describe('runClassical', () => {
  const mnist = loadMnist();

  it('trains a forest on the seeded split and evaluates it on the whole test set, like a network', async () => {
    const { tf } = await selectBackend('cpu');
    const spec = ZClassicalSpec.parse({ model: { algorithm: 'random-forest', trees: 10 }, trainSize: 1_000 });
    const result = await runClassical(tf, spec, mnist);
    const { evaluation } = result;
    expect(evaluation.testAccuracy).toBeGreaterThan(0.75);
    expect(evaluation.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(evaluation.perClass).toHaveLength(10);
    expect(evaluation.samples).toHaveLength(10);
    expect(evaluation.testLoss).toBeGreaterThan(0);
    expect(result.fitMs).toBeGreaterThanOrEqual(0);

    // the most frequent confusions first, each with test images of that very confusion
    const counts = (result.evaluation.mistakes ?? []).map((m) => m.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(result.evaluation.mistakes?.length).toBeGreaterThan(0);
    for (const mistake of result.evaluation.mistakes ?? []) {
      expect(mistake.label).not.toBe(mistake.prediction);
      expect(evaluation.confusionMatrix[mistake.label]?.[mistake.prediction]).toBe(mistake.count);
      for (const example of mistake.examples) {
        expect(mnist.test.labels[example.testIndex]).toBe(mistake.label);
        expect(example.pixels).toHaveLength(784);
      }
    }

    // and on the generalisation challenge: every modification at each strength, on the same clean images
    const { robustness } = evaluation;
    expect(robustness?.images).toBe(CHALLENGE_IMAGES);
    expect(robustness?.sets).toHaveLength(PERTURBATIONS.length * 3);
    expect(robustness?.clean).toBeCloseTo(evaluation.testAccuracy, 1);
    const noise = robustness?.sets.filter((set) => set.kind === 'noise').map((set) => set.accuracy);
    expect(noise?.[2]).toBeLessThan(robustness?.clean ?? 0);

    // the class's drawings, answered by the same model: here, the ten sample test images drawn again
    const drawings = evaluation.samples.map((sample, i) => ({
      id: `00000000-0000-4000-8000-00000000000${i}`,
      pixels: Uint8Array.from(sample.pixels),
      intended: sample.label,
    }));
    const withDrawings = await runClassical(tf, spec, mnist, drawings);
    expect(withDrawings.evaluation.realWorld).toEqual({
      drawingIds: drawings.map((d) => d.id),
      labels: evaluation.samples.map((sample) => sample.label),
      predictions: evaluation.samples.map((sample) => sample.prediction),
    });
    expect(evaluation.realWorld).toBeUndefined();

    // no seed: the networks' default one, so the same split and the same forest
    const seeded = await runClassical(tf, { ...spec, seed: DEFAULT_SEED }, mnist);
    expect(seeded.evaluation).toEqual(evaluation);
  });

  it('runs k nearest neighbours on zone densities', async () => {
    const { tf } = await selectBackend('wasm');
    const spec = ZClassicalSpec.parse({
      model: { algorithm: 'knn', k: 3 },
      features: 'zones',
      trainSize: 1_000,
      seed: 5,
    });
    const tensors = tf.memory().numTensors;
    expect((await runClassical(tf, spec, mnist)).evaluation.testAccuracy).toBeGreaterThan(0.8);
    expect(tf.memory().numTensors).toBe(tensors);
  });
});
