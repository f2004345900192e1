'use client';

import { useCallback, useRef } from 'react';

/**
 * A call of `run` that never overlaps another: the calls made while one runs make a single run after it
 * (the latest `run`), so a burst of events makes one or two reads, the last one after the last event.
 */
export function useCoalesced(run: () => Promise<unknown>): () => void {
  const runRef = useRef(run);
  runRef.current = run;
  const busy = useRef(false);
  const again = useRef(false);
  return useCallback(() => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    void (async () => {
      try {
        do {
          again.current = false;
          await runRef.current();
        } while (again.current);
      } finally {
        busy.current = false;
      }
    })();
  }, []);
}
