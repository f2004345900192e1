import { z } from 'zod';
import { ZActivityProgress } from './lesson';

/**
 * The teacher's live view of a class: who is online and where each student is in the lesson.
 * A student is online while at least one of their pages holds a Socket.IO connection to the API.
 */

/** One student of the class: their presence, when they last worked, and each activity's progress. */
export const ZStudentProgress = z.object({
  id: z.uuid(),
  name: z.string(),
  online: z.boolean(),
  /** The latest run started, answer saved or QCM attempt started or submitted; null: nothing yet. */
  lastActivityAt: z.iso.datetime().nullable(),
  /** Activity slug → the same status the student sees on their own lesson page. */
  activities: z.record(z.string(), ZActivityProgress),
});
export type TStudentProgress = z.infer<typeof ZStudentProgress>;

/** GET /api/classes/:classId/progress: every student of the class, sorted by name. */
export const ZClassProgress = z.object({
  classId: z.uuid(),
  students: z.array(ZStudentProgress),
});
export type TClassProgress = z.infer<typeof ZClassProgress>;

/** GET /api/classes/presence: the online students of each of the caller's classes. */
export const ZClassPresence = z.object({
  classId: z.uuid(),
  online: z.array(z.uuid()),
});
export type TClassPresence = z.infer<typeof ZClassPresence>;

/**
 * One of a student's pages connected or closed (online: whether one is open then): to the class's teachers
 * only. Two of them close together may arrive in either order: a page reads presence again at each.
 */
export const ZPresenceChangedEvent = z.object({
  classId: z.uuid(),
  studentId: z.uuid(),
  online: z.boolean(),
});
export type TPresenceChangedEvent = z.infer<typeof ZPresenceChangedEvent>;

/** A student joined the class or was removed from it: to the class's teachers only (they reload it). */
export const ZRosterChangedEvent = z.object({ classId: z.uuid() });
export type TRosterChangedEvent = z.infer<typeof ZRosterChangedEvent>;
