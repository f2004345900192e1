import { z } from 'zod';
import { ZDeliverable, ZWorksheetKind } from './lesson';
import {
  isHalfPoint,
  ZCompetence,
  ZCompetenceLevel,
  ZCriterionId,
  ZFeedback,
  ZRubricCriteria,
  ZRubricCriterion,
} from './rubric';

/** PUT /api/classes/:classId/rubrics/:kind */
export const ZSaveRubricRequest = z.strictObject({ criteria: ZRubricCriteria });
export type TSaveRubricRequest = z.infer<typeof ZSaveRubricRequest>;

/** A graded activity's rubric for a class: its own, or the lesson's default (`custom: false`). */
export const ZRubric = z.object({
  kind: ZWorksheetKind,
  title: z.string(),
  criteria: z.array(ZRubricCriterion),
  maxTotal: z.number(),
  custom: z.boolean(),
  /** The competences the activity assesses: the levels a grade of it may set. */
  competences: z.array(ZCompetence),
});
export type TRubric = z.infer<typeof ZRubric>;

const ZComment = z.string().max(4000, { error: 'Un commentaire ne peut pas dépasser 4 000 caractères' });

/** PUT /api/classes/:classId/deliverables/:deliverableId/grade: the teacher's grading, saved as it goes. */
export const ZSaveGradeRequest = z.strictObject({
  /** Criterion id → points (omitted: not scored yet). */
  scores: z.record(
    ZCriterionId,
    z
      .number({ error: 'Une note est un nombre de points' })
      .min(0, { error: 'Une note ne peut pas être négative' })
      .refine(isHalfPoint, { error: 'Les notes vont par demi-points' }),
  ),
  /** Template section id → comment on that section. */
  sectionComments: z.record(z.string(), ZComment),
  comment: ZComment,
  competences: z.partialRecord(ZCompetence, ZCompetenceLevel),
});
export type TSaveGradeRequest = z.infer<typeof ZSaveGradeRequest>;

/** A grade as the teacher sees it (the criteria are those the grade was started with). */
export const ZGrade = ZSaveGradeRequest.extend({
  criteria: z.array(ZRubricCriterion),
  /** Null until every criterion is scored. */
  total: z.number().nullable(),
  maxTotal: z.number(),
  updatedAt: z.iso.datetime(),
  finalisedAt: z.iso.datetime().nullable(),
});
export type TGrade = z.infer<typeof ZGrade>;

/** One line of the grading queue: a deliverable handed in at least once. */
export const ZGradingItem = z.object({
  deliverableId: z.uuid(),
  student: z.object({ id: z.uuid(), displayName: z.string() }),
  kind: ZWorksheetKind,
  title: z.string(),
  status: z.enum(['submitted', 'returned', 'finalised']),
  submittedAt: z.iso.datetime().nullable(),
  returnedAt: z.iso.datetime().nullable(),
  total: z.number().nullable(),
  maxTotal: z.number().nullable(),
});
export type TGradingItem = z.infer<typeof ZGradingItem>;

/** A deliverable opened for grading: the student's work, the rubric and the grade so far. */
export const ZGradingDetail = z.object({
  item: ZGradingItem,
  deliverable: ZDeliverable,
  rubric: ZRubric,
  grade: ZGrade.nullable(),
});
export type TGradingDetail = z.infer<typeof ZGradingDetail>;

/** Where a student's deliverable stands in the grade book. */
export const ZGradeBookStatus = z.enum(['not-submitted', 'submitted', 'returned', 'finalised']);
export type TGradeBookStatus = z.infer<typeof ZGradeBookStatus>;

/** GET /api/classes/:classId/students/:studentId/report: a student's printable report. */
export const ZStudentReport = z.object({
  student: z.object({ id: z.uuid(), displayName: z.string() }),
  className: z.string(),
  generatedAt: z.iso.datetime(),
  deliverables: z.array(
    z.object({
      kind: ZWorksheetKind,
      title: z.string(),
      status: ZGradeBookStatus,
      /** The teacher's comments (once returned or finalised) and the grade (once finalised). */
      feedback: ZFeedback.nullable(),
    }),
  ),
  /** The QCM attempt that counts, with its score. */
  quiz: z.object({ score: z.number(), maxScore: z.number(), submittedAt: z.iso.datetime() }).nullable(),
  /** Each competence's level from the most recently finalised grade that assessed it. */
  competences: z.partialRecord(ZCompetence, ZCompetenceLevel),
});
export type TStudentReport = z.infer<typeof ZStudentReport>;
