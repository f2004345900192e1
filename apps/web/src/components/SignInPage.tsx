import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getTranslator } from '@/i18n/server';
import { homeFor } from '@/lib/routes';
import { getCurrentUser } from '@/lib/server-api';

type SignInPageProps = {
  /** Texts `${prefix}.title` and `${prefix}.intro`; heading id `${prefix}-title`. */
  prefix: 'join' | 'login';
  form: ReactNode;
  /** Below the card: the way to the other sign-in page. */
  children: ReactNode;
};

/** A sign-in page (join a class, teacher login); a signed-in visitor goes straight to their home. */
export async function SignInPage({ prefix, form, children }: SignInPageProps) {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user));
  const t = await getTranslator();
  return (
    <div className="narrow">
      <section className="card" aria-labelledby={`${prefix}-title`}>
        <h1 id={`${prefix}-title`}>{t(`${prefix}.title`)}</h1>
        <p className="muted">{t(`${prefix}.intro`)}</p>
        {form}
      </section>
      {children}
    </div>
  );
}
