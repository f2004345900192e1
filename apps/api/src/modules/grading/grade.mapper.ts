import {
  type TFeedback,
  type TGrade,
  type TRubricCriterion,
  type TSaveGradeRequest,
  ZRubricCriterion,
  ZSaveGradeRequest,
} from '@dlclass/contracts';
import type { DeliverableStatus, Prisma } from '@dlclass/db';
import { z } from 'zod';

export const gradeSelect = {
  criteria: true,
  scores: true,
  sectionComments: true,
  comment: true,
  competences: true,
  total: true,
  maxTotal: true,
  updatedAt: true,
  finalisedAt: true,
} satisfies Prisma.DeliverableGradeSelect;

export type GradeRow = Prisma.DeliverableGradeGetPayload<{ select: typeof gradeSelect }>;

const ZStoredCriteria = z.array(ZRubricCriterion);

/** The stored grade, read back through the schemas it was validated with before it was written. */
export function toGrade(row: GradeRow): TGrade {
  const input: TSaveGradeRequest = ZSaveGradeRequest.parse({
    scores: row.scores,
    sectionComments: row.sectionComments,
    comment: row.comment,
    competences: row.competences,
  });
  return {
    ...input,
    criteria: ZStoredCriteria.parse(row.criteria),
    total: row.total,
    maxTotal: row.maxTotal,
    updatedAt: row.updatedAt.toISOString(),
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
  };
}

/** The sum of the scores, or null while a criterion is not scored. */
export function totalOf(
  criteria: readonly TRubricCriterion[],
  scores: Record<string, number>,
): number | null {
  let total = 0;
  for (const { id } of criteria) {
    const score = scores[id];
    if (score === undefined) return null;
    total += score;
  }
  return total;
}

/**
 * What the student may see of a grade: nothing while the teacher is still at it, the comments once the
 * work is returned for revision, the comments and the grade once it is finalised.
 */
export function feedbackOf(status: DeliverableStatus, row: GradeRow | null): TFeedback | null {
  if (!row || (status !== 'RETURNED' && status !== 'FINALISED')) return null;
  const grade = toGrade(row);
  const sectionComments = Object.fromEntries(
    Object.entries(grade.sectionComments).filter(([, text]) => text.trim() !== ''),
  );
  return {
    sectionComments,
    comment: grade.comment,
    result:
      status === 'FINALISED' && grade.total !== null
        ? {
            criteria: grade.criteria,
            scores: grade.scores,
            total: grade.total,
            maxTotal: grade.maxTotal,
            competences: grade.competences,
          }
        : null,
  };
}
