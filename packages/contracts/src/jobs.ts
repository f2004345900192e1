import { z } from 'zod';
import { ZMeasuredSpeed } from './run-cost';

/** One BullMQ queue for training; job names and payloads are declared here only. */
export const TRAINING_QUEUE = 'training';

export const JobName = { TrainExperiment: 'experiment.train' } as const;
export type TJobName = (typeof JobName)[keyof typeof JobName];

export const ZTrainExperimentJob = z.object({
  /**
   * The training's id: the run that started it (the job id too). The runs of the class attached to it since
   * (identical runs, see shared-training.ts in @dlclass/db) share this job.
   */
  experimentId: z.uuid(),
  correlationId: z.string(),
  /** The owner's longest run (quota maxRunTimeS), in seconds; absent from jobs the worker re-adds itself. */
  timeLimitS: z.number().int().positive().optional(),
});
export type TTrainExperimentJob = z.infer<typeof ZTrainExperimentJob>;

/**
 * Options of every training job, whoever adds it (the API's producer; the worker when it re-adds a lost
 * job at start): the job id is always the experiment id, given beside these. One retry after 5 s for a
 * server-side error; completed jobs removed at once, failed ones kept a week for inspection.
 */
export const TRAINING_JOB_OPTIONS = {
  attempts: 2,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/** BullMQ's largest job priority. */
const MAX_JOB_PRIORITY = 2_097_152;

/**
 * The options of one run's job: the job id is the experiment id, the priority its fair-share rank (k for
 * its owner's k-th unfinished run, see fairShareRank in @dlclass/db): BullMQ starts lower priorities first
 * and keeps the order of arrival within one, and a retry keeps the job's priority.
 */
export function trainingJobOptions(experimentId: string, fairShareRank: number) {
  return {
    ...TRAINING_JOB_OPTIONS,
    jobId: experimentId,
    priority: Math.min(Math.max(1, Math.trunc(fairShareRank)), MAX_JOB_PRIORITY),
  };
}

export const JobPayloadSchemas = {
  [JobName.TrainExperiment]: ZTrainExperimentJob,
} as const satisfies Record<TJobName, z.ZodType>;
export type TJobPayload<N extends TJobName> = z.infer<(typeof JobPayloadSchemas)[N]>;

/** Workers announce themselves in Redis under this key prefix, with a TTL refreshed by a heartbeat. */
export const WORKER_HEARTBEAT_PREFIX = 'dlclass:worker:';
export const WORKER_HEARTBEAT_TTL_S = 15;
/**
 * The ids of one queue's workers (a Redis set): the API reads its own queue's workers without scanning the
 * keyspace, and a Redis shared with other queues shows none of theirs. A member whose heartbeat key expired
 * is removed by the reader.
 */
export const workerRegistryKey = (queueName: string) => `dlclass:workers:${queueName}`;
/**
 * One queue's measured training speeds (a Redis hash, one field per host and backend: TMeasuredSpeed[] as
 * JSON): a worker that restarts on the same machine starts from its last measurements.
 */
export const workerSpeedsKey = (queueName: string) => `dlclass:speeds:${queueName}`;
/** The API sets this key to ask the worker to stop a run between two batches. */
export const cancelKey = (experimentId: string) => `dlclass:cancel:${experimentId}`;

/** native: the wasm backend with its heavy kernels in native code (oneDNN), see @dlclass/ml's native-kernels. */
export const ZTrainingBackend = z.enum(['tensorflow-gpu', 'tensorflow', 'native', 'wasm', 'cpu']);
export type TTrainingBackend = z.infer<typeof ZTrainingBackend>;

/** A backend faster than the one a worker trains with, which it could not load, and why. */
export const ZUnavailableBackend = z.object({ backend: ZTrainingBackend, reason: z.string() });
export type TUnavailableBackend = z.infer<typeof ZUnavailableBackend>;

export const ZWorkerInfo = z.object({
  id: z.string(),
  backend: ZTrainingBackend,
  device: z.string(),
  busy: z.boolean(),
  experimentId: z.string().nullable(),
  /** Every run being trained now (experimentId is the first); absent from workers older than this field. */
  running: z.array(z.string()).optional(),
  /** Runs the worker trains at once; absent from workers older than this field. */
  concurrency: z.number().int().positive().optional(),
  /** The machine it runs on; absent from workers older than this field. */
  host: z.string().optional(),
  /** The faster backends it could not load, fastest first; absent from workers older than this field. */
  unavailable: z.array(ZUnavailableBackend).optional(),
  /** Its measured training speeds, most recent first (see ZMeasuredSpeed); absent from older workers. */
  speeds: z.array(ZMeasuredSpeed).optional(),
  /** The GPU's memory and load when it trains on one (nvidia-smi); absent otherwise. */
  gpu: z
    .object({ memoryUsedMb: z.number(), memoryTotalMb: z.number(), utilizationPercent: z.number() })
    .optional(),
  startedAt: z.iso.datetime(),
});
export type TWorkerInfo = z.infer<typeof ZWorkerInfo>;

export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['ok', 'down']),
  redis: z.enum(['ok', 'down']),
  workers: z.array(
    ZWorkerInfo.pick({ id: true, backend: true, device: true, busy: true, unavailable: true }),
  ),
});
export type THealth = z.infer<typeof ZHealth>;
