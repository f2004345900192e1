import type {
  TBroadcastRequest,
  TClassRunDefaults,
  TLessonState,
  TSetPhaseLockRequest,
} from '@dlclass/contracts';
import { request } from './api';

/** The calls of the lesson's home and of the teacher's pacing (phase locks, broadcasts). */
export const lessonApi = {
  /** A student: their class's lesson and progress; a teacher: the given class's (progress empty). */
  lesson: (classId?: string) =>
    request<TLessonState>('GET', `/lesson${classId ? `?classId=${encodeURIComponent(classId)}` : ''}`),
  setPhaseLock: (classId: string, phase: number, body: TSetPhaseLockRequest) =>
    request<TLessonState>('PUT', `/classes/${encodeURIComponent(classId)}/phases/${phase}`, body),
  setRunDefaults: (classId: string, body: TClassRunDefaults) =>
    request<TLessonState>('PUT', `/classes/${encodeURIComponent(classId)}/run-defaults`, body),
  broadcast: (classId: string, body: TBroadcastRequest) =>
    request<TLessonState>('POST', `/classes/${encodeURIComponent(classId)}/broadcast`, body),
};
