/** French texts of a queued run's place in the training queue and its estimated start. */
export const frQueue = {
  /** By the locale's ordinal category (Intl.PluralRules, type ordinal): French uses one and other only. */
  ordinal: { one: '{position}re', two: '{position}e', few: '{position}e', other: '{position}e' },
  place: '{place} dans la file',
  startsSoon: '{place} dans la file — début estimé dans moins d’une minute',
  startsIn: '{place} dans la file — début estimé dans ~{minutes} min',
};
