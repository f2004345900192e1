import type { TEpochMetrics, TEpochProgress, TExperiment, TExperimentStatusEvent } from '@dlclass/contracts';

type Epochs = TEpochMetrics[];
type Live = Pick<TExperiment, 'status' | 'queuePosition' | 'estimatedWaitMs' | 'backend' | 'error'>;

/** One batch of the live curves, placed on the epoch axis. */
export type BatchPoint = { x: number; loss: number; accuracy: number };

/** Merges persisted epochs with the ones that arrived live, by epoch number (the first source wins). */
export function mergeEpochs(a: Epochs, b: Epochs): Epochs {
  const byEpoch = new Map(a.map((e) => [e.epoch, e]));
  for (const e of b) if (!byEpoch.has(e.epoch)) byEpoch.set(e.epoch, e);
  return [...byEpoch.values()].sort((x, y) => x.epoch - y.epoch);
}

/** The metrics an epoch event carries, as stored on the run. */
export function epochMetrics(event: TEpochProgress): TEpochMetrics {
  const { kind: _kind, experimentId: _id, seq: _seq, epochs: _total, ...metrics } = event;
  return metrics;
}

/** A run (full or summary) with a status event applied. */
export function withStatus<R extends Live>(run: R, event: TExperimentStatusEvent): R {
  return {
    ...run,
    status: event.status,
    queuePosition: event.queuePosition,
    estimatedWaitMs: event.estimatedWaitMs,
    backend: event.backend ?? run.backend,
    error: event.error,
  };
}

/** Whether a run still waits or trains (its live view must keep following it). */
export function isActive(run: Pick<TExperiment, 'status'> | null | undefined): boolean {
  return run?.status === 'queued' || run?.status === 'running';
}

/** Where a batch stands on the epoch axis: epoch 2, batch 30 of 60 -> 1.5. */
export function epochPosition(batch: { epoch: number; batch: number; batchesPerEpoch: number }): number {
  return batch.epoch - 1 + batch.batch / batch.batchesPerEpoch;
}
