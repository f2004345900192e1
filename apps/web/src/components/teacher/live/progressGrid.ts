import type { TLesson } from '@dlclass/content';
import type { TActivityProgress, TStudentProgress } from '@dlclass/contracts';

/** The grid's columns: the lesson's activities, in order, grouped under their phase. */
export function gridPhases(lesson: TLesson) {
  return lesson.phases.map((phase) => ({
    number: phase.number,
    title: phase.title,
    activities: phase.activities.map((activity) => ({ slug: activity.slug, title: activity.title })),
  }));
}

/** How many of the students have done the activity (an activity the API did not list counts as not started). */
export function doneCount(students: TStudentProgress[], slug: string): number {
  return students.filter((student) => statusOf(student, slug) === 'done').length;
}

export function statusOf(student: TStudentProgress, slug: string): TActivityProgress {
  return student.activities[slug] ?? 'not-started';
}
