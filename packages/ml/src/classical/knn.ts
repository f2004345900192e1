import { NUM_CLASSES } from '@dlclass/contracts';
import type { TF } from '../architecture';
import { asMatrix } from './features';
import type { TByteFeatures } from './random-forest';

/** Test rows compared with the whole training set at once: bounds the distance matrix (rows x training). */
const ROWS_PER_BLOCK = 512;

/**
 * k nearest neighbours (Euclidean distance on the byte features): fitting keeps the training set; each
 * prediction votes among the k closest training samples, each vote weighing 1/k (scikit-learn's uniform
 * weights). Distances are ‖a‖² − 2 a·b + ‖b‖² (the matrix product runs on the tfjs backend).
 */
export class NearestNeighbours {
  private constructor(
    private readonly tf: TF,
    private readonly train: TByteFeatures,
    private readonly labels: Uint8Array,
    readonly k: number,
  ) {}

  static train(tf: TF, features: TByteFeatures, labels: Uint8Array, k: number): NearestNeighbours {
    if (labels.length !== features.count)
      throw new Error(`${features.count} samples but ${labels.length} labels`);
    if (!Number.isInteger(k) || k < 1 || k > features.count)
      throw new Error(`k must be 1 to ${features.count}`);
    return new NearestNeighbours(tf, features, labels, k);
  }

  /** Class probabilities, NUM_CLASSES per sample: the share of each class among the k neighbours. */
  predictProbabilities(features: TByteFeatures): Float32Array {
    const { tf, train, labels, k } = this;
    if (features.width !== train.width)
      throw new Error(`expected ${train.width} features, got ${features.width}`);
    const out = new Float32Array(features.count * NUM_CLASSES);
    // on the 0-1 scale the other models see too (the ranking of distances does not depend on it)
    const trainMatrix = asMatrix(tf, train, 0, train.count);
    const trainNorms = tf.tidy(() => trainMatrix.square().sum(1).expandDims(0));
    try {
      for (let first = 0; first < features.count; first += ROWS_PER_BLOCK) {
        const rows = Math.min(ROWS_PER_BLOCK, features.count - first);
        const nearest = tf.tidy(() => {
          const block = asMatrix(tf, features, first, rows);
          // ‖a‖² is the same for every candidate of a row: left out of the ranking
          const distances = trainNorms.sub(tf.matMul(block, trainMatrix, false, true).mul(2));
          return tf.topk(distances.neg(), k).indices;
        });
        const indices = nearest.dataSync();
        nearest.dispose();
        for (let r = 0; r < rows; r++) {
          const to = (first + r) * NUM_CLASSES;
          for (let j = 0; j < k; j++) {
            const label = labels[indices[r * k + j] as number] as number;
            out[to + label] = (out[to + label] as number) + 1 / k;
          }
        }
      }
    } finally {
      trainMatrix.dispose();
      trainNorms.dispose();
    }
    return out;
  }
}
