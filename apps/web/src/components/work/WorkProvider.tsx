'use client';

import type { TClassicalRunSummary, TExperimentSummary } from '@dlclass/contracts';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { api } from '@/lib/api';
import type { DeliverableWork } from '@/lib/useDeliverable';

type WorkContext = {
  work: DeliverableWork;
  /** The student's runs, for the run pickers (null while loading). */
  runs: TExperimentSummary[] | null;
  runsError: unknown;
  /** The classical models to show, when the page gives them (else the pickers load the student's own). */
  classicalRuns?: TClassicalRunSummary[] | null | undefined;
};

const Context = createContext<WorkContext | null>(null);

type WorkProviderProps = {
  /** From `useDeliverable(activity, userId)`. */
  work: DeliverableWork;
  /** The student's runs when the page already follows them live; otherwise they are loaded once here. */
  runs?: TExperimentSummary[] | null;
  /** The classical models, when someone else's work is shown (the teacher's grading page). */
  classicalRuns?: TClassicalRunSummary[] | null;
  children: ReactNode;
};

/** Gives the answer fields inside it the activity's work (answers, saving) and the student's runs. */
export function WorkProvider({ work, runs, classicalRuns, children }: WorkProviderProps) {
  const [loaded, setLoaded] = useState<TExperimentSummary[] | null>(null);
  const [runsError, setRunsError] = useState<unknown>(null);
  const given = runs !== undefined;
  useEffect(() => {
    if (given) return;
    api.experiments().then(setLoaded, setRunsError);
  }, [given]);
  return (
    <Context.Provider value={{ work, runs: given ? runs : loaded, runsError, classicalRuns }}>
      {children}
    </Context.Provider>
  );
}

export function useWork(): WorkContext {
  const context = useContext(Context);
  if (!context) throw new Error('useWork() outside <WorkProvider>');
  return context;
}
