import {
  classicalRunName,
  ErrorCode,
  type TClassicalRun,
  type TClassicalRunSummary,
  type TClassicalSpec,
  type TExperiment,
  type TExperimentSpec,
  type TExperimentSummary,
  type TListExperimentsQuery,
  type TRealWorldDrawing,
  type TSubmitExperimentQuery,
  type TSubmitExperimentResponse,
} from '@dlclass/contracts';
import { ExperimentKind, trainingIdOf } from '@dlclass/db';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { Bulkhead } from '../../common/bulkhead';
import { DomainError } from '../../common/errors';
import { createLogger } from '../../common/logger';
import { assertCountsWithin, QuotasService, type RunAdmission } from '../admin/quotas.service';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { experimentMapper } from './experiment.mapper';
import { assertTrainable } from './experiment-spec.validation';
import {
  type ExperimentRow,
  type ExperimentScope,
  ExperimentsRepository,
  type TrainingSharing,
} from './experiments.repository';
import type { QueuePlace } from './queue-place';
import { QueuePlacesService } from './queue-places.service';
import { RunEstimatesService } from './run-estimates.service';
import { ownerOf, type RunOwner, SharedTrainingsService } from './shared-trainings.service';
import { TrainingQueueProducer } from './training-queue.producer';

/** A tfjs `model.json` whose weights are fetched from `model/weights.bin` next to it. */
export interface TfjsModelJson {
  format: 'layers-model';
  generatedBy: string;
  modelTopology: unknown;
  weightsManifest: [{ paths: ['model/weights.bin']; weights: unknown }];
}

/** Stored as the run's error when its job could not be queued. */
const QUEUE_DOWN_REASON =
  "La file d'attente des entraînements était indisponible : l'expérience n'a pas été lancée. Soumettez-la à nouveau.";

/**
 * Runs being queued at once by this API instance (the others wait their turn, in order). On the 2-core test
 * machine (npm run loadtest), 30 runs submitted in the same instant raised the autosaves' p99 to 0.9-2.1 s in
 * the 2 s that followed; 4 at a time, to 1.0-1.1 s. The submissions pay for it: the last one of 30 waits a few
 * seconds, an acceptable wait for a click that starts a run of minutes.
 */
const SUBMISSIONS_AT_ONCE = 4;

@Injectable()
export class ExperimentsService {
  private readonly logger = createLogger(ExperimentsService.name);
  private readonly submissions = new Bulkhead(SUBMISSIONS_AT_ONCE);

  constructor(
    private readonly repository: ExperimentsRepository,
    private readonly access: AccessService,
    private readonly producer: TrainingQueueProducer,
    private readonly realtime: RealtimePublisher,
    private readonly queuePlaces: QueuePlacesService,
    private readonly quotas: QuotasService,
    private readonly estimates: RunEstimatesService,
    private readonly sharedTrainings: SharedTrainingsService,
  ) {}

  /**
   * A network run. In a class, identical runs share one training (see shared-training.ts in @dlclass/db):
   * the run may attach to one queued or running, or be answered at once with the results of one finished;
   * `fresh` trains it anew all the same (a student's "retrain anyway").
   */
  async submit(
    auth: AuthContext,
    submitted: TExperimentSpec,
    correlationId: string,
    { fresh = false }: TSubmitExperimentQuery = {},
  ): Promise<TSubmitExperimentResponse> {
    await this.access.requireAccess(auth, Permission.ExperimentCreate, []);
    const { layers, parameterCount } = assertTrainable(submitted);
    const admission = await this.quotas.admit(auth, {
      kind: 'network',
      parameterCount,
      layers,
      training: submitted.training,
    });
    const owner = ownerOf(auth);
    const { spec, sharing } = await this.sharedTrainings.seeded(owner, submitted, fresh);
    const name = spec.name ?? 'Expérience sans nom';
    const run = { kind: ExperimentKind.NETWORK, name, spec, parameterCount };
    return this.queue(owner, run, correlationId, admission, undefined, sharing);
  }

  /** A classical model on the networks' split: the same queue, rows and events as a network's run. */
  async submitClassical(
    auth: AuthContext,
    spec: TClassicalSpec,
    correlationId: string,
  ): Promise<TSubmitExperimentResponse> {
    await this.access.requireAccess(auth, Permission.ExperimentCreate, []);
    const admission = await this.quotas.admit(auth, { kind: 'classical' });
    const name = spec.name ?? classicalRunName(spec);
    const run = { kind: ExperimentKind.CLASSICAL, name, spec, parameterCount: 0 };
    return this.queue(ownerOf(auth), run, correlationId, admission);
  }

