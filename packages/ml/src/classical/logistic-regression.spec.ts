import { loadMnist, selectBackend } from '../node';
import { digitFeatures } from './features';
import { LogisticRegression } from './logistic-regression';
import { accuracyOf } from './predictions';

describe('LogisticRegression', () => {
  it('classifies MNIST on pixels and on zones like scikit-learn, the same way for the same seed', async () => {
    const { tf } = await selectBackend('wasm');
    const mnist = loadMnist();
    const train = { ...mnist.train, count: 2_000 };
    const test = { ...mnist.test, count: 500 };
    const labels = train.labels.subarray(0, 2_000);
    const tensors = tf.memory().numTensors;
    // scikit-learn's LogisticRegression(max_iter=1000) on this split: 0.876 on pixels, 0.83 on zones
    const onPixels = LogisticRegression.train(tf, digitFeatures(train, 'pixels'), labels, { seed: 3 });
    const probabilities = onPixels.predictProbabilities(digitFeatures(test, 'pixels'));
    expect(accuracyOf(probabilities, test.labels)).toBeGreaterThan(0.85);
    const onZones = LogisticRegression.train(tf, digitFeatures(train, 'zones'), labels, { seed: 3 });
    expect(
      accuracyOf(onZones.predictProbabilities(digitFeatures(test, 'zones')), test.labels),
    ).toBeGreaterThan(0.8);
    const again = LogisticRegression.train(tf, digitFeatures(train, 'pixels'), labels, { seed: 3 });
    expect(again.predictProbabilities(digitFeatures(test, 'pixels'))).toEqual(probabilities);
    expect(tf.memory().numTensors).toBe(tensors);
  });
});
