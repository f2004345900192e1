import type { Translate } from '@/i18n';

/** A duration as a reader says it, to the second: "40 s", "2 min 10", "3 min", "1 h 05" (French). */
export function formatDuration(t: Translate, ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  if (total < 60) return t('estimate.duration.seconds', { seconds: String(total) });
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes >= 60) {
    return t('estimate.duration.hours', {
      hours: String(Math.floor(minutes / 60)),
      minutes: pad(minutes % 60),
    });
  }
  return seconds === 0
    ? t('estimate.duration.wholeMinutes', { minutes: String(minutes) })
    : t('estimate.duration.minutes', { minutes: String(minutes), seconds: pad(seconds) });
}