  /**
   * An admin's retry of a FAILED run: a new run of the same spec for the same owner, under the owner's time
   * limit (the failed run stays as it is, for the record, and says which run retried it; quotas on counts do
   * not apply to an admin's retry). A run is retried once: a second click, even at the same moment, is a 409.
   */
  async retry(id: string, correlationId: string): Promise<TSubmitExperimentResponse> {
    const row = await this.repository.findById(id);
    if (!row) throw new DomainError(ErrorCode.NotFound);
    if (row.status !== 'FAILED') throw new DomainError(ErrorCode.NotRetryable);
    const alreadyRetried = () => new DomainError(ErrorCode.AlreadyRetried);
    if (row.retriedAsId) throw alreadyRetried();
    const owner = { userId: row.userId, classId: row.classId };
    const run = {
      kind: row.kind,
      name: row.name,
      spec: row.spec as TExperimentSpec | TClassicalSpec,
      parameterCount: row.parameterCount,
    };
    // a network run of a class shares as a student's submission does (its spec already has its seed)
    const { sharing } =
      row.kind === ExperimentKind.NETWORK
        ? await this.sharedTrainings.seeded(owner, run.spec as TExperimentSpec, false)
        : { sharing: undefined };
    return this.queue(
      owner,
      run,
      correlationId,
      { timeLimitS: await this.quotas.runTimeLimit(owner), counts: null },
      { id, taken: alreadyRetried },
      sharing,
    );
  }

  /**
   * Row first (QUEUED), then the job: the job id is the row id. A run that shares a training needs no job of
   * its own (see ExperimentsRepository.create). A few submissions at a time (see above).
   */
  private queue(...args: Parameters<ExperimentsService['queueNow']>): Promise<TSubmitExperimentResponse> {
    return this.submissions.run(() => this.queueNow(...args));
  }

  private async queueNow(
    owner: RunOwner,
    run: {
      kind: ExperimentKind;
      name: string;
      spec: TExperimentSpec | TClassicalSpec;
      parameterCount: number;
    },
    correlationId: string,
    { timeLimitS, counts }: RunAdmission,
    retryOf?: { id: string; taken: () => Error },
    sharing?: TrainingSharing,
  ): Promise<TSubmitExperimentResponse> {
    // the queue as it stands before this run joins it: what its owner was told before the click
    const estimate =
      run.kind === ExperimentKind.NETWORK
        ? await this.estimates.atSubmission(owner, run.spec as TExperimentSpec, sharing)
        : null;
    const row = await this.repository.create(
      {
        ...owner,
        ...run,
        timeLimitS,
        estimatedDurationMs: estimate?.durationMs ?? null,
        estimatedWaitMs: estimate?.startInMs ?? null,
        estimateBasis: estimate?.basis ?? null,
      },
      counts ? (current) => assertCountsWithin(current, counts) : undefined,
      retryOf,
      sharing,
    );
    const trainingId = trainingIdOf(row);
    if (row.attachedToId && row.status === 'QUEUED') await this.raisePriority(trainingId);
    else if (!row.reusedFromId) await this.enqueue(trainingId, correlationId, timeLimitS);
    // a worker may have taken it already: then it is first, with nothing to wait
    const place =
      row.status === 'QUEUED'
        ? ((await this.queuePlaces.placeOf(row)) ?? { position: 1, estimatedWaitMs: 0 })
        : null;
    this.realtime.emitToExperimentAudience(
      row,
      'experiment:status',
      experimentMapper.statusEvent(row, place),
    );
    const shared = experimentMapper.sharing(row);
    this.logger.info(
      { experimentId: row.id, userId: owner.userId, kind: run.kind, correlationId, trainingId, shared },
      'Run submitted',
    );
    return {
      id: row.id,
      status: experimentMapper.status(row) as TSubmitExperimentResponse['status'],
      queuePosition: place?.position ?? null,
      estimatedWaitMs: place?.estimatedWaitMs ?? null,
      sharing: shared,
    };
  }

