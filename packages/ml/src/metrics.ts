import {
  f1Score,
  NUM_CLASSES,
  type TEvaluation,
  type TMistake,
  type TSamplePrediction,
} from '@dlclass/contracts';
import { PIXELS_PER_IMAGE, type TDigitSet } from './mnist';

/** confusion[trueDigit][predictedDigit] = count */
export function confusionMatrix(labels: ArrayLike<number>, predictions: ArrayLike<number>): number[][] {
  const matrix = Array.from({ length: NUM_CLASSES }, () => new Array<number>(NUM_CLASSES).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const row = matrix[labels[i] as number];
    const p = predictions[i] as number;
    if (row) row[p] = (row[p] ?? 0) + 1;
  }
  return matrix;
}

/** Precision, recall, F1 and support of each digit from a confusion matrix (0 when undefined). */
export function perClassScores(matrix: number[][]): TEvaluation['perClass'] {
  return matrix.map((row, digit) => {
    const truePositives = row[digit] ?? 0;
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((sum, r) => sum + (r[digit] ?? 0), 0);
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    return { digit, precision, recall, f1: f1Score(precision, recall), support };
  });
}

/**
 * Ten test digits to show with the model's answer: the first test image of each digit 0-9 (so every
 * class appears and the choice is the same for every run), with grey levels 0-255.
 */
export function samplePredictions(
  test: TDigitSet,
  predictions: ArrayLike<number>,
  confidences: ArrayLike<number>,
  count = NUM_CLASSES,
): TSamplePrediction[] {
  const chosen: number[] = [];
  for (let digit = 0; digit < NUM_CLASSES && chosen.length < count; digit++) {
    const index = test.labels.indexOf(digit);
    if (index >= 0 && index < predictions.length) chosen.push(index);
  }
  return chosen.map((testIndex) => ({
    testIndex,
    label: test.labels[testIndex] as number,
    prediction: predictions[testIndex] as number,
    confidence: confidences[testIndex] as number,
    pixels: Array.from(
      test.images.subarray(testIndex * PIXELS_PER_IMAGE, (testIndex + 1) * PIXELS_PER_IMAGE),
    ),
  }));
}

/** The full evaluation from the test predictions (the challenge is measured apart, on the model). */
export function evaluation(
  test: TDigitSet,
  result: { loss: number; predictions: ArrayLike<number>; confidences: ArrayLike<number> },
): TEvaluation {
  const labels = test.labels.subarray(0, result.predictions.length);
  const matrix = confusionMatrix(labels, result.predictions);
  const correct = matrix.reduce((sum, row, digit) => sum + (row[digit] ?? 0), 0);
  return {
    testAccuracy: labels.length === 0 ? 0 : correct / labels.length,
    testLoss: result.loss,
    confusionMatrix: matrix,
    perClass: perClassScores(matrix),
    samples: samplePredictions(test, result.predictions, result.confidences),
    mistakes: mostFrequentMistakes(test, result.predictions, matrix),
  };
}

/**
 * The confusions a model made most often (a true digit read as another), most frequent first, from its
 * confusion matrix, each with up to `examplesEach` of its test images (the first ones in the test set).
 */
export function mostFrequentMistakes(
  test: TDigitSet,
  predictions: ArrayLike<number>,
  matrix: number[][],
  count = 6,
  examplesEach = 3,
): TMistake[] {
  const pairs = matrix
    .flatMap((row, label) => row.map((times, prediction) => ({ label, prediction, count: times })))
    .filter((pair) => pair.label !== pair.prediction && pair.count > 0)
    .sort((a, b) => b.count - a.count || a.label - b.label || a.prediction - b.prediction)
    .slice(0, count);
  return pairs.map((pair) => {
    const examples: TMistake['examples'] = [];
    for (let i = 0; i < predictions.length && examples.length < examplesEach; i++) {
      if (test.labels[i] === pair.label && predictions[i] === pair.prediction)
        examples.push({
          testIndex: i,
          pixels: Array.from(test.images.subarray(i * PIXELS_PER_IMAGE, (i + 1) * PIXELS_PER_IMAGE)),
        });
    }
    return { ...pair, examples };
  });
}
