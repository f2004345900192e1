import { describe, expect, it } from '@jest/globals';
import { createTranslator } from '../i18n';
import { queuePlaceText } from './queuePlace';

describe('queuePlaceText', () => {
  const fr = createTranslator('fr');
  const en = createTranslator('en');

  it('says the place and the estimated start in minutes', () => {
    expect(queuePlaceText(fr, 'fr', { queuePosition: 3, estimatedWaitMs: 125_000 })).toBe(
      '3e dans la file — début estimé dans ~2 min',
    );
    expect(queuePlaceText(en, 'en', { queuePosition: 3, estimatedWaitMs: 125_000 })).toBe(
      '3rd in the queue — estimated start in ~2 min',
    );
  });

  it('uses each locale’s ordinals', () => {
    const place = (t: typeof fr, locale: 'fr' | 'en', position: number) =>
      queuePlaceText(t, locale, { queuePosition: position, estimatedWaitMs: null });
    expect([1, 2, 11, 21].map((n) => place(fr, 'fr', n))).toEqual([
      '1re dans la file',
      '2e dans la file',
      '11e dans la file',
      '21e dans la file',
    ]);
    expect([1, 2, 3, 4, 11, 22].map((n) => place(en, 'en', n))).toEqual([
      '1st in the queue',
      '2nd in the queue',
      '3rd in the queue',
      '4th in the queue',
      '11th in the queue',
      '22nd in the queue',
    ]);
  });

  it('says “under a minute” for a short wait, nothing for a run out of the queue', () => {
    expect(queuePlaceText(fr, 'fr', { queuePosition: 1, estimatedWaitMs: 20_000 })).toBe(
      '1re dans la file — début estimé dans moins d’une minute',
    );
    expect(queuePlaceText(fr, 'fr', { queuePosition: null, estimatedWaitMs: null })).toBeNull();
  });
});
