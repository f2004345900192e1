'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useEvery } from './useEvery';

/**
 * Loads data from the API once at mount, again every `refreshMs` when given and at each `refresh()` (a live
 * page's events); keeps the last good data.
 */
export function useApiData<T>(load: () => Promise<T>, refreshMs?: number) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const mounted = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const result = await loadRef.current();
      if (!mounted.current) return;
      setData(result);
      setError(null);
    } catch (caught) {
      if (mounted.current) setError(caught);
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    void refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);
  useEvery(refreshMs ?? 0, refresh, refreshMs !== undefined);

  return { data, error, refresh };
}
