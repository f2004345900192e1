import { type TActivity, type TLesson, type TTemplate, textFieldIds } from '@dlclass/content';
import type { TActivityProgress, TAnswers, TAnswerValue } from '@dlclass/contracts';

/** What a student has done, as the progress rules need it. */
export interface ProgressFacts {
  runs: { any: boolean; succeeded: boolean };
  /** Activity slug → the student's record. */
  deliverables: ReadonlyMap<string, { submitted: boolean; answers: TAnswers }>;
  quiz: { active: boolean; submitted: boolean };
}

/** Blank text, an empty list or a table with nothing typed are not answers yet. */
export function isAnswered(value: TAnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return Object.values(value).some((v) => v.trim().length > 0);
}

/**
 * Each activity's progress for one student: Hello World is done with a succeeded run; the QCM is in
 * progress with an attempt under way and done once one is submitted; an activity with a template is in
 * progress once saved with an answer, and done when submitted (a deliverable) or when every text field is
 * answered (a worksheet that is not handed in). Activities without either are not started.
 */
export function lessonProgress(
  lesson: TLesson,
  facts: ProgressFacts,
  templateOf: (slug: string) => TTemplate | null,
): Record<string, TActivityProgress> {
  const progress: Record<string, TActivityProgress> = {};
  for (const activity of lesson.phases.flatMap((phase) => phase.activities)) {
    progress[activity.slug] = activityProgress(activity.slug, activity.kind, facts, templateOf);
  }
  return progress;
}

function activityProgress(
  slug: string,
  kind: TActivity['kind'],
  facts: ProgressFacts,
  templateOf: (slug: string) => TTemplate | null,
): TActivityProgress {
  if (kind === 'hello-world') {
    return facts.runs.succeeded ? 'done' : facts.runs.any ? 'in-progress' : 'not-started';
  }
  if (kind === 'quiz') {
    return facts.quiz.submitted ? 'done' : facts.quiz.active ? 'in-progress' : 'not-started';
  }
  const template = templateOf(slug);
  const record = facts.deliverables.get(slug);
  if (!template || !record || !Object.values(record.answers).some(isAnswered)) return 'not-started';
  const done = template.submittable
    ? record.submitted
    : textFieldIds(template).every((id) => isAnswered(record.answers[id]));
  return done ? 'done' : 'in-progress';
}
