import type { TClassPresence, TClassProgress } from '@dlclass/contracts';
import { request } from './api';

/** The teacher's live view of their classes: who is online, and each student's progress. */
export const progressApi = {
  presence: () => request<TClassPresence[]>('GET', '/classes/presence'),
  classProgress: (classId: string) =>
    request<TClassProgress>('GET', `/classes/${encodeURIComponent(classId)}/progress`),
};
