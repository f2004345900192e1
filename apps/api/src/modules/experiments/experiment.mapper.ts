import {
  type TClassicalResult,
  type TClassicalRun,
  type TClassicalRunSummary,
  type TClassicalSpec,
  type TEvaluation,
  type TExperiment,
  type TExperimentSpec,
  type TExperimentStatus,
  type TExperimentStatusEvent,
  type TExperimentSummary,
  type TLaunchEstimate,
  type TRunSharing,
  toFieldErrors,
  ZClassicalResult,
  ZClassicalSpec,
  ZEvaluation,
  ZExperimentSpec,
} from '@dlclass/contracts';
import { ExperimentKind } from '@dlclass/db';
import { describeModel } from '@dlclass/ml';
import type { z } from 'zod';
import { createLogger } from '../../common/logger';
import type { ExperimentRow, ExperimentSummaryRow } from './experiments.repository';
import type { QueuePlace } from './queue-place';

let logger: ReturnType<typeof createLogger> | undefined;

/**
 * The stored spec, checked against today's contract. Every spec was valid when submitted; one that no
 * longer parses (a limit tightened since) is logged and shown as stored: the run exists, and refusing
 * to show it would blame the caller (a 400) for the server's own data.
 */
function storedSpec<T>(
  schema: z.ZodType<T>,
  row: { id: string; spec: unknown },
): { spec: T; current: boolean } {
  const parsed = schema.safeParse(row.spec);
  if (parsed.success) return { spec: parsed.data, current: true };
  logger ??= createLogger('ExperimentMapper');
  logger.warn(
    { experimentId: row.id, problems: toFieldErrors(parsed.error) },
    'Stored spec no longer matches the contract; shown as stored',
  );
  return { spec: row.spec as T, current: false };
}

const status = (row: { status: string }): TExperimentStatus => row.status.toLowerCase() as TExperimentStatus;

/** A queued run's place and estimated wait; none for a run that left the queue. */
function queueFields(row: { status: string }, place: QueuePlace | null) {
  const queued = row.status === 'QUEUED' ? place : null;
  return { queuePosition: queued?.position ?? null, estimatedWaitMs: queued?.estimatedWaitMs ?? null };
}

/** What every run shows, whatever it trains. */
function lifecycle(row: ExperimentSummaryRow, place: QueuePlace | null) {
  return {
    id: row.id,
    name: row.name,
    userId: row.userId,
    ownerName: row.user.displayName,
    classId: row.classId,
    status: status(row),
    ...queueFields(row, place),
    error: row.error,
    backend: row.backend,
    device: row.device,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    testAccuracy: row.testAccuracy,
  };
}

/** The estimate the run got at submission; null for a run submitted without one. */
function launchEstimate(row: ExperimentSummaryRow): TLaunchEstimate | null {
  if (row.estimatedDurationMs === null) return null;
  return {
    durationMs: row.estimatedDurationMs,
    waitMs: row.estimatedWaitMs,
    basis: row.estimateBasis === 'measured' ? 'measured' : 'prior',
  };
}

function toSummary(
  row: ExperimentSummaryRow,
  spec: TExperimentSpec,
  place: QueuePlace | null,
): TExperimentSummary {
  return {
    ...lifecycle(row, place),
    spec,
    parameterCount: row.parameterCount,
    launchEstimate: launchEstimate(row),
    epochs: row.epochs.map((epoch) => ({ ...epoch })),
    hasModel: row.model !== null,
    sharing: experimentMapper.sharing(row),
  };
}

/** A classical run's result: its evaluation, then the times stored beside it. */
function classicalResult(row: ExperimentRow): TClassicalResult | null {
  const evaluation = experimentMapper.evaluation(row);
  if (!evaluation) return null;
  const { fitMs, predictMs } = row.evaluation as Record<string, unknown>;
  const parsed = ZClassicalResult.safeParse({ evaluation, fitMs, predictMs });
  return parsed.success ? parsed.data : null;
}

/** The one place where experiment rows become contracts DTOs. */
export const experimentMapper = {
  status,

  /** How a run shares a training of its class (see ZRunSharing); null when it is trained for itself. */
  sharing(row: Pick<ExperimentSummaryRow, 'attachedToId' | 'reusedFromId'>): TRunSharing | null {
    return row.reusedFromId ? 'reused' : row.attachedToId ? 'attached' : null;
  },

  summary(row: ExperimentSummaryRow, place: QueuePlace | null): TExperimentSummary {
    return toSummary(row, storedSpec(ZExperimentSpec, row).spec, place);
  },

  experiment(row: ExperimentRow, place: QueuePlace | null): TExperiment {
    const { spec, current } = storedSpec(ZExperimentSpec, row);
    const { testAccuracy: _testAccuracy, ...summary } = toSummary(row, spec, place);
    const description = current ? describeModel(spec.model) : null;
    return {
      ...summary,
      layers: description?.ok ? description.layers : [],
      evaluation: experimentMapper.evaluation(row),
    };
  },

  /** The stored evaluation JSON holds everything but the two scalars, which have their own columns. */
  evaluation(row: Pick<ExperimentRow, 'evaluation' | 'testAccuracy' | 'testLoss'>): TEvaluation | null {
    if (row.evaluation === null || row.testAccuracy === null || typeof row.evaluation !== 'object')
      return null;
    const parsed = ZEvaluation.safeParse({
      ...(row.evaluation as Record<string, unknown>),
      testAccuracy: row.testAccuracy,
      testLoss: row.testLoss ?? Number.NaN,
    });
    return parsed.success ? parsed.data : null;
  },

  classicalSummary(row: ExperimentSummaryRow, place: QueuePlace | null): TClassicalRunSummary {
    return { ...lifecycle(row, place), spec: storedSpec<TClassicalSpec>(ZClassicalSpec, row).spec };
  },

  classicalRun(row: ExperimentRow, place: QueuePlace | null): TClassicalRun {
    return { ...experimentMapper.classicalSummary(row, place), result: classicalResult(row) };
  },

  statusEvent(
    row: Pick<ExperimentRow, 'id' | 'userId' | 'kind' | 'status' | 'backend' | 'error' | 'testAccuracy'>,
    place: QueuePlace | null,
  ): TExperimentStatusEvent {
    return {
      experimentId: row.id,
      userId: row.userId,
      kind: row.kind === ExperimentKind.CLASSICAL ? 'classical' : 'network',
      status: experimentMapper.status(row),
      ...queueFields(row, place),
      backend: row.backend,
      error: row.error,
      testAccuracy: row.testAccuracy,
      at: new Date().toISOString(),
    };
  },
};
