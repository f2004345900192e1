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

/** A training running now: how long it has been running, its estimated wall time, and its epochs. */
export interface RunningProgress {
  elapsedMs: number;
  durationMs: number;
  /** Epochs done so far, of `epochs`. */
  epochsDone: number;
  epochs: number;
}

/**
 * The time a running training still needs: once it has done epochs, those left at the pace of those done (the
 * live progress says more than the estimate made before it started); before, the rest of its estimate. None
 * when it runs late: it is about to end.
 */
export function remainingMs(run: RunningProgress): number {
  if (run.epochsDone <= 0 || run.epochs <= 0) return Math.max(0, Math.round(run.durationMs - run.elapsedMs));
  const left = Math.max(0, run.epochs - run.epochsDone);
  return Math.round((run.elapsedMs / run.epochsDone) * left);
}

/** A training's turn in the queue: by rank (its job's priority), then first come. */
export interface QueueTurn {
  rank: number;
  createdAt: Date;
}

/**
 * The queued trainings that start before one of that turn (the queue's order, see queuePlaces in @dlclass/db):
 * a better rank, or the same one and there first. `queued` is in that order; the training itself is left out.
 */
export function queuedAhead<T extends QueueTurn & { trainingId: string }>(
  queued: readonly T[],
  turn: QueueTurn & { trainingId?: string },
): T[] {
  return queued.filter(
    (other) =>
      other.trainingId !== turn.trainingId &&
      (other.rank < turn.rank ||
        (other.rank === turn.rank && other.createdAt.getTime() <= turn.createdAt.getTime())),
  );
}

/** What the queue holds now, each run with its estimated wall time. */
export interface QueueState {
  /** The trainings running now. */
  running: readonly RunningProgress[];
  /** The runs that start before the one estimated (its fair-share rank or better), in their order. */
  aheadMs: readonly number[];
}

/**
 * When a run submitted now would start: the running trainings keep their slots for the time they still need
 * (see remainingMs), then the runs ahead take the free slots in order.
 */
export function startInMs(slots: number, queue: QueueState): number | null {
  if (slots < 1) return null;
  return estimateStartMs(new Array<number>(slots).fill(0), [
    ...queue.running.map(remainingMs),
    ...queue.aheadMs,
  ]);
}
