import type { THand, TMyHand } from '@dlclass/contracts';
import { request } from './api';

/** The calls of the raised hands: a student's own, and the teacher's view of their class's. */
export const handsApi = {
  mine: () => request<TMyHand>('GET', '/hands/mine'),
  raise: () => request<THand>('POST', '/hands'),
  lower: () => request<TMyHand>('POST', '/hands/mine/lower'),
  openInClass: (classId: string) => request<THand[]>('GET', `/classes/${encodeURIComponent(classId)}/hands`),
  acknowledge: (classId: string, handId: string) =>
    request<THand>('POST', `/classes/${encodeURIComponent(classId)}/hands/${encodeURIComponent(handId)}/ack`),
};
