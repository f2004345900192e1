'use client';

import {
  type TBatchProgress,
  TERMINAL_STATUSES,
  type TExperiment,
  type TExperimentProgressEvent,
  type TExperimentStatusEvent,
} from '@dlclass/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api';
import { type BatchPoint, epochMetrics, epochPosition, isActive, mergeEpochs, withStatus } from './runEvents';
import { type AppSocket, useOnConnect, useSocketEvent } from './socket';
import { useEvery } from './useEvery';

/** How often the run is re-read while the socket is down (a proxy may block websockets). */
export const POLL_WHILE_OFFLINE_MS = 3_000;
/** How often a queued run's place in the queue is re-read while the socket is up. */
export const REFRESH_QUEUE_PLACE_MS = 15_000;

/**
 * Follows one run: loaded from the API, then kept live by the socket's status and progress events. At every
 * (re)connection it re-subscribes and reloads the run, so nothing missed while offline is lost; while the
 * run is queued or running and the socket is not connected, it re-reads the run every 3 s instead (and a
 * queued run every 15 s anyway, for its place).
 */
export function useLiveExperiment(socket: AppSocket | null, connected: boolean, runId: string | null) {
  const [experiment, setExperiment] = useState<TExperiment | null>(null);
  const [batches, setBatches] = useState<BatchPoint[]>([]);
  const [lastBatch, setLastBatch] = useState<TBatchProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const lastSeq = useRef(0);
  const runIdRef = useRef(runId);
  runIdRef.current = runId;
  const loading = useRef(false);

  const load = useCallback(async (id: string) => {
    loading.current = true;
    try {
      const fetched = await api.experiment(id);
      if (runIdRef.current !== id) return;
      setError(null);
      setExperiment((current) =>
        current && current.id === id
          ? { ...fetched, epochs: mergeEpochs(fetched.epochs, current.epochs) }
          : fetched,
      );
    } catch (caught) {
      if (runIdRef.current === id) setError(caught);
    } finally {
      loading.current = false;
    }
  }, []);

  const follow = useCallback(
    (s: AppSocket | null, id: string) => {
      if (s?.connected) s.emit('experiment:subscribe', { experimentId: id }, () => undefined);
      void load(id);
    },
    [load],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: socket is handled by useOnConnect; only a new run resets
  useEffect(() => {
    setExperiment(null);
    setBatches([]);
    setLastBatch(null);
    setError(null);
    lastSeq.current = 0;
    if (runId) follow(socket, runId);
  }, [runId, follow]);

  useOnConnect(socket, (s) => {
    const id = runIdRef.current;
    if (id) follow(s, id);
  });

  const reread = () => {
    const id = runIdRef.current;
    if (id && !loading.current) void load(id);
  };
  useEvery(POLL_WHILE_OFFLINE_MS, reread, isActive(experiment) && !connected);
  // no event tells a queued run that the runs ahead of it started: its place and estimate are re-read
  useEvery(REFRESH_QUEUE_PLACE_MS, reread, experiment?.status === 'queued' && connected);

  useSocketEvent(socket, 'experiment:status', (event: TExperimentStatusEvent) => {
    if (event.experimentId !== runIdRef.current) return;
    setExperiment((current) => (current ? withStatus(current, event) : current));
    if (TERMINAL_STATUSES.includes(event.status)) void load(event.experimentId); // evaluation, duration, model
  });

  useSocketEvent(socket, 'experiment:progress', (event: TExperimentProgressEvent) => {
    if (event.experimentId !== runIdRef.current || event.seq <= lastSeq.current) return;
    lastSeq.current = event.seq;
    if (event.kind === 'batch') {
      setLastBatch(event);
      setBatches((list) => [
        ...list,
        { x: epochPosition(event), loss: event.loss, accuracy: event.accuracy },
      ]);
      setExperiment((current) =>
        current && current.status === 'queued'
          ? { ...current, status: 'running', queuePosition: null, estimatedWaitMs: null }
          : current,
      );
    } else {
      setExperiment((current) =>
        current
          ? { ...current, status: 'running', epochs: mergeEpochs(current.epochs, [epochMetrics(event)]) }
          : current,
      );
    }
  });

  return { experiment, batches, lastBatch, error, reload: load };
}
