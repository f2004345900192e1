'use client';

import type { TClass, TPresenceChangedEvent } from '@dlclass/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '@/lib/api';
import { progressApi } from '@/lib/progressApi';
import { type AppSocket, useOnConnect, useSocketEvent } from '@/lib/socket';

/**
 * The dashboard's class cards, live: how many students of each class are online now, and the class list
 * re-read when a student joins or is removed (its student count). The socket follows each class's roster
 * room (not its runs), so every card stays current, not only the selected class's.
 */
export function useClassesPresence(
  socket: AppSocket | null,
  classes: TClass[] | null,
  setClasses: (classes: TClass[]) => void,
): ReadonlyMap<string, ReadonlySet<string>> {
  const [online, setOnline] = useState<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  const ids = (classes ?? []).map((c) => c.id).join(',');
  const idsRef = useRef(ids);
  idsRef.current = ids;

  const follow = useCallback(async (s: AppSocket) => {
    const classIds = idsRef.current ? idsRef.current.split(',') : [];
    if (classIds.length === 0) return;
    for (const classId of classIds) s.emit('class:follow-roster', { classId }, () => undefined);
    try {
      const presence = await progressApi.presence();
      setOnline(new Map(presence.map((p) => [p.classId, new Set(p.online)])));
    } catch {
      // the counts stay as they were; the next connection or class change reads them again
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: ids are read through their ref; a new class must be followed
  useEffect(() => {
    if (socket?.connected) void follow(socket);
  }, [ids, socket, follow]);
  useOnConnect(socket, (s) => void follow(s));

  useSocketEvent(
    socket,
    'presence:changed',
    ({ classId, studentId, online: isOnline }: TPresenceChangedEvent) => {
      setOnline((current) => {
        const students = new Set(current.get(classId));
        if (isOnline) students.add(studentId);
        else students.delete(studentId);
        return new Map(current).set(classId, students);
      });
    },
  );

  useSocketEvent(socket, 'class:roster-changed', () => {
    // a failed read leaves the counts as they were: the next change reads the list again
    api.classes().then(setClasses, () => undefined);
  });

  return online;
}
