import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Header } from '@/components/Header';
import { LocaleProvider } from '@/i18n/client';
import { getLocale, getTranslator } from '@/i18n/server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('app.title'), description: t('app.description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <LocaleProvider locale={locale}>
          <Header />
          <main id="contenu" className="main">
            {children}
          </main>
        </LocaleProvider>
      </body>
    </html>
  );
}
