'use client';

import {
  ErrorCode,
  type TAnswers,
  type TAnswerValue,
  type TDeliverable,
  type TFieldError,
} from '@dlclass/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '@/i18n/client';
import { ApiError } from './api';
import { errorMessage } from './errors';
import { isNetworkError, isTransient, localDraft, useOnline, useRetry } from './offline';
import { workApi } from './workApi';

/** Typing pauses this long before the answers are sent. */
export const AUTOSAVE_DELAY_MS = 800;

/** What localStorage keeps until the server acknowledges it: the answers and the version they started from. */
type UnsentDraft = { base: number; answers: TAnswers };

/**
 * - `loading`: nothing shown yet; `ready`: editing and saving normally;
 * - `stale`: the server holds a newer version (another tab or device): saving stops until the student
 *   reloads it, so nothing is overwritten silently.
 */
export type WorkPhase = 'loading' | 'ready' | 'stale';

export type DeliverableWork = {
  activity: string;
  phase: WorkPhase;
  /** The server's record as last read (status, measured values, placement check…). */
  record: TDeliverable | null;
  /** The answers on screen, saved or not. */
  answers: TAnswers;
  /** `remeasure`: the answer picks runs, so the measured values are read again once it is saved. */
  setAnswer(fieldId: string, value: TAnswerValue, options?: { remeasure?: boolean }): void;
  /** Submitted or finalised, or still loading: the form cannot be edited. */
  readOnly: boolean;
  /** Answers changed since the server's last acknowledgement. */
  dirty: boolean;
  saving: boolean;
  /** The last save failed on the network (or the browser is offline): it will be sent again. */
  offline: boolean;
  /** When the server acknowledged the last save (ISO). */
  savedAt: string | null;
  /** The sentence of the last failure that is not the network's. */
  error: string | null;
  /** Field id → the server's message about that field (a 400). */
  fieldErrors: Record<string, string>;
  /** The first load failed (and is retried); nothing to show yet. */
  loadError: unknown;
  /** Answers the student had not managed to save when they reloaded the latest version, to copy back. */
  discarded: TAnswers | null;
  dismissDiscarded(): void;
  /** Takes the server's latest version (after a stale write), keeping the unsent answers in `discarded`. */
  reloadLatest(): Promise<void>;
  /** Sends what is unsent now; resolves to whether everything is saved. */
  flush(): Promise<boolean>;
  submitting: boolean;
  /** Saves, then submits; resolves to whether the deliverable is submitted. */
  submit(): Promise<boolean>;
  /** Replaces the record after another call on it (e.g. a placement check). */
  updateRecord(update: (record: TDeliverable) => TDeliverable): void;
};

const LOCKED_STATUSES: readonly TDeliverable['status'][] = ['submitted', 'finalised'];

/** The field a 400's message is about: "answers.<field>.<part>" or "<field>.<part>" → "<field>". */
function fieldOf(path: string): string {
  const rest = path.startsWith('answers.') ? path.slice('answers.'.length) : path;
  return rest.split('.')[0] ?? rest;
}

function toFieldMap(fields: TFieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { field, message } of fields) {
    const id = fieldOf(field);
    map[id] ??= message;
  }
  return map;
}

const sameAnswers = (a: TAnswers, b: TAnswers) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A student's work on one activity (deliverable or worksheet): loads it, autosaves the answers a moment
 * after each change with the version they started from, keeps unsent answers in localStorage while the
 * network is down and sends them when it comes back, never overwrites a newer version (409 → `stale`),
 * and submits.
 */
