import { IMAGE_SIZE, type TExperimentSpec, type TLayerSummary } from '@dlclass/contracts';

const FLOAT_BYTES = 4;
/** Weights, their gradients and the optimizer's two moments (Adam; the others keep fewer). */
const COPIES_PER_WEIGHT = 4;
/** Activations, their gradients and the kernels' temporaries, per value a batch flows through. */
const COPIES_PER_ACTIVATION = 3;

/**
 * Tensor memory one training step needs, from the model's plan: weights with their gradients and optimizer
 * state, plus every layer's output for one batch with its gradient. An estimate (the backend adds its own
 * temporaries), made before training so a run that cannot fit fails at once instead of taking the worker down.
 */
export function estimateTrainingMemoryBytes(
  spec: Pick<TExperimentSpec, 'training'>,
  layers: readonly Pick<TLayerSummary, 'type' | 'outputShape' | 'parameters'>[],
): number {
  const parameters = layers.reduce((sum, l) => sum + l.parameters, 0);
  // a flatten is a reshape: it shares its input's memory
  const values = layers
    .filter((l) => l.type !== 'flatten')
    .reduce((sum, l) => sum + l.outputShape.reduce((product, d) => product * d, 1), IMAGE_SIZE * IMAGE_SIZE);
  return (
    FLOAT_BYTES * (COPIES_PER_WEIGHT * parameters + COPIES_PER_ACTIVATION * spec.training.batchSize * values)
  );
}

/** Bytes as the French reason shows them (Mo, rounded up). */
export function formatMegabytes(bytes: number): string {
  return `${Math.ceil(bytes / 2 ** 20)} Mo`;
}
