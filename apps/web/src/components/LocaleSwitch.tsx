'use client';

import { useRouter } from 'next/navigation';
import { LOCALE_COOKIE, LOCALES, type Locale } from '@/i18n';
import { useT } from '@/i18n/client';
import { CompactSelect } from './Field';

export function LocaleSwitch({ current }: { current: Locale }) {
  const t = useT();
  const router = useRouter();
  return (
    <span className="locale-switch">
      <CompactSelect
        label={t('header.language')}
        value={current}
        options={LOCALES.map((locale) => ({ value: locale, label: t(`locales.${locale}`) }))}
        onChange={(next) => {
          // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server on the next render
          document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
        testId="locale-switch"
      />
    </span>
  );
}
