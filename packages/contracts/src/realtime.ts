import { z } from 'zod';
import { ZEpochMetrics, ZEstimatedWaitMs, ZExperimentStatus } from './experiment';
import type { TBroadcastEvent, THand, TPhasesChangedEvent } from './lesson';
import type { TPresenceChangedEvent, TRosterChangedEvent } from './progress';

export const rooms = {
  user: (userId: string) => `user:${userId}`,
  experiment: (experimentId: string) => `experiment:${experimentId}`,
  classTeachers: (classId: string) => `class:${classId}:teacher`,
  /** Every student of a class joins it when their socket connects (phase locks, teacher broadcasts). */
  classStudents: (classId: string) => `class:${classId}:students`,
  /** Every socket opened with one login session (the API disconnects them at logout). */
  session: (sessionId: string) => `session:${sessionId}`,
  /** A teacher's dashboard follows each of their classes' roster and presence (not its runs) here. */
  classRoster: (classId: string) => `class:${classId}:roster`,
} as const;

/** What a run trains: a network, or a classical model (random forest, k-NN, logistic regression). */
export const ZRunKind = z.enum(['network', 'classical']);
export type TRunKind = z.infer<typeof ZRunKind>;

export const ZExperimentStatusEvent = z.object({
  experimentId: z.uuid(),
  userId: z.uuid(),
  /** Lets a list of one kind ignore the other kind's runs. */
  kind: ZRunKind,
  status: ZExperimentStatus,
  queuePosition: z.number().int().nullable(),
  estimatedWaitMs: ZEstimatedWaitMs,
  backend: z.string().nullable(),
  error: z.string().nullable(),
  testAccuracy: z.number().nullable(),
  at: z.iso.datetime(),
});
export type TExperimentStatusEvent = z.infer<typeof ZExperimentStatusEvent>;

export const ZBatchProgress = z.object({
  kind: z.literal('batch'),
  experimentId: z.uuid(),
  /**
   * Increases by one with every progress event of an attempt, and a later attempt of the same run (retry,
   * hand-back) starts above the earlier one's: clients keep an event only if its seq is above the last one.
   */
  seq: z.number().int(),
  epoch: z.number().int().min(1),
  batch: z.number().int().min(1),
  batchesPerEpoch: z.number().int().min(1),
  loss: z.number(),
  accuracy: z.number(),
  samplesPerSecond: z.number(),
});
export const ZEpochProgress = ZEpochMetrics.extend({
  kind: z.literal('epoch'),
  experimentId: z.uuid(),
  seq: z.number().int(),
  epochs: z.number().int(),
});
export const ZExperimentProgressEvent = z.discriminatedUnion('kind', [ZBatchProgress, ZEpochProgress]);
export type TBatchProgress = z.infer<typeof ZBatchProgress>;
export type TEpochProgress = z.infer<typeof ZEpochProgress>;
export type TExperimentProgressEvent = z.infer<typeof ZExperimentProgressEvent>;

export const ZSubscribeExperiment = z.strictObject({ experimentId: z.uuid() });
export const ZSubscribeClass = z.strictObject({ classId: z.uuid() });

export type TAck = { ok: true } | { ok: false; code: string; message: string };

export interface ServerToClientEvents {
  'experiment:status': (event: TExperimentStatusEvent) => void;
  'experiment:progress': (event: TExperimentProgressEvent) => void;
  'lesson:phases': (event: TPhasesChangedEvent) => void;
  'lesson:broadcast': (event: TBroadcastEvent) => void;
  /** A hand raised, lowered or acknowledged: to the class's teachers and to the student. */
  'hand:changed': (event: THand) => void;
  /** One of a student's pages connected or closed: to the class's teachers only (they re-read presence). */
  'presence:changed': (event: TPresenceChangedEvent) => void;
  /** A student joined or was removed: to the class's teachers only. */
  'class:roster-changed': (event: TRosterChangedEvent) => void;
}

export interface ClientToServerEvents {
  'experiment:subscribe': (
    payload: z.infer<typeof ZSubscribeExperiment>,
    ack: (result: TAck) => void,
  ) => void;
  'experiment:unsubscribe': (
    payload: z.infer<typeof ZSubscribeExperiment>,
    ack: (result: TAck) => void,
  ) => void;
  /** A teacher follows every run of one of their classes. */
  'class:subscribe': (payload: z.infer<typeof ZSubscribeClass>, ack: (result: TAck) => void) => void;
  /** A teacher follows the roster and presence of one of their classes (its cards on the dashboard). */
  'class:follow-roster': (payload: z.infer<typeof ZSubscribeClass>, ack: (result: TAck) => void) => void;
}

/** The rooms that hear about a run's lifecycle (status and epochs): its owner, its followers, the class's teachers. */
export function experimentAudience(experiment: {
  id: string;
  userId: string;
  classId: string | null;
}): string[] {
  const audience = [rooms.user(experiment.userId), rooms.experiment(experiment.id)];
  if (experiment.classId) audience.push(rooms.classTeachers(experiment.classId));
  return audience;
}
