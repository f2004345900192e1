'use client';

import { useState } from 'react';
import { useT } from '@/i18n/client';
import { api } from '@/lib/api';

export function LogoutButton() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button button-quiet"
      disabled={busy}
      data-testid="logout"
      onClick={async () => {
        setBusy(true);
        try {
          await api.logout();
        } catch {
          // Signed out anyway from the user's point of view: the next page asks them to sign in.
        }
        window.location.assign('/');
      }}
    >
      {t('header.logout')}
    </button>
  );
}
