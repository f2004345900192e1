import type { TRunEstimate } from '@dlclass/contracts';
import { describe, expect, it } from '@jest/globals';
import { createTranslator } from '../i18n';
import { launchText } from './launchText';

describe('launchText', () => {
  const fr = createTranslator('fr');
  const en = createTranslator('en');
  const estimate = (more: Partial<TRunEstimate>): TRunEstimate => ({
    durationMs: 80_000,
    startInMs: 40_000,
    basis: 'measured',
    slots: 2,
    fullLoadDurationMs: 120_000,
    sharing: null,
    ...more,
  });

  it('says how long a run takes and when it starts', () => {
    expect(launchText(fr, estimate({}))).toBe('≈ 1 min 20, début dans ~40 s');
    expect(launchText(fr, estimate({ startInMs: 0 }))).toBe('≈ 1 min 20, début immédiat');
    expect(launchText(en, estimate({ startInMs: null }))).toBe(
      '≈ 1 min 20 s; no training server is running at the moment',
    );
  });

  it('says when the class already started the same training, or already computed it', () => {
    expect(launchText(fr, estimate({ startInMs: 0, sharing: 'attached' }))).toBe(
      '≈ 1 min 20, début immédiat — entraînement identique déjà lancé par la classe',
    );
    expect(launchText(en, estimate({ sharing: 'attached' }))).toBe(
      '≈ 1 min 20 s, starts in ~40 s — an identical run the class already started',
    );
    const reused = estimate({ durationMs: 0, startInMs: 0, sharing: 'reused' });
    expect(launchText(fr, reused)).toBe('Immédiat : même entraînement déjà calculé par la classe');
    expect(launchText(en, reused)).toBe('At once: the same run the class already computed');
  });
});
