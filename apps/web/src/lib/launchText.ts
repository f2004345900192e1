import type { TRunEstimate } from '@dlclass/contracts';
import type { Translate } from '@/i18n';
import { formatDuration } from './duration';

/**
 * "≈ 2 min 10, début dans ~40 s": how long a run takes and when it starts in the current queue; said so when
 * it would share a training the class already started, or get the results of one finished at once.
 */
export function launchText(t: Translate, estimate: TRunEstimate): string {
  if (estimate.sharing === 'reused') return t('estimate.launch.reused');
  const duration = formatDuration(t, estimate.durationMs);
  const text =
    estimate.startInMs === null
      ? t('estimate.launch.noWorker', { duration })
      : estimate.startInMs < 1000
        ? t('estimate.launch.startsNow', { duration })
        : t('estimate.launch.startsIn', { duration, wait: formatDuration(t, estimate.startInMs) });
  return estimate.sharing === 'attached' ? t('estimate.launch.attached', { estimate: text }) : text;
}
