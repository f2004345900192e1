import { NUM_CLASSES } from '@dlclass/contracts';

/** The most probable class of each sample (the first on ties), from NUM_CLASSES probabilities per sample. */
export function predictedClasses(probabilities: Float32Array): Uint8Array {
  const count = probabilities.length / NUM_CLASSES;
  const classes = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let k = 1; k < NUM_CLASSES; k++)
      if ((probabilities[i * NUM_CLASSES + k] as number) > (probabilities[i * NUM_CLASSES + best] as number))
        best = k;
    classes[i] = best;
  }
  return classes;
}

/** The share of samples whose most probable class is their label. */
export function accuracyOf(probabilities: Float32Array, labels: ArrayLike<number>): number {
  const classes = predictedClasses(probabilities);
  let correct = 0;
  for (let i = 0; i < classes.length; i++) if (classes[i] === labels[i]) correct++;
  return correct / classes.length;
}
