'use client';

import { useT } from '@/i18n/client';
import { errorMessage } from '@/lib/errors';

/** The failed call's message, or a loading line while nothing has arrived yet. */
export function LoadState({ loaded, error }: { loaded: boolean; error: unknown }) {
  const t = useT();
  if (error) return <p className="alert alert-error">{errorMessage(t, error)}</p>;
  if (!loaded) return <p className="muted">{t('common.loading')}</p>;
  return null;
}
