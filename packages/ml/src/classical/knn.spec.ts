import { loadMnist, selectBackend } from '../node';
import { digitFeatures } from './features';
import { NearestNeighbours } from './knn';
import { accuracyOf } from './predictions';

describe('NearestNeighbours', () => {
  it('votes among the k closest training samples', async () => {
    const { tf } = await selectBackend('cpu');
    const train = { values: new Uint8Array([0, 0, 10, 10, 250, 250, 240, 255]), count: 4, width: 2 };
    const labels = new Uint8Array([1, 1, 8, 8]);
    const knn = NearestNeighbours.train(tf, train, labels, 3);
    const probabilities = knn.predictProbabilities({
      values: new Uint8Array([5, 5, 245, 250]),
      count: 2,
      width: 2,
    });
    expect(Array.from(probabilities.subarray(0, 10)).map((p) => Number(p.toFixed(3)))).toEqual([
      0, 0.667, 0, 0, 0, 0, 0, 0, 0.333, 0,
    ]);
    expect(probabilities[18]).toBeCloseTo(2 / 3, 5);
    expect(() => NearestNeighbours.train(tf, train, labels, 5)).toThrow('k must be 1 to 4');
    expect(tf.memory().numTensors).toBe(0);
  });

  it('classifies MNIST on pixels and on zones far above chance', async () => {
    const { tf } = await selectBackend('wasm');
    const mnist = loadMnist();
    const train = { ...mnist.train, count: 2_000 };
    const test = { ...mnist.test, count: 500 };
    // scikit-learn's KNeighborsClassifier(3) on this split: 0.866 on pixels, 0.886 on zones
    for (const [kind, atLeast] of [
      ['pixels', 0.85],
      ['zones', 0.87],
    ] as const) {
      const knn = NearestNeighbours.train(tf, digitFeatures(train, kind), train.labels.subarray(0, 2_000), 3);
      const accuracy = accuracyOf(knn.predictProbabilities(digitFeatures(test, kind)), test.labels);
      expect(accuracy).toBeGreaterThan(atLeast);
    }
  });
});
