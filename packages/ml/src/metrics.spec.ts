import { confusionMatrix, evaluation, perClassScores, samplePredictions } from './metrics';
import type { TDigitSet } from './mnist';

function fakeSet(labels: number[]): TDigitSet {
  const images = new Uint8Array(labels.length * 784);
  for (let i = 0; i < labels.length; i++) images.fill(i, i * 784, (i + 1) * 784);
  return { images, labels: Uint8Array.from(labels), count: labels.length };
}

describe('metrics', () => {
  it('counts the confusion matrix as [true digit][predicted digit]', () => {
    const matrix = confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0]);
    expect(matrix).toHaveLength(10);
    expect(matrix[0]?.slice(0, 3)).toEqual([1, 1, 0]);
    expect(matrix[1]?.slice(0, 3)).toEqual([0, 1, 0]);
    expect(matrix[2]?.slice(0, 3)).toEqual([1, 0, 2]);
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('computes precision, recall, F1 and support per digit, 0 when undefined', () => {
    const scores = perClassScores(confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0]));
    expect(scores[0]).toEqual({ digit: 0, precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(scores[1]).toEqual({ digit: 1, precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
    expect(scores[2]).toEqual({ digit: 2, precision: 1, recall: 2 / 3, f1: 0.8, support: 3 });
    expect(scores[9]).toEqual({ digit: 9, precision: 0, recall: 0, f1: 0, support: 0 });
  });

  it('picks the first test image of each digit as samples, with pixels 0-255', () => {
    const test = fakeSet([3, 3, 0, 1, 2, 4, 5, 6, 7, 8, 9, 9]);
    const predictions = [3, 5, 0, 1, 2, 4, 5, 6, 7, 8, 4, 9];
    const confidences = predictions.map((_, i) => i / 20);
    const samples = samplePredictions(test, predictions, confidences);
    expect(samples.map((s) => s.label)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(samples.map((s) => s.testIndex)).toEqual([2, 3, 4, 0, 5, 6, 7, 8, 9, 10]);
    expect(samples[9]).toMatchObject({ testIndex: 10, label: 9, prediction: 4, confidence: 0.5 });
    expect(samples[0]?.pixels).toHaveLength(784);
    expect(samples[0]?.pixels[0]).toBe(2);
  });

  it('builds the whole evaluation', () => {
    const test = fakeSet([0, 1, 2, 3]);
    const result = evaluation(test, {
      loss: 0.5,
      predictions: [0, 1, 2, 2],
      confidences: [0.9, 0.8, 0.7, 0.6],
    });
    expect(result.testAccuracy).toBe(0.75);
    expect(result.testLoss).toBe(0.5);
    expect(result.confusionMatrix[3]?.[2]).toBe(1);
    expect(result.perClass).toHaveLength(10);
    expect(result.samples).toHaveLength(4);
    expect(result.mistakes).toEqual([
      { label: 3, prediction: 2, count: 1, examples: [{ testIndex: 3, pixels: expect.any(Array) }] },
    ]);
  });
});
