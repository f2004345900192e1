import type {
  TDeliverable,
  TPlacementCheck,
  TQuizAnswerRequest,
  TQuizAnswerResponse,
  TQuizAttempt,
  TQuizOverview,
  TQuizResult,
  TQuizSubmitRequest,
  TSaveDeliverableRequest,
  TSaveDeliverableResponse,
  TSubmitDeliverableRequest,
} from '@dlclass/contracts';
import { worksheetKindOf } from '@dlclass/contracts';
import { request } from './api';

/** The API names a record by its kind (`observation-sheet`), the pages by their activity (`fiche-observation`). */
function deliverablePath(activity: string): string {
  const kind = worksheetKindOf(activity);
  if (!kind) throw new Error(`The activity « ${activity} » keeps no record`);
  return `/deliverables/${kind}`;
}

/** The calls of the work pages: deliverables and worksheets, and the QCM. */
export const workApi = {
  // async: an activity without a record rejects like a failed call instead of throwing at the call site
  deliverable: async (activity: string) => request<TDeliverable>('GET', deliverablePath(activity)),
  saveDeliverable: async (activity: string, body: TSaveDeliverableRequest) =>
    request<TSaveDeliverableResponse>('PUT', deliverablePath(activity), body),
  submitDeliverable: async (activity: string, body: TSubmitDeliverableRequest) =>
    request<TDeliverable>('POST', `${deliverablePath(activity)}/submit`, body),
  checkPlacements: async (activity: string) =>
    request<TPlacementCheck>('POST', `${deliverablePath(activity)}/check`),
  quiz: () => request<TQuizOverview>('GET', '/quiz'),
  /** Starts an attempt, or gives back the one in progress. */
  startQuizAttempt: () => request<TQuizAttempt>('POST', '/quiz/attempt'),
  saveQuizAnswer: (questionId: string, body: TQuizAnswerRequest) =>
    request<TQuizAnswerResponse>('PUT', `/quiz/attempt/answers/${encodeURIComponent(questionId)}`, body),
  submitQuizAttempt: (body: TQuizSubmitRequest) => request<TQuizResult>('POST', '/quiz/attempt/submit', body),
};
