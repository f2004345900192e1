import type { Locale, Translate } from '@/i18n';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Tick, WallAxis } from './wall';

/** A tick's text: a percentage of accuracy, a compact count of parameters, a category by its name. */
export function tickLabel(t: Translate, locale: Locale, axis: WallAxis, value: Tick['value']): string {
  if (typeof value === 'string') return value === 'none' ? t('wall.noActivation') : value;
  switch (axis.key) {
    case 'accuracy':
      return t('common.percent', { value: formatPercent(locale, value, 0) });
    case 'learningRate':
      return formatNumber(locale, value, 5);
    case 'parameterCount':
    case 'trainSize':
      return value >= 1000 ? `${formatNumber(locale, value / 1000, 1)} k` : formatNumber(locale, value);
    default:
      return formatNumber(locale, value);
  }
}