  /** The job of a new training: its id is the training's (its first run's), its priority its fair-share rank. */
  private async enqueue(trainingId: string, correlationId: string, timeLimitS: number): Promise<void> {
    try {
      const rank = await this.repository.fairShareRank(trainingId);
      await this.producer.enqueueTraining({ experimentId: trainingId, correlationId, timeLimitS }, rank);
    } catch (error) {
      // Nothing is left dangling: the rows say why they never ran, the caller gets a 503.
      this.logger.error(
        { err: error, experimentId: trainingId, correlationId },
        'Could not queue the training job',
      );
      const failedRuns = await this.repository
        .failIfQueued(trainingId, QUEUE_DOWN_REASON)
        .catch((failError: unknown) => {
          this.logger.error({ err: failError, experimentId: trainingId }, 'Could not mark the run FAILED');
          return [];
        });
      // runs that attached meanwhile were told it was queued
      for (const failed of failedRuns) {
        if (failed.id !== trainingId)
          this.realtime.emitToExperimentAudience(
            failed,
            'experiment:status',
            experimentMapper.statusEvent(failed, null),
          );
      }
      throw error instanceof DomainError ? error : new DomainError(ErrorCode.QueueUnavailable);
    }
  }

  /**
   * A run attached to a queued training: its job now trains for one more run, and starts as early as the
   * best of their fair-share ranks allows (a no-op once a worker took it). Best effort: the run is attached
   * whatever the queue answers.
   */
  private async raisePriority(trainingId: string): Promise<void> {
    try {
      await this.producer.raisePriority(trainingId, await this.repository.fairShareRank(trainingId));
    } catch (error) {
      this.logger.warn(
        { err: error, experimentId: trainingId },
        'Could not raise the shared training priority',
      );
    }
  }

  /** The caller's own runs; a teacher also sees their classes' runs (or one class's with ?classId=). */
  async list(auth: AuthContext, query: TListExperimentsQuery): Promise<TExperimentSummary[]> {
    const rows = await this.repository.list(await this.scope(auth, query), ExperimentKind.NETWORK);
    const places = await this.placesOf(rows);
    return rows.map((row) => experimentMapper.summary(row, places.get(row.id) ?? null));
  }

  /** The same runs as list(), of the classical kind. */
  async listClassical(auth: AuthContext, query: TListExperimentsQuery): Promise<TClassicalRunSummary[]> {
    const rows = await this.repository.list(await this.scope(auth, query), ExperimentKind.CLASSICAL);
    const places = await this.placesOf(rows);
    return rows.map((row) => experimentMapper.classicalSummary(row, places.get(row.id) ?? null));
  }

  private async scope(auth: AuthContext, query: TListExperimentsQuery): Promise<ExperimentScope> {
    if (query.classId) {
      await this.access.requireAccess(auth, Permission.ClassRead, query.classId);
      return { kind: 'class', classId: query.classId };
    }
    if (auth.user.role === 'admin') return { kind: 'all' };
    if (auth.user.role === 'teacher') return { kind: 'ownerOrTaughtBy', userId: auth.user.id };
    return { kind: 'owner', userId: auth.user.id };
  }

  async get(auth: AuthContext, id: string): Promise<TExperiment> {
    await this.access.requireAccess(auth, Permission.ExperimentRead, id);
    const row = await this.load(id, ExperimentKind.NETWORK);
    return experimentMapper.experiment(row, await this.queuePlaces.placeOf(row));
  }

  async getClassical(auth: AuthContext, id: string): Promise<TClassicalRun> {
    await this.access.requireAccess(auth, Permission.ExperimentRead, id);
    const row = await this.load(id, ExperimentKind.CLASSICAL);
    return experimentMapper.classicalRun(row, await this.queuePlaces.placeOf(row));
  }

  /**
   * The class's drawings a classical model was tested on, with its answers: the page tests the student's
   * network on the same ones. A drawing deleted since is left out.
   */
  async realWorld(auth: AuthContext, id: string): Promise<TRealWorldDrawing[]> {
    await this.access.requireAccess(auth, Permission.ExperimentRead, id);
    const realWorld = experimentMapper.classicalRun(await this.load(id, ExperimentKind.CLASSICAL), null)
      .result?.evaluation.realWorld;
    if (!realWorld) return [];
    const drawings = new Map(
      (await this.repository.drawingPixels(realWorld.drawingIds)).map((drawing) => [drawing.id, drawing]),
    );
    return realWorld.drawingIds.flatMap((drawingId, i) => {
      const drawing = drawings.get(drawingId);
      const predicted = realWorld.predictions[i];
      const intended = realWorld.labels[i];
      return drawing && predicted !== undefined && intended !== undefined
        ? [{ id: drawingId, intended, predicted, pixels: Array.from(drawing.pixels) }]
        : [];
    });
  }

