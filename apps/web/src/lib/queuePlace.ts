import type { TExperiment } from '@dlclass/contracts';
import type { Locale, Translate } from '../i18n';

type Queued = Pick<TExperiment, 'queuePosition' | 'estimatedWaitMs'>;

const ORDINALS = new Set(['one', 'two', 'few']);

/**
 * "3e dans la file — début estimé dans ~2 min": a queued run's place (fair share: see the API) and its
 * estimated start, or the place alone when no worker is up; null for a run that is not queued.
 */
export function queuePlaceText(t: Translate, locale: Locale, run: Queued): string | null {
  if (run.queuePosition === null) return null;
  const category = new Intl.PluralRules(locale, { type: 'ordinal' }).select(run.queuePosition);
  const place = t(`queue.ordinal.${ORDINALS.has(category) ? (category as 'one' | 'two' | 'few') : 'other'}`, {
    position: run.queuePosition,
  });
  if (run.estimatedWaitMs === null) return t('queue.place', { place });
  if (run.estimatedWaitMs < 60_000) return t('queue.startsSoon', { place });
  return t('queue.startsIn', { place, minutes: Math.round(run.estimatedWaitMs / 60_000) });
}
