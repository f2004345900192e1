'use client';

import { ErrorCode, type TQuizAttempt, type TQuizResult } from '@dlclass/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '@/i18n/client';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/errors';
import { isNetworkError, isTransient, localDraft, useOnline, useRetry } from '@/lib/offline';
import { useEvery } from '@/lib/useEvery';
import { workApi } from '@/lib/workApi';

type Choices = Record<string, string[]>;

/**
 * One QCM attempt in progress: each answer is sent as soon as it is given (queued in localStorage and sent
 * again while the network is down), the countdown runs on the server's clock, and the attempt is submitted
 * by the student or automatically at zero.
 */
export function useQuizAttempt(
  attempt: TQuizAttempt,
  userId: string,
  onSubmitted: (result: TQuizResult) => void,
) {
  const t = useT();
  const online = useOnline();
  const storageKey = localDraft.key(userId, 'quiz', attempt.id);
  // Answers given but not yet acknowledged (survive a reload: they win over the server's older ones).
  const unsent = useRef<Choices>(localDraft.read<Choices>(storageKey) ?? {});
  const [answers, setAnswers] = useState<Choices>(() => ({ ...attempt.answers, ...unsent.current }));
  const [pending, setPending] = useState<string[]>(() => Object.keys(unsent.current));
  const [saved, setSaved] = useState<Set<string>>(() => new Set(Object.keys(attempt.answers)));
  const [questionErrors, setQuestionErrors] = useState<Record<string, string>>({});
  const [networkDown, setNetworkDown] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const sending = useRef<Promise<void> | null>(null);
  const wantSubmit = useRef(false);
  const done = useRef(false);

  // The server's clock: the browser's may be off, the deadline is the server's.
  const offset = useRef(Date.parse(attempt.serverNow) - Date.now());
  const deadline = Date.parse(attempt.deadline);
  const [now, setNow] = useState(() => Date.now() + offset.current);
  useEvery(1_000, () => setNow(Date.now() + offset.current));
  const remainingMs = Math.max(0, deadline - now);

  const remember = useCallback(() => {
    setPending(Object.keys(unsent.current));
    if (Object.keys(unsent.current).length === 0) localDraft.clear(storageKey);
    else localDraft.write(storageKey, unsent.current);
  }, [storageKey]);

  const resumeRef = useRef<() => void>(() => undefined);
  const retry = useRetry(() => resumeRef.current());

  /** Sends every unsent answer, one after the other; resolves to whether none is left. */
  const flush = useCallback(async (): Promise<boolean> => {
    while (sending.current) await sending.current;
    const run = async () => {
      for (const [questionId, optionIds] of Object.entries(unsent.current)) {
        try {
          await workApi.saveQuizAnswer(questionId, { optionIds, attemptId: attempt.id });
          // A newer choice made meanwhile stays queued.
          if (unsent.current[questionId] === optionIds) delete unsent.current[questionId];
          setSaved((set) => new Set(set).add(questionId));
          setQuestionErrors(({ [questionId]: _, ...rest }) => rest);
          remember();
        } catch (caught) {
          if (isTransient(caught)) {
            setNetworkDown(isNetworkError(caught));
            retry.schedule();
            return;
          }
          if (caught instanceof ApiError && caught.code === ErrorCode.QuizTimeUp) {
            // Too late for this answer: the attempt is over, what was saved in time counts.
            unsent.current = {};
            remember();
            wantSubmit.current = true;
            return;
          }
          // Refused (e.g. an option that is not this question's): said under the question, not resent.
          delete unsent.current[questionId];
          remember();
          setQuestionErrors((errors) => ({ ...errors, [questionId]: errorMessage(t, caught) }));
        }
      }
      setNetworkDown(false);
      retry.reset();
    };
    sending.current = run().finally(() => {
      sending.current = null;
    });
    await sending.current;
    return Object.keys(unsent.current).length === 0;
  }, [attempt.id, remember, retry, t]);

  /** Hands the attempt in (after sending what is queued); retried while the network is down. */
  const submit = useCallback(async () => {
    if (done.current) return;
    wantSubmit.current = true;
    setSubmitting(true);
    setError(null);
    await flush();
    try {
      const result = await workApi.submitQuizAttempt({ attemptId: attempt.id });
      done.current = true;
      localDraft.clear(storageKey);
      onSubmitted(result);
    } catch (caught) {
      if (isTransient(caught)) {
        setNetworkDown(isNetworkError(caught));
        retry.schedule();
      } else {
        wantSubmit.current = false;
        setError(errorMessage(t, caught));
      }
    } finally {
      setSubmitting(false);
    }
  }, [attempt.id, flush, onSubmitted, retry, storageKey, t]);

  resumeRef.current = () => {
    if (wantSubmit.current) void submit();
    else void flush();
  };

  const choose = useCallback(
    (questionId: string, optionIds: string[]) => {
      if (done.current || wantSubmit.current) return;
      setAnswers((all) => ({ ...all, [questionId]: optionIds }));
      unsent.current = { ...unsent.current, [questionId]: optionIds };
      remember();
      void flush();
    },
    [flush, remember],
  );

  // Answers left unsent by a previous visit go out at once; at zero the attempt is handed in by itself.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, at mount
  useEffect(() => {
    if (Object.keys(unsent.current).length > 0) void flush();
  }, []);
  useEffect(() => {
    if (remainingMs === 0 && !wantSubmit.current) void submit();
  }, [remainingMs, submit]);

  return {
    answers,
    choose,
    /** Question id → acknowledged by the server and nothing newer queued. */
    isSaved: (questionId: string) => saved.has(questionId) && !pending.includes(questionId),
    isPending: (questionId: string) => pending.includes(questionId),
    questionErrors,
    offline: networkDown || !online,
    error,
    submitting,
    submit,
    remainingMs,
    timeUp: remainingMs === 0,
  };
}
