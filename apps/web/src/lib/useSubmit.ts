'use client';

import type { TFieldError } from '@dlclass/contracts';
import { useCallback, useState } from 'react';
import { useT } from '@/i18n/client';
import { ApiError } from './api';
import { errorMessage } from './errors';

/**
 * Sends a form to the API: busy while the call runs, then the sentence to show and the field errors of a 400.
 * With `keepBusy` the form stays busy after a success (the page is navigating away).
 */
export function useSubmit({ keepBusy = false }: { keepBusy?: boolean } = {}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<TFieldError[]>([]);

  /** Clears the message and sets the field errors (none by default), e.g. after an edit or a local check. */
  const reset = useCallback((next: TFieldError[] = []) => {
    setError(null);
    setFields(next);
  }, []);

  /** Runs the call; resolves to whether it succeeded. */
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    reset();
    setBusy(true);
    try {
      await action();
      if (!keepBusy) setBusy(false);
      return true;
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields?.length) setFields(caught.fields);
      setError(errorMessage(t, caught));
      setBusy(false);
      return false;
    }
  };

  return { busy, error, fields, reset, run };
}
