import type { frLesson } from './fr-lesson';

/** English texts of the lesson pages: typed by the French ones. */
export const enLesson: typeof frLesson = {
  title: '',
};
