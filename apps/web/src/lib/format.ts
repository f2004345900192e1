import type { Locale } from '@/i18n';

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

/** 0.9876 -> "98,8" (fr) / "98.8" (en): the caller adds the % sign through its message. */
export function formatPercent(locale: Locale, ratio: number, digits = 1): string {
  return new Intl.NumberFormat(tag(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(ratio * 100);
}

export function formatNumber(locale: Locale, value: number, digits = 0): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits }).format(value);
}

export function formatDecimal(locale: Locale, value: number, digits = 3): string {
  return new Intl.NumberFormat(tag(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
