import { NUM_CLASSES } from '@dlclass/contracts';
import type { TF } from '../architecture';
import { seededRandom, shuffleInPlace } from '../mnist';
import { asMatrix } from './features';
import type { TByteFeatures } from './random-forest';

export interface TLogisticRegressionOptions {
  /** Inverse of the L2 penalty, as scikit-learn's C (default 1). */
  c?: number;
  epochs?: number;
  seed: number;
}

const BATCH = 128;

/**
 * Multinomial logistic regression on the features scaled to 0-1: one weight per (feature, class) and a bias
 * per class, a softmax over the ten scores. Fitted by minimising scikit-learn's objective divided by the
 * sample count (mean cross-entropy + ‖W‖² / (2·C·n)) with Adam on shuffled mini-batches, from zero weights:
 * the problem is convex, so the result does not depend on an initialisation.
 */
export class LogisticRegression {
  private constructor(
    private readonly tf: TF,
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
    readonly width: number,
  ) {}

  static train(
    tf: TF,
    features: TByteFeatures,
    labels: Uint8Array,
    options: TLogisticRegressionOptions,
  ): LogisticRegression {
    const { count, width } = features;
    if (labels.length !== count) throw new Error(`${count} samples but ${labels.length} labels`);
    const penalty = 1 / ((options.c ?? 1) * count);
    const w = tf.tidy(() => tf.variable(tf.zeros([width, NUM_CLASSES])));
    const b = tf.tidy(() => tf.variable(tf.zeros([NUM_CLASSES])));
    const optimizer = tf.train.adam(0.01);
    const x = asMatrix(tf, features, 0, count);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES).toFloat());
    const order = new Int32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    const random = seededRandom(options.seed);
    try {
      for (let epoch = 0; epoch < (options.epochs ?? 30); epoch++) {
        shuffleInPlace(order, random);
        for (let first = 0; first < count; first += BATCH) {
          tf.tidy(() => {
            const batch = tf.tensor1d(order.subarray(first, Math.min(count, first + BATCH)), 'int32');
            const xs = tf.gather(x, batch);
            const ys = tf.gather(y, batch);
            optimizer.minimize(() =>
              tf.losses.softmaxCrossEntropy(ys, xs.matMul(w).add(b)).add(
                w
                  .square()
                  .sum()
                  .mul(penalty / 2),
              ),
            );
          });
        }
      }
      return new LogisticRegression(tf, w.dataSync() as Float32Array, b.dataSync() as Float32Array, width);
    } finally {
      for (const t of [w, b, x, y]) t.dispose();
      optimizer.dispose();
    }
  }

  /** Class probabilities, NUM_CLASSES per sample (softmax of the scores). */
  predictProbabilities(features: TByteFeatures): Float32Array {
    const { tf } = this;
    if (features.width !== this.width)
      throw new Error(`expected ${this.width} features, got ${features.width}`);
    const probabilities = tf.tidy(() =>
      tf.softmax(
        asMatrix(tf, features, 0, features.count)
          .matMul(tf.tensor2d(this.weights, [this.width, NUM_CLASSES]))
          .add(tf.tensor1d(this.bias)),
      ),
    );
    try {
      return probabilities.dataSync() as Float32Array;
    } finally {
      probabilities.dispose();
    }
  }
}
