import { randomUUID } from 'node:crypto';
import { JobName, type TTrainExperimentJob, trainingJobOptions } from '@dlclass/contracts';
import { ExperimentStatus, trainingIdOf } from '@dlclass/db';
import type { Queue } from 'bullmq';
import type { RealtimePublisher } from './events';
import type { ExperimentRepository } from './experiment.repository';
import type { Logger } from './logger';
import { FAILURE_REASONS } from './train-experiment.processor';

/** Job states in which some worker will still take (or is running) the job. */
const LIVE_STATES = new Set(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);

export interface TReconcileReport {
  requeued: string[];
  failed: string[];
}

/**
 * Backstop run at worker start and whenever its Redis connection comes back (see queuedOnly), for runs whose job the queue lost (Redis flushed, the API stopped between
 * its database write and its queue add, a worker killed while BullMQ was failing the job). A job trains one
 * training: the runs attached to a shared training are reconciled with their training's job.
 * - a training with a QUEUED run and no job gets it back, with the API's job options, job id = training id
 *   and the same fair-share priority (a no-op if the job appears meanwhile); a QUEUED run whose job already
 *   ended is marked FAILED;
 * - a RUNNING run whose job is neither active nor waiting nor delayed is marked FAILED, in French.
 */
export async function reconcileRuns(deps: {
  repository: ExperimentRepository;
  queue: Queue;
  publisher: RealtimePublisher;
  logger: Logger;
  /**
   * Only give lost jobs back to QUEUED runs (after Redis came back empty): the RUNNING runs' jobs were lost
   * too, while their workers still train them.
   */
  queuedOnly?: boolean;
}): Promise<TReconcileReport> {
  const { repository, queue, publisher, logger } = deps;
  const report: TReconcileReport = { requeued: [], failed: [] };
  // the runs of a training move together: the oldest (listed first) tells its state and its time limit
  const trainings = new Map<string, Awaited<ReturnType<ExperimentRepository['listUnfinished']>>[number]>();
  for (const run of await repository.listUnfinished()) {
    if (!trainings.has(trainingIdOf(run))) trainings.set(trainingIdOf(run), run);
  }
  for (const [trainingId, run] of trainings) {
    if (deps.queuedOnly && run.status !== ExperimentStatus.QUEUED) continue;
    const state = await queue.getJobState(trainingId);
    if (LIVE_STATES.has(state)) continue;
    if (run.status === ExperimentStatus.QUEUED && state === 'unknown') {
      // the time limit its owner's quota gave it when submitted, kept on the run
      const payload: TTrainExperimentJob = {
        experimentId: trainingId,
        correlationId: `reconcile-${randomUUID()}`,
        ...(run.timeLimitS === null ? {} : { timeLimitS: run.timeLimitS }),
      };
      const rank = await repository.fairShareRank(trainingId);
      await queue.add(JobName.TrainExperiment, payload, trainingJobOptions(trainingId, rank));
      report.requeued.push(trainingId);
      logger.warn({ experimentId: trainingId }, 'queued run had no job: job added again');
      continue;
    }
    const reason = run.status === ExperimentStatus.RUNNING ? FAILURE_REASONS.lost : FAILURE_REASONS.internal;
    const failed = await repository.markFailed(trainingId, reason);
    for (const each of failed) {
      publisher.status(each, 'failed', { error: reason });
      report.failed.push(each.id);
    }
    if (failed.length > 0) {
      logger.warn(
        { experimentId: trainingId, status: run.status, jobState: state },
        'orphan run marked FAILED',
      );
    }
  }
  return report;
}
