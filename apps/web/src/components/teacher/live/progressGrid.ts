import type { TLesson } from '@dlclass/content';
import type { TActivityProgress, TStudentProgress } from '@dlclass/contracts';
import type { MessageKey } from '../../../i18n';
import { frLive } from '../../../i18n/fr-live';

type HeadedSlug = keyof typeof frLive.activities;
const isHeaded = (slug: string): slug is HeadedSlug => Object.hasOwn(frLive.activities, slug);

/** An activity's short column heading; null for one without (its full title stands in). */
export function headingOf(slug: string): MessageKey | null {
  return isHeaded(slug) ? (`live.activities.${slug}` satisfies MessageKey) : null;
}

/** The grid's columns: the lesson's activities, in order, grouped under their phase. */
export function gridPhases(lesson: TLesson) {
  return lesson.phases.map((phase) => ({
    number: phase.number,
    title: phase.title,
    activities: phase.activities.map((activity) => ({
      slug: activity.slug,
      title: activity.title,
      heading: headingOf(activity.slug),
    })),
  }));
}

/** How many of the students have done the activity (an activity the API did not list counts as not started). */
export function doneCount(students: TStudentProgress[], slug: string): number {
  return students.filter((student) => statusOf(student, slug) === 'done').length;
}

export function statusOf(student: TStudentProgress, slug: string): TActivityProgress {
  return student.activities[slug] ?? 'not-started';
}
