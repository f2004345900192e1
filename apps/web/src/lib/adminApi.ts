import type {
  TAdminClass,
  TAdminRun,
  TAdminRunsQuery,
  TAdminWorker,
  TPlatformSettings,
  TQueueStats,
  TQuotaOverride,
  TQuotaTarget,
  TQuotaView,
  TSubmitExperimentResponse,
} from '@dlclass/contracts';
import { request } from './api';

const quotaPath = (target: TQuotaTarget, id: string) => `/admin/quotas/${target}/${encodeURIComponent(id)}`;

/** The admin pages' calls (admins only: the API answers 403 to anyone else). */
export const adminApi = {
  workers: () => request<TAdminWorker[]>('GET', '/admin/workers'),
  queue: () => request<TQueueStats>('GET', '/admin/queue'),
  pause: () => request<TQueueStats>('POST', '/admin/queue/pause'),
  resume: () => request<TQueueStats>('POST', '/admin/queue/resume'),
  runs: (query: TAdminRunsQuery) =>
    request<TAdminRun[]>('GET', `/admin/runs${query.status ? `?status=${query.status}` : ''}`),
  cancel: (id: string) => request<void>('POST', `/admin/runs/${encodeURIComponent(id)}/cancel`),
  retry: (id: string) =>
    request<TSubmitExperimentResponse>('POST', `/admin/runs/${encodeURIComponent(id)}/retry`),
  settings: () => request<TPlatformSettings>('GET', '/admin/settings'),
  saveSettings: (settings: TPlatformSettings) =>
    request<TPlatformSettings>('PUT', '/admin/settings', settings),
  classes: () => request<TAdminClass[]>('GET', '/admin/classes'),
  quota: (target: TQuotaTarget, id: string) => request<TQuotaView>('GET', quotaPath(target, id)),
  setQuota: (target: TQuotaTarget, id: string, override: TQuotaOverride) =>
    request<TQuotaView>('PUT', quotaPath(target, id), override),
  clearQuota: (target: TQuotaTarget, id: string) => request<TQuotaView>('DELETE', quotaPath(target, id)),
};

/** Bull Board's UI, through the web server's /api proxy like every call. */
export const BULL_BOARD_URL = '/api/admin/queues';
