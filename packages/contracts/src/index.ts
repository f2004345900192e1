import { z } from 'zod';
import { fr } from 'zod/locales';

// zod's own messages ("Unrecognized key", "expected object"…) in French, for every process and the
// browser alike: all of them import the contracts before validating anything. The messages written
// in the schemas stay as they are.
z.config(fr());

export * from './admin';
export * from './auth';
export * from './classical';
export * from './content';
export * from './dataset';
export * from './errors';
export * from './experiment';
export * from './grading';
export * from './jobs';
export * from './lesson';
export * from './limits';
export * from './perturbation';
export * from './progress';
export * from './realtime';
export * from './rubric';
export * from './run-cost';
export * from './run-sharing';
export * from './shared-training';
