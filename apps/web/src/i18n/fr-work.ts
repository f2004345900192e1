/** French texts of the work pages (a part of the dictionary in fr.ts, kept apart so that areas do not collide). */
export const frWork = {
  title: '',
};
