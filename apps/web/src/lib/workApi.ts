import type {
  TDeliverable,
  TPlacementCheck,
  TQuizAnswerRequest,
  TQuizAnswerResponse,
  TQuizAttempt,
  TQuizOverview,
  TQuizResult,
  TSaveDeliverableRequest,
  TSaveDeliverableResponse,
  TSubmitDeliverableRequest,
} from '@dlclass/contracts';
import { request } from './api';

const deliverablePath = (activity: string) => `/deliverables/${encodeURIComponent(activity)}`;
const attemptPath = (attemptId: string) => `/quiz/attempts/${encodeURIComponent(attemptId)}`;

/** The calls of the work pages: deliverables and worksheets, and the QCM. */
export const workApi = {
  deliverable: (activity: string) => request<TDeliverable>('GET', deliverablePath(activity)),
  saveDeliverable: (activity: string, body: TSaveDeliverableRequest) =>
    request<TSaveDeliverableResponse>('PUT', deliverablePath(activity), body),
  submitDeliverable: (activity: string, body: TSubmitDeliverableRequest) =>
    request<TDeliverable>('POST', `${deliverablePath(activity)}/submit`, body),
  checkPlacements: (activity: string) =>
    request<TPlacementCheck>('POST', `${deliverablePath(activity)}/check`),
  quiz: () => request<TQuizOverview>('GET', '/quiz'),
  startQuizAttempt: () => request<TQuizAttempt>('POST', '/quiz/attempts'),
  saveQuizAnswer: (attemptId: string, questionId: string, body: TQuizAnswerRequest) =>
    request<TQuizAnswerResponse>(
      'PUT',
      `${attemptPath(attemptId)}/answers/${encodeURIComponent(questionId)}`,
      body,
    ),
  submitQuizAttempt: (attemptId: string) => request<TQuizResult>('POST', `${attemptPath(attemptId)}/submit`),
};
