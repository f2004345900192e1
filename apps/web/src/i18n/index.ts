import { en } from './en';
import { fr, type Messages } from './fr';

export type { Messages };
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
/** Cookie holding the reader's chosen locale (readable by the page, set by the header's switch). */
export const LOCALE_COOKIE = 'dlclass_locale';

const dictionaries: Record<Locale, Messages> = { fr, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function messagesFor(locale: Locale): Messages {
  return dictionaries[locale];
}

/** Every dotted path to a string of the dictionary, e.g. "join.submit". */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

/** Looks a key up and fills its {placeholders}; numbers are formatted for the locale. */
export function createTranslator(locale: Locale): Translate {
  const messages = messagesFor(locale);
  const numberFormat = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB');
  return (key, vars) => {
    let node: unknown = messages;
    for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
    const text = typeof node === 'string' ? node : key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = vars[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? numberFormat.format(value) : value;
    });
  };
}
