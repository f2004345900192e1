import { describe, expect, it } from '@jest/globals';
import { createTranslator } from '../i18n';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  const fr = createTranslator('fr');
  const en = createTranslator('en');

  it('says seconds, minutes and seconds, or hours and minutes, as a reader would', () => {
    expect(
      [400, 40_000, 59_600, 130_000, 180_000, 245_000, 3_900_000].map((ms) => formatDuration(fr, ms)),
    ).toEqual(['0 s', '40 s', '1 min', '2 min 10', '3 min', '4 min 05', '1 h 05']);
    expect([40_000, 130_000, 3_900_000].map((ms) => formatDuration(en, ms))).toEqual([
      '40 s',
      '2 min 10 s',
      '1 h 05 min',
    ]);
  });
});
