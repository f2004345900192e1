'use client';

import type {
  TClassicalRunSummary,
  TExperimentProgressEvent,
  TExperimentStatusEvent,
  TExperimentSummary,
  TRunKind,
} from '@dlclass/contracts';
import { type Dispatch, type SetStateAction, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from './api';
import { epochMetrics, mergeEpochs, withStatus } from './runEvents';
import { type AppSocket, useOnConnect, useSocketEvent } from './socket';

type TListedRun = TExperimentSummary | TClassicalRunSummary;

/**
 * A list of runs from the API (the caller's, or for a teacher one class's), kept up to date by the status
 * events. At every (re)connection it re-subscribes and reloads the list, so nothing missed while offline is lost.
 */
function useLiveList<R extends TListedRun>(
  socket: AppSocket | null,
  classId: string | null,
  enabled: boolean,
  kind: TRunKind,
  fetchList: (classId?: string) => Promise<R[]>,
): {
  runs: R[] | null;
  setRuns: Dispatch<SetStateAction<R[] | null>>;
  error: unknown;
  reload: () => Promise<void>;
} {
  const [runs, setRuns] = useState<R[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const classIdRef = useRef(classId);
  classIdRef.current = classId;
  const runsRef = useRef(runs);
  runsRef.current = runs;
  const fetchRef = useRef(fetchList);
  fetchRef.current = fetchList;

  const load = useCallback(async () => {
    const requested = classIdRef.current;
    try {
      const list = await fetchRef.current(requested ?? undefined);
      if (classIdRef.current !== requested) return; // a newer selection won
      setRuns(list);
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
    if (!enabled) return;
    setRuns(null);
    sync(socket);
  }, [enabled, classId, sync]);

  useOnConnect(socket, (s) => {
    if (enabled) sync(s);
  });

  useSocketEvent(socket, 'experiment:status', (event: TExperimentStatusEvent) => {
    if (!enabled || event.kind !== kind) return;
    if (runsRef.current && !runsRef.current.some((run) => run.id === event.experimentId)) {
      // A run this page has not seen yet (submitted from another tab, or by a student of the class).
      void load();
      return;
    }
    setRuns((list) =>
      list
        ? list.map((run) =>
            run.id !== event.experimentId
              ? run
              : { ...withStatus(run, event), testAccuracy: event.testAccuracy ?? run.testAccuracy },
          )
        : list,
    );
  });

  return { runs, setRuns, error, reload: load };
}

/** The network runs, their epochs added live as they end. */
export function useLiveRuns(socket: AppSocket | null, classId: string | null, enabled = true) {
  const { runs, setRuns, error, reload } = useLiveList(socket, classId, enabled, 'network', api.experiments);

  useSocketEvent(socket, 'experiment:progress', (event: TExperimentProgressEvent) => {
    if (!enabled || event.kind !== 'epoch') return;
    setRuns((list) =>
      list
        ? list.map((run) =>
            run.id !== event.experimentId || run.epochs.some((e) => e.epoch === event.epoch)
              ? run
              : { ...run, status: 'running', epochs: mergeEpochs(run.epochs, [epochMetrics(event)]) },
          )
        : list,
    );
  });

  return { runs, error, reload };
}

/** The classical runs (random forest, k-NN, logistic regression): the caller's, or for a teacher one class's. */
export function useLiveClassicalRuns(
  socket: AppSocket | null,
  classId: string | null = null,
  enabled = true,
) {
  const { runs, error, reload } = useLiveList(socket, classId, enabled, 'classical', api.classicalRuns);
  return { runs, error, reload };
}

/** A run of either kind, tagged with it: the teacher's feed lists both. */
export type TFeedRun =
  | (TExperimentSummary & { kind: 'network' })
  | (TClassicalRunSummary & { kind: 'classical' });

/** One class's runs of both kinds, live, newest first (the networks alone too, for what takes only those). */
export function useLiveClassRuns(socket: AppSocket | null, classId: string | null, enabled = true) {
  const networks = useLiveRuns(socket, classId, enabled);
  const classical = useLiveClassicalRuns(socket, classId, enabled);
  const feed = useMemo<TFeedRun[] | null>(
    () =>
      networks.runs && classical.runs
        ? [
            ...networks.runs.map((run) => ({ ...run, kind: 'network' as const })),
            ...classical.runs.map((run) => ({ ...run, kind: 'classical' as const })),
          ].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
        : null,
    [networks.runs, classical.runs],
  );
  return { feed, networks: networks.runs, error: networks.error ?? classical.error };
}
