import type { TLayerSummary, TTrainingConfig } from './experiment';
import { MNIST_TEST_SIZE } from './limits';

/**
 * Multiply-accumulates per second the slowest backend a classroom worker runs (wasm, one thread) sustains
 * while training, a forward pass counting once and a backward pass twice (docs/benchmarks.md: the lesson CNN,
 * 2.56 M MACs a sample, trains about 1,000 images/s, i.e. 7.7e9; the MLP 784-128-10, 0.1 M MACs, 15,000
 * images/s, i.e. 4.6e9). Between the two; faster backends (tfjs-node, GPU) finish well before the estimate.
 */
export const TRAINING_MACS_PER_SECOND = 6e9;
/** Loading the data and building the model, once per run. */
export const RUN_OVERHEAD_S = 5;

/**
 * Multiply-accumulates of one forward pass: a dense layer's weights once, a convolution's at every output
 * position (parameters × height × width of its output; bias counted as a weight, which is close enough).
 */
export function forwardMacs(layers: readonly TLayerSummary[]): number {
  return layers.reduce((sum, layer) => {
    const [height, width] = layer.outputShape;
    return (
      sum +
      (layer.outputShape.length === 3 && height && width
        ? layer.parameters * height * width
        : layer.parameters)
    );
  }, 0);
}

/**
 * The estimated wall time of a network's run, in seconds: its training images × epochs (a backward pass costs
 * about twice the forward one) plus the validation and test passes, at TRAINING_MACS_PER_SECOND.
 */
export function estimateRunSeconds(layers: readonly TLayerSummary[], training: TTrainingConfig): number {
  const macs = forwardMacs(layers);
  const validation = Math.round(training.trainSize * training.validationSplit);
  const trainImages = training.trainSize - validation;
  const passes = trainImages * training.epochs * 3 + validation * training.epochs + MNIST_TEST_SIZE;
  return Math.ceil(RUN_OVERHEAD_S + (passes * macs) / TRAINING_MACS_PER_SECOND);
}
