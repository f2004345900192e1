import type { frQueue } from './fr-queue';

/** English texts of a queued run's place in the training queue and its estimated start. */
export const enQueue: typeof frQueue = {
  ordinal: { one: '{position}st', two: '{position}nd', few: '{position}rd', other: '{position}th' },
  place: '{place} in the queue',
  startsSoon: '{place} in the queue — estimated start in under a minute',
  startsIn: '{place} in the queue — estimated start in ~{minutes} min',
};
