import {
  estimateDurationMs,
  estimateStartMs,
  expectedLoad,
  nearestSpeed,
  PRIOR_SPEEDS,
  speedShape,
  type TRunEstimate,
  type TRunWork,
  type TWorkerInfo,
} from '@dlclass/contracts';

/** A live worker as the estimates see it. */
export type LiveWorker = Pick<TWorkerInfo, 'backend' | 'concurrency' | 'speeds'>;

/**
 * The wall time of a run of that work if it starts while `busy` of the `slots` are taken (itself included):
 * on each live worker, its measured speed nearest to the run's shape and load, else its backend's prior;
 * the mean over the workers weighted by their slots (any of them may take it). Without a live worker, wasm's
 * prior. 'measured' only when every live worker's figure is.
 */
export function runDurationMs(
  work: TRunWork,
  workers: readonly LiveWorker[],
  busy: number,
  slots: number,
): Pick<TRunEstimate, 'durationMs' | 'basis'> {
  if (workers.length === 0)
    return { durationMs: estimateDurationMs(work, PRIOR_SPEEDS.wasm), basis: 'prior' };
  let weighted = 0;
  let weights = 0;
  let measured = true;
  for (const worker of workers) {
    const concurrency = worker.concurrency ?? 1;
    const entry = nearestSpeed(worker.speeds ?? [], speedShape(work, expectedLoad(busy, slots, concurrency)));
    measured &&= entry !== null;
    weighted += concurrency * estimateDurationMs(work, entry ?? PRIOR_SPEEDS[worker.backend]);
    weights += concurrency;
  }
  return { durationMs: Math.round(weighted / weights), basis: measured ? 'measured' : 'prior' };
}

/** What the queue holds now, each run with its estimated wall time. */
export interface QueueState {
  /** The runs training now: how long each has been running, and its estimated wall time. */
  running: readonly { elapsedMs: number; durationMs: number }[];
  /** The runs that start before the one estimated (its fair-share rank or better), in their order. */
  aheadMs: readonly number[];
}

/**
 * When a run submitted now would start: the running runs keep their slots for the rest of their estimated
 * time (none left when one runs late: it is about to end), then the runs ahead take the free slots in order.
 */
export function startInMs(slots: number, queue: QueueState): number | null {
  if (slots < 1) return null;
  const remaining = queue.running.map((run) => Math.max(0, run.durationMs - run.elapsedMs));
  return estimateStartMs(new Array<number>(slots).fill(0), [...remaining, ...queue.aheadMs]);
}
