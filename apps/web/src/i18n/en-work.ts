import type { frWork } from './fr-work';

/** English texts of the work pages: typed by the French ones. */
export const enWork: typeof frWork = {
  title: '',
};
