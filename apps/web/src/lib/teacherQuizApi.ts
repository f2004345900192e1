import type {
  TQuizBankImportRequest,
  TQuizBankState,
  TQuizClassResults,
  TQuizSettings,
} from '@dlclass/contracts';
import { request } from './api';

const classPath = (classId: string) => `/classes/${encodeURIComponent(classId)}`;

/** The calls of the teacher's QCM tools: a class's settings, its own imported QCM, its results. */
export const teacherQuizApi = {
  settings: (classId: string) => request<TQuizSettings>('GET', `${classPath(classId)}/quiz-settings`),
  saveSettings: (classId: string, body: TQuizSettings) =>
    request<TQuizSettings>('PUT', `${classPath(classId)}/quiz-settings`, body),
  bank: (classId: string) => request<TQuizBankState>('GET', `${classPath(classId)}/quiz-bank`),
  importBank: (classId: string, body: TQuizBankImportRequest) =>
    request<TQuizBankState>('PUT', `${classPath(classId)}/quiz-bank`, body),
  resetBank: (classId: string) => request<TQuizBankState>('DELETE', `${classPath(classId)}/quiz-bank`),
  results: (classId: string) => request<TQuizClassResults>('GET', `${classPath(classId)}/quiz/results`),
};
