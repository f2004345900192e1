import { z } from 'zod';

/** BTS SIO SLAM competences assessed by the lesson. */
export const ZCompetence = z.enum(['B1.3', 'B2.2', 'B2.3', 'B3.2']);
export type TCompetence = z.infer<typeof ZCompetence>;

export const ZActivity = z.strictObject({
  /** Stable identifier, also the URL segment of the activity's page. */
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  summary: z.string().min(1),
  durationMinutes: z.number().int().positive(),
  competences: z.array(ZCompetence).min(1),
  /** False while the platform has no page for it yet: the student sees it, greyed out. */
  available: z.boolean(),
});
export type TActivity = z.infer<typeof ZActivity>;

export const ZPhase = z.strictObject({
  number: z.number().int().positive(),
  title: z.string().min(1),
  durationMinutes: z.number().int().positive(),
  goal: z.string().min(1),
  activities: z.array(ZActivity).min(1),
});
export type TPhase = z.infer<typeof ZPhase>;

export const ZLesson = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    objectives: z.array(z.string().min(1)).min(1),
    phases: z.array(ZPhase).min(1),
  })
  .superRefine((lesson, ctx) => {
    const seen = new Set<string>();
    lesson.phases.forEach((phase, p) => {
      phase.activities.forEach((activity, a) => {
        if (seen.has(activity.slug)) {
          ctx.addIssue({
            code: 'custom',
            path: ['phases', p, 'activities', a, 'slug'],
            message: `L'identifiant d'activité « ${activity.slug} » est déjà utilisé`,
          });
        }
        seen.add(activity.slug);
      });
    });
  });
export type TLesson = z.infer<typeof ZLesson>;
