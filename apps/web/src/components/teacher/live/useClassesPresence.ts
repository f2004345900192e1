'use client';

import type { TClass } from '@dlclass/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '@/lib/api';
import { progressApi } from '@/lib/progressApi';
import { type AppSocket, useOnConnect, useSocketEvent } from '@/lib/socket';
import { useCoalesced } from '@/lib/useCoalesced';

/**
 * The dashboard's class cards, live: how many students of each class are online now, and the class list
 * re-read when a student joins or is removed (its student count). The socket follows each class's roster
 * room (not its runs), so every card stays current, not only the selected class's. A presence event
 * makes the counts be read again rather than applied: a quick page reload's "offline" may arrive after
 * its "online", and the read after the last event is right whatever their order.
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

  const readPresence = useCoalesced(async () => {
    try {
      const presence = await progressApi.presence();
      setOnline(new Map(presence.map((p) => [p.classId, new Set(p.online)])));
    } catch {
      // the counts stay as they were; the next event, connection or class change reads them again
    }
  });

  const follow = useCallback(
    (s: AppSocket) => {
      const classIds = idsRef.current ? idsRef.current.split(',') : [];
      if (classIds.length === 0) return;
      for (const classId of classIds) s.emit('class:follow-roster', { classId }, () => undefined);
      readPresence();
    },
    [readPresence],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: ids are read through their ref; a new class must be followed
  useEffect(() => {
    if (socket?.connected) follow(socket);
  }, [ids, socket, follow]);
  useOnConnect(socket, follow);

  useSocketEvent(socket, 'presence:changed', readPresence);

  useSocketEvent(socket, 'class:roster-changed', () => {
    // a failed read leaves the counts as they were: the next change reads the list again
    api.classes().then(setClasses, () => undefined);
  });

  return online;
}
