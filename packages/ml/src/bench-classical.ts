/** The classical side of `npm run bench`: our random forest against scikit-learn's on the same MNIST split. */
import { execFileSync } from 'node:child_process';
import { anchorScript, PYTHON } from './bench-anchors';
import { accuracyOf, digitFeatures, RandomForest } from './classical';
import type { TMnist } from './mnist';
import { defaultMnistDir } from './node';

export interface TForestSplit {
  /** The first `train` MNIST training images, the first `test` test images. */
  train: number;
  test: number;
  trees: number;
}

/** sklearn_anchor.py's defaults. */
export const FOREST_SPLIT: TForestSplit = { train: 10_000, test: 10_000, trees: 100 };
export const QUICK_FOREST_SPLIT: TForestSplit = { train: 2_000, test: 2_000, trees: 20 };

export interface TForestTimes {
  accuracy: number;
  fitSeconds: number;
  predictSeconds: number;
}

export interface TForestBenchLine extends TForestSplit, TForestTimes {
  model: 'random-forest';
  features: 'pixels';
  /** scikit-learn's RandomForestClassifier on the same split (`--sklearn`). */
  sklearn?: TForestTimes;
  /** Our fit time over scikit-learn's: 2 means twice as long. */
  fitTimeRatioToSklearn?: number;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Fits our forest on raw pixels of the split, single-threaded, and times it. */
export function forestBenchLine(mnist: TMnist, split: TForestSplit): TForestBenchLine {
  const train = digitFeatures({ ...mnist.train, count: split.train }, 'pixels');
  const test = digitFeatures({ ...mnist.test, count: split.test }, 'pixels');
  let started = performance.now();
  const forest = RandomForest.train(train, mnist.train.labels.subarray(0, split.train), {
    trees: split.trees,
    seed: 0,
  });
  const fitSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const probabilities = forest.predictProbabilities(test);
  const predictSeconds = (performance.now() - started) / 1000;
  return {
    model: 'random-forest',
    features: 'pixels',
    ...split,
    accuracy: round(accuracyOf(probabilities, mnist.test.labels), 4),
    fitSeconds: round(fitSeconds, 2),
    predictSeconds: round(predictSeconds, 2),
  };
}

/** scikit-learn's forest on the same split, 1 job: shared/bench/sklearn_anchor.py (SKLEARN_ANCHOR overrides). */
export function sklearnForest(split: TForestSplit): TForestTimes {
  const script = anchorScript('sklearn_anchor.py', process.env.SKLEARN_ANCHOR);
  const args = [
    defaultMnistDir(),
    '--train',
    `${split.train}`,
    '--test',
    `${split.test}`,
    '--trees',
    `${split.trees}`,
  ];
  const out = execFileSync(PYTHON, [script, ...args], { encoding: 'utf8' });
  const result = JSON.parse(out.trim().split('\n').pop() as string) as {
    accuracy: number;
    fit_s: number;
    predict_s: number;
  };
  return { accuracy: result.accuracy, fitSeconds: result.fit_s, predictSeconds: result.predict_s };
}
