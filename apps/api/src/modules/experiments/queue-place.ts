/** Where a queued run stands: its place (1 = next to start) and the estimated wait before it starts. */
export interface QueuePlace {
  position: number;
  estimatedWaitMs: number | null;
}

/** The mean run time assumed when no run ended in the last hour (a tiny MLP takes seconds, a CNN minutes). */
export const DEFAULT_RUN_MS = 60_000;
/** Runs that ended within this window give the mean run time. */
export const RUN_TIME_WINDOW_MS = 3_600_000;

/**
 * The estimated wait of the run at that place: the runs ahead of it and the running ones end at a rate of
 * `slots` runs per mean run time, so place / slots × mean. Null when no worker is up (nothing would start).
 */
export function estimateWaitMs(position: number, slots: number, meanRunMs: number | null): number | null {
  if (slots < 1) return null;
  return Math.round((position / slots) * (meanRunMs ?? DEFAULT_RUN_MS));
}

/** Runs trained at once: the live workers' slots, capped by the global concurrency; none while paused. */
export function trainingSlots(
  workerSlots: number,
  globalConcurrency: number | null,
  paused: boolean,
): number {
  if (paused) return 0;
  return globalConcurrency === null ? workerSlots : Math.min(workerSlots, globalConcurrency);
}
