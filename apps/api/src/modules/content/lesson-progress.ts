import { type TActivity, type TLesson, type TTemplate, textFieldIds } from '@dlclass/content';
import type { TActivityProgress } from '@dlclass/contracts';

/** What a student has done, as the progress rules need it. */
export interface ProgressFacts {
  runs: { any: boolean; succeeded: boolean };
  /** Activity slug → the student's record: whether it is handed in, and the ids of its answered fields. */
  deliverables: ReadonlyMap<string, { submitted: boolean; answered: ReadonlySet<string> }>;
  quiz: { active: boolean; submitted: boolean };
}

/**
 * The characters JavaScript's trim() removes (white space and line terminators). A field is answered when
 * it holds a text with another character, a non-empty list, or a table with such a text in a cell: the
 * database tells which fields are (content.repository.ts), so that the answers themselves are not read.
 */
export const BLANK_CHARACTERS =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

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
  if (!template || !record || record.answered.size === 0) return 'not-started';
  const done = template.submittable
    ? record.submitted
    : textFieldIds(template).every((id) => record.answered.has(id));
  return done ? 'done' : 'in-progress';
}
