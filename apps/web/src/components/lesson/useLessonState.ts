'use client';

import type { TBroadcastEvent, TLessonState, TPhasesChangedEvent } from '@dlclass/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { lessonApi } from '@/lib/lessonApi';
import { type AppSocket, useOnConnect, useSocketEvent } from '@/lib/socket';
import { useEvery } from '@/lib/useEvery';

/** How often the state is re-read while the socket is down (a proxy may block websockets). */
export const LESSON_POLL_MS = 4_000;

/**
 * The lesson state of one class (a student: their own, classId null), kept live by the 'lesson:phases' and
 * 'lesson:broadcast' events. A teacher's socket joins the class's room; at every (re)connection the state is
 * reloaded, and while the socket is down it is re-read every few seconds instead.
 */
export function useLessonState(socket: AppSocket | null, connected: boolean, classId: string | null) {
  const [state, setState] = useState<TLessonState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const classIdRef = useRef(classId);
  classIdRef.current = classId;

  const load = useCallback(async () => {
    const requested = classIdRef.current;
    try {
      const fetched = await lessonApi.lesson(requested ?? undefined);
      if (classIdRef.current !== requested) return;
      setState(fetched);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, []);

  const sync = useCallback(
    (s: AppSocket | null) => {
      const id = classIdRef.current;
      if (id && s?.connected) s.emit('class:subscribe', { classId: id }, () => undefined);
      void load();
    },
    [load],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: classId is read through its ref; a change must resync
  useEffect(() => {
    setState(null);
    sync(socket);
  }, [classId, sync]);

  useOnConnect(socket, sync);
  useEvery(LESSON_POLL_MS, () => void load(), !connected);

  useSocketEvent(socket, 'lesson:phases', (event: TPhasesChangedEvent) => {
    setState((current) =>
      current && current.classId === event.classId ? { ...current, phases: event.phases } : current,
    );
  });

  useSocketEvent(socket, 'lesson:broadcast', ({ classId: target, ...broadcast }: TBroadcastEvent) => {
    setState((current) => (current && current.classId === target ? { ...current, broadcast } : current));
  });

  return { state, setState, error, reload: load };
}
