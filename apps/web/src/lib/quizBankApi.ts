import type { TQuizBankImportRequest, TQuizBankState } from '@dlclass/contracts';
import { request } from './api';

const path = (classId: string) => `/classes/${encodeURIComponent(classId)}/quiz-bank`;

/** The calls of the teacher's QCM import. */
export const quizBankApi = {
  state: (classId: string) => request<TQuizBankState>('GET', path(classId)),
  import: (classId: string, body: TQuizBankImportRequest) =>
    request<TQuizBankState>('PUT', path(classId), body),
  reset: (classId: string) => request<TQuizBankState>('DELETE', path(classId)),
};
