'use client';

import type { TExperimentSpecInput, TRunEstimate } from '@dlclass/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api';
import { useEvery } from './useEvery';

/** A pause in the typing before the estimate is asked for (the API counts them per student). */
const DEBOUNCE_MS = 400;
/** The queue moves while the form stays open: the estimate is asked for again this often. */
const REFRESH_MS = 20_000;

export type RunEstimateState =
  | { kind: 'none' }
  | { kind: 'pending' }
  | { kind: 'ready'; estimate: TRunEstimate }
  | { kind: 'failed' };

/**
 * The launch-time estimate of a spec (null: none to estimate, e.g. an invalid form), asked for once the spec
 * stays the same for DEBOUNCE_MS and again every REFRESH_MS; an answer for an older spec is dropped.
 */
export function useRunEstimate(spec: TExperimentSpecInput | null): RunEstimateState {
  const key = spec ? JSON.stringify(spec) : null;
  const [state, setState] = useState<{ key: string | null; value: RunEstimateState }>({
    key: null,
    value: { kind: 'none' },
  });
  /** The latest request: only its answer is kept. */
  const latest = useRef(0);
  const ask = useCallback((asked: string) => {
    const request = ++latest.current;
    api.estimateRun(JSON.parse(asked) as TExperimentSpecInput).then(
      (estimate) => {
        if (request === latest.current) setState({ key: asked, value: { kind: 'ready', estimate } });
      },
      () => {
        if (request === latest.current) setState({ key: asked, value: { kind: 'failed' } });
      },
    );
  }, []);

  useEffect(() => {
    if (key === null) return;
    const timer = setTimeout(() => ask(key), DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      latest.current++; // an answer still on its way is for another spec
    };
  }, [key, ask]);
  useEvery(REFRESH_MS, () => key !== null && ask(key), key !== null);

  if (key === null) return { kind: 'none' };
  // the last answer stays shown while the next one comes, unless it was for another spec
  return state.key === key ? state.value : { kind: 'pending' };
}
