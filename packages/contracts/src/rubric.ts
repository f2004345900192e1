import { z } from 'zod';

/** BTS SIO SLAM competences assessed by the lesson. */
export const ZCompetence = z.enum(['B1.3', 'B2.2', 'B2.3', 'B3.2']);
export type TCompetence = z.infer<typeof ZCompetence>;
export const COMPETENCES = ZCompetence.options;

/** Where a student stands on a competence (non acquis / en cours d'acquisition / acquis). */
export const ZCompetenceLevel = z.enum(['not-acquired', 'in-progress', 'acquired'], {
  error: 'Niveau inconnu : non acquis, en cours d’acquisition ou acquis',
});
export type TCompetenceLevel = z.infer<typeof ZCompetenceLevel>;

export const ZCriterionId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, {
  error: 'Identifiant de critère invalide (minuscules, chiffres et tirets, 40 caractères au plus)',
});

/** Points are given in half points. */
export const isHalfPoint = (value: number) => Number.isInteger(value * 2);

export const ZRubricCriterion = z.strictObject({
  id: ZCriterionId,
  label: z
    .string()
    .trim()
    .min(1, { error: 'Donnez un intitulé au critère' })
    .max(120, { error: 'L’intitulé d’un critère ne peut pas dépasser 120 caractères' }),
  description: z
    .string()
    .trim()
    .max(500, { error: 'La description d’un critère ne peut pas dépasser 500 caractères' })
    .default(''),
  points: z
    .number({ error: 'Le barème d’un critère est un nombre de points' })
    .min(0.5, { error: 'Un critère vaut au moins 0,5 point' })
    .max(100, { error: 'Un critère vaut au plus 100 points' })
    .refine(isHalfPoint, { error: 'Les points vont par demi-points (1, 1,5, 2…)' }),
  /** The competence the criterion evidences, if any. */
  competence: ZCompetence.nullable().default(null),
});
export type TRubricCriterion = z.infer<typeof ZRubricCriterion>;

export const ZRubricCriteria = z
  .array(ZRubricCriterion)
  .min(1, { error: 'Une grille a au moins un critère' })
  .max(15, { error: 'Une grille a au plus 15 critères' })
  .superRefine((criteria, ctx) => {
    const seen = new Set<string>();
    criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `Le critère « ${criterion.id} » apparaît deux fois`,
        });
      }
      seen.add(criterion.id);
    });
  });

/** What the student sees: comments once returned, and the grade too once finalised. */
export const ZFeedback = z.object({
  sectionComments: z.record(z.string(), z.string()),
  comment: z.string(),
  /** Present once the grade is finalised. */
  result: z
    .object({
      criteria: z.array(ZRubricCriterion),
      scores: z.record(z.string(), z.number()),
      total: z.number(),
      maxTotal: z.number(),
      competences: z.partialRecord(ZCompetence, ZCompetenceLevel),
    })
    .nullable(),
});
export type TFeedback = z.infer<typeof ZFeedback>;
