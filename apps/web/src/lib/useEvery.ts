'use client';

import { useEffect, useRef } from 'react';

/** Calls `tick` every `ms` milliseconds while `enabled` (always the latest `tick`). */
export function useEvery(ms: number, tick: () => void, enabled = true): void {
  const tickRef = useRef(tick);
  useEffect(() => {
    tickRef.current = tick;
  });
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => tickRef.current(), ms);
    return () => clearInterval(timer);
  }, [ms, enabled]);
}