  async cancel(auth: AuthContext, id: string): Promise<TExperiment> {
    const row = await this.cancelRun(auth, id, ExperimentKind.NETWORK);
    return experimentMapper.experiment(row, await this.queuePlaces.placeOf(row));
  }

  async cancelClassical(auth: AuthContext, id: string): Promise<TClassicalRun> {
    const row = await this.cancelRun(auth, id, ExperimentKind.CLASSICAL);
    return experimentMapper.classicalRun(row, await this.queuePlaces.placeOf(row));
  }

  /** A run of either kind (the admin page lists both). */
  async cancelAny(auth: AuthContext, id: string): Promise<void> {
    const row = await this.repository.findById(id);
    if (!row) throw new DomainError(ErrorCode.NotFound);
    await this.cancelRun(auth, id, row.kind);
  }

  /**
   * A run whose training others still wait for leaves it at once (CANCELLED; it goes on for them). The last
   * one stops it: a queued training is withdrawn and CANCELLED here, a running one stopped by its worker.
   */
  private async cancelRun(auth: AuthContext, id: string, kind: ExperimentKind): Promise<ExperimentRow> {
    await this.access.requireAccess(auth, Permission.ExperimentCancel, id);
    const row = await this.load(id, kind);
    if (row.status !== 'QUEUED' && row.status !== 'RUNNING') throw new DomainError(ErrorCode.NotCancellable);
    const outcome = await this.repository.leaveTraining(id);
    if (!outcome) throw new DomainError(ErrorCode.NotCancellable);
    if (outcome.detached) {
      const left = await this.load(id, kind);
      this.realtime.emitToExperimentAudience(
        left,
        'experiment:status',
        experimentMapper.statusEvent(left, null),
      );
      this.logger.info({ experimentId: id, userId: auth.user.id }, 'Run left its shared training');
      return left;
    }
    const { trainingId } = outcome;
    await this.producer.signalCancel(trainingId);
    if (row.status === 'QUEUED') {
      await this.producer.withdraw(trainingId);
      const cancelled = await this.repository.cancelIfQueued(trainingId);
      for (const each of cancelled) {
        this.realtime.emitToExperimentAudience(
          each,
          'experiment:status',
          experimentMapper.statusEvent(each, null),
        );
      }
      if (cancelled.length > 0) {
        this.logger.info({ experimentId: id, userId: auth.user.id }, 'Queued run cancelled');
        return this.load(id, kind);
      }
    }
    this.logger.info({ experimentId: id, userId: auth.user.id }, 'Cancel requested from the worker');
    return this.load(id, kind);
  }

  async modelJson(auth: AuthContext, id: string): Promise<TfjsModelJson> {
    await this.access.requireAccess(auth, Permission.ExperimentRead, id);
    const model = await this.requireModel(id);
    return {
      format: 'layers-model',
      generatedBy: 'dlclass',
      modelTopology: model.modelTopology,
      weightsManifest: [{ paths: ['model/weights.bin'], weights: model.weightSpecs }],
    };
  }

  async modelWeights(auth: AuthContext, id: string): Promise<Buffer> {
    await this.access.requireAccess(auth, Permission.ExperimentRead, id);
    const model = await this.requireModel(id);
    return Buffer.from(model.weightData);
  }

  private async requireModel(id: string) {
    const model = await this.repository.findModel(id);
    if (!model) throw new DomainError(ErrorCode.ModelNotReady);
    return model;
  }

  /** The run, if it is of that kind (a classical run is not found among the networks, and the reverse). */
  private async load(id: string, kind: ExperimentKind): Promise<ExperimentRow> {
    const row = await this.repository.findById(id, kind);
    if (!row) throw new DomainError(ErrorCode.NotFound);
    return row;
  }

  /** The queue places of every queued run (when some of these rows are queued). */
  private async placesOf(rows: { status: string }[]): Promise<Map<string, QueuePlace>> {
    return rows.some((row) => row.status === 'QUEUED') ? this.queuePlaces.places() : new Map();
  }
}
