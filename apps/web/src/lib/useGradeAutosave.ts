'use client';

import type { TGrade, TSaveGradeRequest } from '@dlclass/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { gradingApi } from './gradingApi';
import { isTransient, localDraft, useRetry } from './offline';

/** The teacher pauses typing this long before the grading is saved. */
export const GRADE_AUTOSAVE_MS = 800;

export type GradeSaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/** What localStorage keeps until the server acknowledges it, with the server's version it started from. */
type UnsentGrade = { base: string | null; grade: TSaveGradeRequest };

const emptyGrade = (): TSaveGradeRequest => ({
  scores: {},
  sectionComments: {},
  comment: '',
  competences: {},
});

/**
 * A deliverable's grading as the teacher edits it, saved like the students' work: after a pause in typing,
 * one request at a time (the latest edit always goes last, so an older body never overwrites a newer one),
 * kept in localStorage until the server has it, retried after a network failure, and guarded against
 * closing the tab with unsaved changes.
 */
export function useGradeAutosave(input: {
  classId: string;
  deliverableId: string;
  userId: string;
  saved: TGrade | null;
}) {
  const { classId, deliverableId, userId, saved } = input;
  const storageKey = localDraft.key(userId, 'grade', deliverableId);
  const base = saved?.updatedAt ?? null;
  const [initial] = useState(() => {
    const unsent = localDraft.read<UnsentGrade>(storageKey);
    // An unsent grading written on top of what the server still holds is taken back; an older one is not.
    return unsent && unsent.base === base
      ? { grade: unsent.grade, restored: true }
      : { grade: saved ?? emptyGrade(), restored: false };
  });
  const [grade, setGrade] = useState<TSaveGradeRequest>(initial.grade);
  const [state, setState] = useState<GradeSaveState>(initial.restored ? 'pending' : 'idle');
  const [savedAt, setSavedAt] = useState<string | null>(base);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(initial.grade);
  /** Edits made, and the last one the server acknowledged: equal when everything is saved. */
  const edits = useRef(initial.restored ? 1 : 0);
  const sent = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retry = useRetry(() => void flush());

  const send = useCallback(async (): Promise<boolean> => {
    const edit = edits.current;
    setState('saving');
    try {
      const stored = await gradingApi.saveGrade(classId, deliverableId, latest.current);
      sent.current = edit;
      setSavedAt(stored.updatedAt);
      setError(null);
      retry.reset();
      return true;
    } catch (caught) {
      setError(caught);
      setState('failed');
      // The network or the server: sent again later. A refusal (400) waits for the teacher's correction.
      if (isTransient(caught)) retry.schedule();
      return false;
    }
  }, [classId, deliverableId, retry]);

  /** Sends what is unsent, after the request already on its way; resolves to whether everything is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    for (;;) {
      if (inFlight.current) await inFlight.current;
      if (sent.current === edits.current) break;
      inFlight.current = send();
      const ok = await inFlight.current;
      inFlight.current = null;
      if (!ok) return false;
    }
    localDraft.clear(storageKey);
    setState('saved');
    return true;
  }, [send, storageKey]);

  const change = useCallback(
    (update: (current: TSaveGradeRequest) => TSaveGradeRequest) => {
      const next = update(latest.current);
      latest.current = next;
      edits.current += 1;
      setGrade(next);
      setState('pending');
      localDraft.write(storageKey, { base, grade: next } satisfies UnsentGrade);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), GRADE_AUTOSAVE_MS);
    },
    [base, flush, storageKey],
  );

  // A grading taken back from localStorage is sent at once.
  useEffect(() => {
    if (initial.restored) void flush();
  }, [initial, flush]);

  // Unsaved changes: the browser asks before the tab closes (and leaving the deliverable sends them).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (sent.current !== edits.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      void flush();
    };
  }, [flush]);

  return { grade, change, flush, state, savedAt, error };
}