export function useDeliverable(activity: string, userId: string): DeliverableWork {
  const t = useT();
  const storageKey = localDraft.key(userId, 'deliverable', activity);
  const online = useOnline();

  const [phase, setPhase] = useState<WorkPhase>('loading');
  const [record, setRecord] = useState<TDeliverable | null>(null);
  const [answers, setAnswers] = useState<TAnswers>({});
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [networkDown, setNetworkDown] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<unknown>(null);
  const [discarded, setDiscarded] = useState<TAnswers | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // The save loop works on refs: a save in flight must see the latest answers and version, not a render's.
  const version = useRef(0);
  const current = useRef<TAnswers>({});
  const isDirty = useRef(false);
  const blocked = useRef(true); // no save before the load, nor while stale or submitted
  const loaded = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const debounce = useRef<ReturnType<typeof setTimeout> | null>(null);
  const remeasure = useRef(false);
  const resumeRef = useRef<() => void>(() => undefined);
  const retry = useRetry(() => resumeRef.current());

  const markDirty = useCallback((value: boolean) => {
    isDirty.current = value;
    setDirty(value);
  }, []);

  const show = useCallback((next: TAnswers) => {
    current.current = next;
    setAnswers(next);
  }, []);

  /** Reads the server's record; an unsent local draft wins if it started from that same version. */
  const load = useCallback(
    async (keepLocal: boolean) => {
      try {
        const fresh = await workApi.deliverable(activity);
        loaded.current = true;
        setLoadError(null);
        setNetworkDown(false);
        retry.reset();
        version.current = fresh.version;
        setRecord(fresh);
        setSavedAt(fresh.updatedAt);
        const locked = LOCKED_STATUSES.includes(fresh.status);
        const unsent = keepLocal ? localDraft.read<UnsentDraft>(storageKey) : null;
        if (unsent && !sameAnswers(unsent.answers, fresh.answers)) {
          show(unsent.answers);
          markDirty(true);
          if (unsent.base === fresh.version && !locked) {
            blocked.current = false;
            setPhase('ready');
            resumeRef.current();
          } else {
            // Saved elsewhere since this draft was written: the student decides, nothing is overwritten.
            blocked.current = true;
            setPhase('stale');
          }
          return;
        }
        localDraft.clear(storageKey);
        show(fresh.answers);
        markDirty(false);
        blocked.current = locked;
        setPhase('ready');
      } catch (caught) {
        setLoadError(caught);
        if (isTransient(caught)) retry.schedule();
      }
    },
    [activity, storageKey, retry, show, markDirty],
  );

  /** A failed save or submit: retried when transient, otherwise explained. */
  const fail = useCallback(
    (caught: unknown) => {
      if (isTransient(caught)) {
        setNetworkDown(isNetworkError(caught));
        setError(isNetworkError(caught) ? null : errorMessage(t, caught));
        retry.schedule();
        return;
      }
      setNetworkDown(false);
      if (
        caught instanceof ApiError &&
        (caught.code === ErrorCode.StaleVersion || caught.code === ErrorCode.DeliverableLocked)
      ) {
        blocked.current = true;
        setPhase('stale');
        setError(null);
        return;
      }
      if (caught instanceof ApiError && caught.statusCode === 400 && caught.fields?.length) {
        setFieldErrors(toFieldMap(caught.fields));
      }
      setError(errorMessage(t, caught));
    },
    [t, retry],
  );

  /** Sends the current answers (one save at a time); resolves to whether everything is saved. */
  const push = useCallback(async (): Promise<boolean> => {
    if (debounce.current) clearTimeout(debounce.current);
    debounce.current = null;
    while (inFlight.current) await inFlight.current;
    if (!isDirty.current) return true;
    if (blocked.current) return false;
    const sent = current.current;
    const flight = (async () => {
      setSaving(true);
      try {
        const saved = await workApi.saveDeliverable(activity, { version: version.current, answers: sent });
        version.current = saved.version;
        setRecord((r) => (r ? { ...r, version: saved.version, answers: sent, updatedAt: saved.savedAt } : r));
        setSavedAt(saved.savedAt);
        setNetworkDown(false);
        setError(null);
        setFieldErrors({});
        retry.reset();
        if (remeasure.current) {
          remeasure.current = false;
          workApi.deliverable(activity).then(
            (fresh) => setRecord((r) => (r ? { ...r, measured: fresh.measured } : r)),
            () => {
              remeasure.current = true; // read again after the next save
            },
          );
        }
        if (current.current === sent) {
          markDirty(false);
          localDraft.clear(storageKey);
          return true;
        }
        // Typed during the save: those answers go next, from the new version.
        localDraft.write(storageKey, { base: saved.version, answers: current.current } satisfies UnsentDraft);
        return false;
      } catch (caught) {
        fail(caught);
        return false;
      } finally {
        setSaving(false);
        inFlight.current = null;
      }
    })();
    inFlight.current = flight;
    const done = await flight;
    if (!done && isDirty.current && !blocked.current && current.current !== sent) return push();
    return done;
  }, [activity, storageKey, retry, fail, markDirty]);

  resumeRef.current = () => {
    if (!loaded.current) void load(true);
    else void push();
  };

  const setAnswer = useCallback(
    (fieldId: string, value: TAnswerValue, options?: { remeasure?: boolean }) => {
      if (blocked.current && phase !== 'stale') return;
      if (options?.remeasure) remeasure.current = true;
      const next = { ...current.current, [fieldId]: value };
      show(next);
      markDirty(true);
      localDraft.write(storageKey, { base: version.current, answers: next } satisfies UnsentDraft);
      setFieldErrors((errors) => {
        if (!(fieldId in errors)) return errors;
        const { [fieldId]: _, ...rest } = errors;
        return rest;
      });
      if (blocked.current) return;
      if (debounce.current) clearTimeout(debounce.current);
      debounce.current = setTimeout(() => void push(), AUTOSAVE_DELAY_MS);
    },
    [phase, show, markDirty, storageKey, push],
  );

  const reloadLatest = useCallback(async () => {
    const unsent = current.current;
    localDraft.clear(storageKey);
    markDirty(false);
    setPhase('loading');
    await load(false);
    setDiscarded(sameAnswers(unsent, current.current) ? null : unsent);
  }, [storageKey, markDirty, load]);

  const submit = useCallback(async () => {
    if (!(await push())) return false;
    setSubmitting(true);
    try {
      const submitted = await workApi.submitDeliverable(activity, { version: version.current });
      version.current = submitted.version;
      setRecord(submitted);
      blocked.current = LOCKED_STATUSES.includes(submitted.status);
      setError(null);
      return true;
    } catch (caught) {
      // A submit is not retried by itself: the student clicks again (it is idempotent).
      if (isTransient(caught)) {
        setNetworkDown(isNetworkError(caught));
        setError(errorMessage(t, caught));
      } else fail(caught);
      return false;
    } finally {
      setSubmitting(false);
    }
  }, [activity, push, fail, t]);

  const updateRecord = useCallback((update: (r: TDeliverable) => TDeliverable) => {
    setRecord((r) => (r ? update(r) : r));
  }, []);

  // First load; on leaving the page, what is pending goes out at once (it is in localStorage anyway).
  useEffect(() => {
    void load(true);
    return () => {
      if (debounce.current) {
        clearTimeout(debounce.current);
        void push();
      }
    };
  }, [load, push]);

  const readOnly = phase === 'loading' || (record !== null && LOCKED_STATUSES.includes(record.status));
  return {
    activity,
    phase,
    record,
    answers,
    setAnswer,
    readOnly,
    dirty,
    saving,
    // said as soon as the browser is offline, unless the work is read-only (nothing would be sent)
    offline: networkDown || (!online && !readOnly),
    savedAt,
    error,
    fieldErrors,
    loadError,
    discarded,
    dismissDiscarded: () => setDiscarded(null),
    reloadLatest,
    flush: push,
    submitting,
    submit,
    updateRecord,
  };
}

const ignore = () => undefined;

/** A student's record shown as it is, never edited (the teacher's grading page shows their work with it). */
export function readOnlyWork(record: TDeliverable): DeliverableWork {
  return {
    activity: record.activity,
    phase: 'ready',
    record,
    answers: record.answers,
    setAnswer: ignore,
    readOnly: true,
    dirty: false,
    saving: false,
    offline: false,
    savedAt: record.updatedAt,
    error: null,
    fieldErrors: {},
    loadError: null,
    discarded: null,
    dismissDiscarded: ignore,
    reloadLatest: async () => undefined,
    flush: async () => true,
    submitting: false,
    submit: async () => false,
    updateRecord: ignore,
  };
}
