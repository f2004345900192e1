import {
  CLASSICAL_RUN_MS,
  runWork,
  type TExperimentSpec,
  type TRunEstimate,
  type TRunWork,
  ZExperimentSpec,
} from '@dlclass/contracts';
import { ExperimentKind } from '@dlclass/db';
import { describeModel } from '@dlclass/ml';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { createLogger } from '../../common/logger';
import { assertTrainable } from './experiment-spec.validation';
import { runDurationMs, startInMs } from './launch-estimate';
import { QueuePlacesService } from './queue-places.service';
import { RunEstimatesRepository } from './run-estimates.repository';

/** A queued or running run's work, from its stored spec; null for a classical run or a spec that no longer builds. */
function storedWork(run: { kind: ExperimentKind; spec: unknown }): TRunWork | null {
  if (run.kind !== ExperimentKind.NETWORK) return null;
  const parsed = ZExperimentSpec.safeParse(run.spec);
  if (!parsed.success) return null;
  const description = describeModel(parsed.data.model);
  return description.ok ? runWork(description.layers, parsed.data.training) : null;
}

/**
 * Launch-time estimates: how long a run would take and when it would start if submitted now, from the live
 * workers' measured speeds (their heartbeats) and the trainings the queue holds, in fair-share order.
 */
@Injectable()
export class RunEstimatesService {
  private readonly logger = createLogger(RunEstimatesService.name);

  constructor(
    private readonly repository: RunEstimatesRepository,
    private readonly queuePlaces: QueuePlacesService,
    private readonly access: AccessService,
  ) {}

  /** POST /api/experiments/estimate: the spec is checked as a submission's (400 when it could not train). */
  async estimate(auth: AuthContext, spec: TExperimentSpec): Promise<TRunEstimate> {
    await this.access.requireAccess(auth, Permission.ExperimentCreate, []);
    const { layers } = assertTrainable(spec);
    return this.estimateNow(auth.user.id, runWork(layers, spec.training));
  }

  /** The estimate a run gets when it is submitted; null when it cannot be made (it never blocks a run). */
  async atSubmission(userId: string, spec: TExperimentSpec): Promise<TRunEstimate | null> {
    const description = describeModel(spec.model);
    if (!description.ok) return null;
    try {
      return await this.estimateNow(userId, runWork(description.layers, spec.training));
    } catch (error) {
      this.logger.warn({ err: error, userId }, 'Launch estimate failed: run submitted without one');
      return null;
    }
  }

  private async estimateNow(userId: string, work: TRunWork): Promise<TRunEstimate> {
    const [{ workers, slots }, trainings, rank] = await Promise.all([
      this.queuePlaces.capacity(),
      this.repository.queuedTrainings(),
      this.repository.nextFairShareRank(userId),
    ]);
    const now = Date.now();
    const ahead = trainings.queued.filter((run) => run.rank <= rank);
    const occupied = Math.min(slots, trainings.running.length + trainings.queued.length);
    const durationOf = (run: { kind: ExperimentKind; spec: unknown }) => {
      const stored = storedWork(run);
      return stored ? runDurationMs(stored, workers, occupied, slots).durationMs : CLASSICAL_RUN_MS;
    };
    const queue = {
      running: trainings.running.map((run) => ({
        elapsedMs: run.startedAt ? now - run.startedAt.getTime() : 0,
        durationMs: durationOf(run),
      })),
      aheadMs: ahead.map(durationOf),
    };
    // this run trains beside the ones that will still hold a slot when it starts
    const busyAtStart = trainings.running.length + ahead.length + 1;
    const duration = runDurationMs(work, workers, busyAtStart, slots);
    return {
      ...duration,
      startInMs: startInMs(slots, queue),
      slots,
      fullLoadDurationMs: runDurationMs(work, workers, slots, slots).durationMs,
    };
  }
}
