import { NUM_CLASSES, type TClassicalResult, type TClassicalSpec } from '@dlclass/contracts';
import type { TF } from '../architecture';
import { evaluation } from '../metrics';
import { digitSetOf, sampleTrainingData, type TDigitSet, type TMnist } from '../mnist';
import { measureRobustness } from '../robustness';
// a spec without a seed uses the networks' default: both then see the same split
import { DEFAULT_SEED } from '../train';
import { digitFeatures } from './features';
import { NearestNeighbours } from './knn';
import { LogisticRegression } from './logistic-regression';
import { predictedClasses } from './predictions';
import { RandomForest } from './random-forest';

/** A digit a student drew (784 grey levels) and the digit they meant. */
export interface TLabelledDrawing {
  id: string;
  pixels: Uint8Array;
  intended: number;
}

/**
 * A classical run from start to end: the spec's seeded training subset (its validation part left out, as a
 * network leaves it out), features, fit, predictions on the whole test set, and the same evaluation as a
 * network's (its loss: the mean cross-entropy of the predicted probabilities) and the generalisation challenge.
 */
export async function runClassical(
  tf: TF,
  spec: TClassicalSpec,
  data: TMnist,
  /** The class's consented drawings with the digit meant: the "real world" test set. */
  drawings: readonly TLabelledDrawing[] = [],
): Promise<TClassicalResult> {
  const seed = spec.seed ?? DEFAULT_SEED;
  const { train } = sampleTrainingData(data.train, {
    trainSize: spec.trainSize,
    validationSplit: spec.validationSplit,
    seed,
  });
  const features = digitFeatures(train, spec.features);
  const testFeatures = digitFeatures(data.test, spec.features);
  const labels = train.labels.subarray(0, train.count);

  let started = performance.now();
  const { model } = spec;
  const fitted =
    model.algorithm === 'random-forest'
      ? RandomForest.train(features, labels, { trees: model.trees, seed })
      : model.algorithm === 'knn'
        ? NearestNeighbours.train(tf, features, labels, Math.min(model.k, train.count))
        : LogisticRegression.train(tf, features, labels, { c: model.c, seed });
  const fitMs = performance.now() - started;
  started = performance.now();
  const probabilities = fitted.predictProbabilities(testFeatures);
  const predictMs = performance.now() - started;

  const predictions = predictedClasses(probabilities);
  const confidences = new Float32Array(data.test.count);
  let loss = 0;
  for (let i = 0; i < data.test.count; i++) {
    confidences[i] = probabilities[i * NUM_CLASSES + (predictions[i] as number)] as number;
    const p = probabilities[i * NUM_CLASSES + (data.test.labels[i] as number)] as number;
    loss -= Math.log(Math.max(p, 1e-7));
  }
  const evaluated = evaluation(data.test, { loss: loss / data.test.count, predictions, confidences });
  const predict = (set: TDigitSet) =>
    predictedClasses(fitted.predictProbabilities(digitFeatures(set, spec.features)));
  const robustness = await measureRobustness(data.test, predict);
  const realWorld =
    drawings.length === 0
      ? undefined
      : {
          drawingIds: drawings.map((drawing) => drawing.id),
          labels: drawings.map((drawing) => drawing.intended),
          predictions: Array.from(
            predict(
              digitSetOf(drawings.map((drawing) => ({ pixels: drawing.pixels, label: drawing.intended }))),
            ),
          ),
        };
  return {
    evaluation: { ...evaluated, robustness, ...(realWorld ? { realWorld } : {}) },
    fitMs: Math.round(fitMs),
    predictMs: Math.round(predictMs),
  };
}
