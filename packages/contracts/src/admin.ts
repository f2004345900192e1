import { z } from 'zod';
import { ZTrainingBackend, ZUnavailableBackend } from './jobs';
import { DEFAULT_RUN_TIME_LIMIT_S, EXPERIMENT_LIMITS } from './limits';

/** What a student may ask of the workers; an admin overrides it per class or per student. */
export const ZQuota = z.object({
  /** Runs queued or training at once. */
  concurrentRuns: z.number().int(),
  /** Runs submitted over the last 60 minutes. */
  runsPerHour: z.number().int(),
  maxEpochs: z.number().int(),
  maxParameters: z.number().int(),
  /** Longest run, in seconds: the API refuses a run estimated longer, the worker stops one that lasts longer. */
  maxRunTimeS: z.number().int(),
});
export type TQuota = z.infer<typeof ZQuota>;
export type TQuotaField = keyof TQuota;

/** Without an override: today's spec limits, a few runs at once, a run a minute. */
export const DEFAULT_QUOTA: TQuota = {
  concurrentRuns: 5,
  runsPerHour: 60,
  maxEpochs: EXPERIMENT_LIMITS.maxEpochs,
  maxParameters: EXPERIMENT_LIMITS.maxParameters,
  maxRunTimeS: DEFAULT_RUN_TIME_LIMIT_S,
};

/** The range an admin may set each field to (an override never lifts the spec limits themselves). */
export const QUOTA_BOUNDS: Readonly<Record<TQuotaField, { min: number; max: number; label: string }>> = {
  concurrentRuns: { min: 1, max: 100, label: 'Le nombre de runs simultanés' },
  runsPerHour: { min: 1, max: 10_000, label: 'Le nombre de runs par heure' },
  maxEpochs: { min: 1, max: EXPERIMENT_LIMITS.maxEpochs, label: "Le nombre maximal d'époques" },
  maxParameters: {
    min: 1_000,
    max: EXPERIMENT_LIMITS.maxParameters,
    label: 'Le nombre maximal de paramètres',
  },
  maxRunTimeS: { min: 10, max: 24 * 3600, label: "La durée maximale d'un run" },
};

const quotaField = (field: TQuotaField) => {
  const { min, max, label } = QUOTA_BOUNDS[field];
  const message = `${label} doit être un entier entre ${min} et ${max}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

/** An override: a null (or absent) field inherits from the class, then from DEFAULT_QUOTA. */
export const ZQuotaOverride = z.strictObject({
  concurrentRuns: quotaField('concurrentRuns').nullable().default(null),
  runsPerHour: quotaField('runsPerHour').nullable().default(null),
  maxEpochs: quotaField('maxEpochs').nullable().default(null),
  maxParameters: quotaField('maxParameters').nullable().default(null),
  maxRunTimeS: quotaField('maxRunTimeS').nullable().default(null),
});
export type TQuotaOverride = z.infer<typeof ZQuotaOverride>;

/** A class's or a student's quota: its own override (null: none), what it inherits, and what applies. */
export const ZQuotaView = z.object({
  override: ZQuotaOverride.nullable(),
  /** What an empty field gives: the defaults for a class, the class's quota for a student. */
  inherited: ZQuota,
  effective: ZQuota,
});
export type TQuotaView = z.infer<typeof ZQuotaView>;

/** Applies overrides in order (the most specific last) on top of DEFAULT_QUOTA. */
export function effectiveQuota(...overrides: (TQuotaOverride | null)[]): TQuota {
  const quota = { ...DEFAULT_QUOTA };
  for (const override of overrides) {
    if (!override) continue;
    for (const field of Object.keys(quota) as TQuotaField[]) {
      const value = override[field];
      if (value !== null) quota[field] = value;
    }
  }
  return quota;
}

export const ZPlatformSettings = z.strictObject({
  /** Runs all the workers together train at once; null: no global limit (each worker's own concurrency). */
  globalConcurrency: z
    .number({ error: 'La concurrence globale doit être un entier entre 1 et 256, ou vide' })
    .int({ error: 'La concurrence globale doit être un entier entre 1 et 256, ou vide' })
    .min(1, { error: 'La concurrence globale doit être un entier entre 1 et 256, ou vide' })
    .max(256, { error: 'La concurrence globale doit être un entier entre 1 et 256, ou vide' })
    .nullable(),
});
export type TPlatformSettings = z.infer<typeof ZPlatformSettings>;

/** A worker as its heartbeat describes it, for the admin page. */
export const ZAdminWorker = z.object({
  id: z.string(),
  host: z.string().nullable(),
  backend: ZTrainingBackend,
  device: z.string(),
  /** The faster backends it could not load, and why (empty for workers older than this field). */
  unavailable: z.array(ZUnavailableBackend),
  concurrency: z.number().int().nullable(),
  running: z.array(z.string()),
  gpu: z
    .object({
      memoryUsedMb: z.number(),
      memoryTotalMb: z.number(),
      utilizationPercent: z.number(),
    })
    .nullable(),
  startedAt: z.iso.datetime(),
  /** Seconds since its last heartbeat (the key expires WORKER_HEARTBEAT_TTL_S after it). */
  heartbeatAgeS: z.number(),
});
export type TAdminWorker = z.infer<typeof ZAdminWorker>;

export const ZQueueStats = z.object({
  paused: z.boolean(),
  globalConcurrency: z.number().int().nullable(),
  counts: z.object({
    waiting: z.number().int(),
    active: z.number().int(),
    delayed: z.number().int(),
    prioritized: z.number().int(),
    failed: z.number().int(),
    completed: z.number().int(),
  }),
  /** Over the runs started (wait) or finished (run) in the last hour; null: none. */
  lastHour: z.object({
    started: z.number().int(),
    finished: z.number().int(),
    meanWaitMs: z.number().nullable(),
    meanRunMs: z.number().nullable(),
  }),
});
export type TQueueStats = z.infer<typeof ZQueueStats>;

export const ZAdminRun = z.object({
  id: z.uuid(),
  kind: z.enum(['network', 'classical']),
  name: z.string(),
  ownerName: z.string(),
  className: z.string().nullable(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  durationMs: z.number().int().nullable(),
  /** The run an admin's retry of this failed run created (a run is retried once). */
  retriedAsId: z.uuid().nullable(),
});
export type TAdminRun = z.infer<typeof ZAdminRun>;

export const ZAdminRunsQuery = z.strictObject({
  status: ZAdminRun.shape.status.optional(),
});
export type TAdminRunsQuery = z.infer<typeof ZAdminRunsQuery>;

/** Whose quota: a class's or one student's. */
export const ZQuotaTarget = z.enum(['class', 'student'], { error: 'doit être class ou student' });
export type TQuotaTarget = z.infer<typeof ZQuotaTarget>;

/** A class and its students, for the quota editor. */
export const ZAdminClass = z.object({
  id: z.uuid(),
  name: z.string(),
  teacherName: z.string(),
  students: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
});
export type TAdminClass = z.infer<typeof ZAdminClass>;
