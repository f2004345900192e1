import { z } from 'zod';
import {
  intBetween,
  ZDataset,
  ZEvaluation,
  ZExperiment,
  ZExperimentSpec,
  ZTrainingConfig,
} from './experiment';

/** Limits of a classical run: a class of 30 shares the workers, and k-NN compares every pair of images. */
export const CLASSICAL_LIMITS = {
  minTrainSize: 100,
  maxTrainSize: 20_000,
  maxTrees: 200,
  maxK: 25,
  maxC: 100,
};

/** The classical models of the "black box" workshop, each with the parameter a student may change. */
export const ZClassicalModel = z.discriminatedUnion(
  'algorithm',
  [
    z.strictObject({
      algorithm: z.literal('random-forest'),
      trees: intBetween(1, CLASSICAL_LIMITS.maxTrees, "Le nombre d'arbres"),
    }),
    z.strictObject({
      algorithm: z.literal('knn'),
      k: intBetween(1, CLASSICAL_LIMITS.maxK, 'Le nombre de voisins k'),
    }),
    z.strictObject({
      algorithm: z.literal('logistic-regression'),
      c: z
        .number({ error: 'La constante C doit être un nombre' })
        .gt(0, { error: 'La constante C doit être strictement positive' })
        .max(CLASSICAL_LIMITS.maxC, { error: `La constante C doit être au plus ${CLASSICAL_LIMITS.maxC}` }),
    }),
  ],
  { error: 'Modèle inconnu : random-forest, knn ou logistic-regression' },
);
export type TClassicalModel = z.infer<typeof ZClassicalModel>;

/** French names of the classical models, as the pages and default run names say them. */
export const CLASSICAL_MODEL_NAMES: Record<TClassicalModel['algorithm'], string> = {
  'random-forest': 'Forêt aléatoire',
  knn: 'k plus proches voisins',
  'logistic-regression': 'Régression logistique',
};

/** What a classical model sees: raw pixels, or the ink density of each 4 x 4 zone. */
export const ZClassicalFeatures = z.enum(['pixels', 'zones'], {
  error: 'Entrées inconnues : pixels ou zones',
});

/**
 * A classical run: trained on the same seeded subset as a network with the same `trainSize` and `seed` (its
 * training part: the validation images are left out, as the network's), evaluated on the whole test set.
 */
export const ZClassicalSpec = z.strictObject({
  name: ZExperimentSpec.shape.name,
  dataset: ZDataset.default('mnist'),
  features: ZClassicalFeatures.default('pixels'),
  model: ZClassicalModel,
  trainSize: intBetween(
    CLASSICAL_LIMITS.minTrainSize,
    CLASSICAL_LIMITS.maxTrainSize,
    "La taille du jeu d'entraînement",
  ),
  validationSplit: ZTrainingConfig.shape.validationSplit,
  seed: ZTrainingConfig.shape.seed,
});
/** What the client sends (defaults may be omitted). */
export type TClassicalSpecInput = z.input<typeof ZClassicalSpec>;
export type TClassicalSpec = z.infer<typeof ZClassicalSpec>;

export const ZClassicalResult = z.object({
  /** testLoss: the mean cross-entropy of the predicted probabilities, comparable with a network's. */
  evaluation: ZEvaluation,
  fitMs: z.number(),
  predictMs: z.number(),
});
export type TClassicalResult = z.infer<typeof ZClassicalResult>;

/** A classical run as the API shows it in lists: a network run's lifecycle fields, its spec and accuracy. */
export const ZClassicalRunSummary = ZExperiment.pick({
  id: true,
  name: true,
  userId: true,
  ownerName: true,
  classId: true,
  status: true,
  queuePosition: true,
  estimatedWaitMs: true,
  error: true,
  backend: true,
  device: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
}).extend({
  spec: ZClassicalSpec,
  testAccuracy: z.number().nullable(),
});
export type TClassicalRunSummary = z.infer<typeof ZClassicalRunSummary>;

/** One classical run, with its result once it succeeded. */
export const ZClassicalRun = ZClassicalRunSummary.extend({ result: ZClassicalResult.nullable() });
export type TClassicalRun = z.infer<typeof ZClassicalRun>;

/** The one parameter a student sets on a classical model: its trees, its k or its C. */
export function classicalParameter(model: TClassicalModel): number {
  switch (model.algorithm) {
    case 'random-forest':
      return model.trees;
    case 'knn':
      return model.k;
    case 'logistic-regression':
      return model.c;
  }
}

/** A classical run's default name: "Forêt aléatoire (100 arbres, zones)". */
export function classicalRunName({ model, features }: TClassicalSpec): string {
  const value = classicalParameter(model);
  const parameter =
    model.algorithm === 'random-forest'
      ? `${value} arbre${value > 1 ? 's' : ''}`
      : `${model.algorithm === 'knn' ? 'k' : 'C'} = ${value.toLocaleString('fr-FR')}`;
  return `${CLASSICAL_MODEL_NAMES[model.algorithm]} (${parameter}, ${features})`;
}
