import {
  CLASSICAL_RUN_MS,
  runWork,
  type TExperimentSpec,
  type TRunEstimate,
  type TRunWork,
  type TSubmitExperimentQuery,
  ZExperimentSpec,
} from '@dlclass/contracts';
import { ExperimentKind, type QueuedTraining, type RunningTraining } from '@dlclass/db';
import { describeModel } from '@dlclass/ml';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { createLogger } from '../../common/logger';
import { assertTrainable } from './experiment-spec.validation';
import type { TrainingSharing } from './experiments.repository';
import { type QueueTurn, queuedAhead, remainingMs, runDurationMs, startInMs } from './launch-estimate';
import { QueuePlacesService } from './queue-places.service';
import { RunEstimatesRepository } from './run-estimates.repository';
import {
  type IdenticalTraining,
  ownerOf,
  type RunOwner,
  SharedTrainingsService,
} from './shared-trainings.service';

/**
 * A queued or running training's work and epochs, from its stored spec; null for a classical run or a spec
 * that no longer builds.
 */
function storedWork(run: { kind: ExperimentKind; spec: unknown }): { work: TRunWork; epochs: number } | null {
  if (run.kind !== ExperimentKind.NETWORK) return null;
  const parsed = ZExperimentSpec.safeParse(run.spec);
  if (!parsed.success) return null;
  const description = describeModel(parsed.data.model);
  return description.ok
    ? { work: runWork(description.layers, parsed.data.training), epochs: parsed.data.training.epochs }
    : null;
}

/**
 * Launch-time estimates: how long a run would take and when it would start if submitted now, from the live
 * workers' measured speeds (their heartbeats) and the trainings the queue holds, in fair-share order. A run
 * that would share an identical training of its class (see SharedTrainingsService) gets that training's
 * times: its start and duration while queued, no wait and the rest of its time while running, nothing to wait
 * for once it finished.
 */
@Injectable()
export class RunEstimatesService {
  private readonly logger = createLogger(RunEstimatesService.name);

  constructor(
    private readonly repository: RunEstimatesRepository,
    private readonly queuePlaces: QueuePlacesService,
    private readonly access: AccessService,
    private readonly sharedTrainings: SharedTrainingsService,
  ) {}

  /**
   * POST /api/experiments/estimate: the spec is checked as a submission's (400 when it could not train), and
   * seeded as its submission would be, to find what it would share (none with `fresh`, as a retrain).
   */
  async estimate(
    auth: AuthContext,
    submitted: TExperimentSpec,
    { fresh = false }: TSubmitExperimentQuery = {},
  ): Promise<TRunEstimate> {
    await this.access.requireAccess(auth, Permission.ExperimentCreate, []);
    const { layers } = assertTrainable(submitted);
    const owner = ownerOf(auth);
    const { spec, sharing } = await this.sharedTrainings.seeded(owner, submitted, fresh);
    const identical = await this.sharedTrainings.identical(owner, sharing);
    return this.estimateNow(owner.userId, runWork(layers, spec.training), identical);
  }

  /**
   * The estimate a run gets when it is submitted (its spec seeded, with what it may share); null when it cannot
   * be made (it never blocks a run).
   */
  async atSubmission(
    owner: RunOwner,
    spec: TExperimentSpec,
    sharing: TrainingSharing | undefined,
  ): Promise<TRunEstimate | null> {
    const description = describeModel(spec.model);
    if (!description.ok) return null;
    try {
      const identical = await this.sharedTrainings.identical(owner, sharing);
      return await this.estimateNow(owner.userId, runWork(description.layers, spec.training), identical);
    } catch (error) {
      this.logger.warn(
        { err: error, userId: owner.userId },
        'Launch estimate failed: run submitted without one',
      );
      return null;
    }
  }

  private async estimateNow(
    userId: string,
    work: TRunWork,
    identical: IdenticalTraining,
  ): Promise<TRunEstimate> {
    const [{ workers, slots }, trainings, rank] = await Promise.all([
      this.queuePlaces.capacity(),
      this.repository.queuedTrainings(),
      this.repository.nextFairShareRank(userId),
    ]);
    const now = Date.now();
    const occupied = Math.min(slots, trainings.running.length + trainings.queued.length);
    // a training's estimated wall time and epochs (a classical run: a fixed time, one step)
    const timeOf = (run: RunningTraining | QueuedTraining) => {
      const stored = storedWork(run);
      return stored
        ? { ...runDurationMs(stored.work, workers, occupied, slots), epochs: stored.epochs }
        : { durationMs: CLASSICAL_RUN_MS, basis: 'prior' as const, epochs: 1 };
    };
    const running = trainings.running.map((run) => ({
      ...timeOf(run),
      trainingId: run.trainingId,
      elapsedMs: run.startedAt ? now - run.startedAt.getTime() : 0,
      epochsDone: run.epochsDone,
    }));
    const shared = identical?.found === 'live' ? identical.trainingId : null;
    const sharedRunning = running.find((run) => run.trainingId === shared);
    const sharedQueued = trainings.queued.find((run) => run.trainingId === shared);

    // its turn: a training of its own joins the queue now at the user's next rank; one it attaches to keeps its
    // place, moved up to the user's rank if that is better (its job then trains for the user too)
    const turn: QueueTurn & { trainingId?: string } = sharedQueued
      ? {
          trainingId: sharedQueued.trainingId,
          rank: Math.min(rank, sharedQueued.rank),
          createdAt: sharedQueued.createdAt,
        }
      : { rank, createdAt: new Date(now) };
    const ahead = queuedAhead(trainings.queued, turn);
    // this run trains beside the ones that will still hold a slot when it starts
    const busyAtStart = running.length + ahead.length + 1;
    const estimate: TRunEstimate = {
      ...runDurationMs(work, workers, busyAtStart, slots),
      startInMs: startInMs(slots, {
        running,
        aheadMs: ahead.map((run) => timeOf(run).durationMs),
      }),
      slots,
      fullLoadDurationMs: runDurationMs(work, workers, slots, slots).durationMs,
      sharing: sharedQueued ? 'attached' : null,
    };
    // answered at once with a finished run's results: known, not estimated
    if (identical?.found === 'done')
      return { ...estimate, durationMs: 0, startInMs: 0, basis: 'measured', sharing: 'reused' };
    if (sharedRunning)
      return {
        ...estimate,
        durationMs: remainingMs(sharedRunning),
        basis: sharedRunning.basis,
        startInMs: 0,
        sharing: 'attached',
      };
    return estimate;
  }
}
