import { z } from 'zod';

/**
 * How a class's run got its results when an identical run of the class (same model, training settings,
 * dataset and seed) had already asked for them: 'attached' to that run's training, queued or running (one
 * training, the same live curves and results for both), or 'reused' from one that had finished ("même
 * entraînement déjà calculé": answered at once; the student may still retrain it).
 */
export const ZRunSharing = z.enum(['attached', 'reused']);
export type TRunSharing = z.infer<typeof ZRunSharing>;
