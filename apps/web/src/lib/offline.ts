'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, NETWORK_ERROR } from './api';

/** Whether the browser believes it is online (updated by the 'online' and 'offline' events). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** A failure worth retrying as is: the network or the server, not the request itself. */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.code === NETWORK_ERROR || error.statusCode >= 500);
}

export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.code === NETWORK_ERROR;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/**
 * Runs `action` again after a failure, waiting 1 s, 2 s, 4 s… (at most 30 s), and at once when the browser
 * comes back online. `schedule()` after each failure, `reset()` after a success.
 */
export function useRetry(action: () => void) {
  const actionRef = useRef(action);
  actionRef.current = action;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failures = useRef(0);
  const waiting = useRef(false);

  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const fire = useCallback(() => {
    clear();
    waiting.current = false;
    actionRef.current();
  }, [clear]);

  const schedule = useCallback(() => {
    clear();
    waiting.current = true;
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** failures.current);
    failures.current += 1;
    timer.current = setTimeout(fire, delay);
  }, [clear, fire]);

  const reset = useCallback(() => {
    clear();
    waiting.current = false;
    failures.current = 0;
  }, [clear]);

  useEffect(() => {
    const onOnline = () => {
      if (!waiting.current) return;
      failures.current = 0;
      fire();
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      clear();
    };
  }, [clear, fire]);

  return useMemo(() => ({ schedule, reset }), [schedule, reset]);
}

/**
 * Work not yet acknowledged by the server, kept in localStorage so that it survives a reload or a crash.
 * Keys name the user, so two students sharing a computer never see each other's drafts.
 */
export const localDraft = {
  key: (userId: string, ...parts: string[]) => ['dlclass', 'unsent', userId, ...parts].join(':'),
  read<T>(key: string): T | null {
    try {
      const text = window.localStorage.getItem(key);
      return text ? (JSON.parse(text) as T) : null;
    } catch {
      return null;
    }
  },
  write(key: string, value: unknown): void {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or refused (private mode): the answers are still in memory and sent when possible.
    }
  },
  clear(key: string): void {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // see write()
    }
  },
};
