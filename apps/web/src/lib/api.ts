import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type TApiError,
  type TAuthResponse,
  type TClass,
  type TClassicalRun,
  type TClassicalRunSummary,
  type TClassicalSpecInput,
  type TCreateClassRequest,
  type TDataset,
  type TDatasetInfo,
  type TDrawing,
  type TDrawingRequest,
  type TExperiment,
  type TExperimentSpecInput,
  type TExperimentSummary,
  type THealth,
  type TJoinRequest,
  type TLoginRequest,
  type TPinReset,
  type TRealWorldDrawing,
  type TRosterStudent,
  type TRunEstimate,
  type TSubmitExperimentResponse,
  type TUpdateClassRequest,
  type TUser,
  ZApiError,
} from '@dlclass/contracts';

/** Every failed call rejects with this error, shaped like the API's ZApiError. */
export class ApiError extends Error implements TApiError {
  readonly statusCode: number;
  readonly code: string;
  readonly fields: TApiError['fields'];
  readonly correlationId: string | undefined;

  constructor(body: TApiError) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.fields = body.fields;
    this.correlationId = body.correlationId;
  }
}

/** Code used when the API cannot be reached at all (network down, API stopped). */
export const NETWORK_ERROR = 'NETWORK';

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError({ statusCode: 0, code: NETWORK_ERROR, message: String(error) });
  }
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const parsed = ZApiError.safeParse(json);
    throw new ApiError(
      parsed.success
        ? parsed.data
        : { statusCode: response.status, code: `HTTP_${response.status}`, message: response.statusText },
    );
  }
  return json as T;
}

export const api = {
  health: () => request<THealth>('GET', '/health'),
  me: () => request<TUser>('GET', '/me'),
  login: (body: TLoginRequest) => request<TAuthResponse>('POST', '/auth/login', body),
  join: (body: TJoinRequest) => request<TAuthResponse>('POST', '/auth/join', body),
  logout: () => request<void>('POST', '/auth/logout'),
  classes: () => request<TClass[]>('GET', '/classes'),
  createClass: (body: TCreateClassRequest) => request<TClass>('POST', '/classes', body),
  updateClass: (classId: string, body: TUpdateClassRequest) =>
    request<TClass>('PATCH', `/classes/${encodeURIComponent(classId)}`, body),
  regenerateClassCode: (classId: string) =>
    request<TClass>('POST', `/classes/${encodeURIComponent(classId)}/code`),
  roster: (classId: string) =>
    request<TRosterStudent[]>('GET', `/classes/${encodeURIComponent(classId)}/students`),
  resetPin: (classId: string, studentId: string) =>
    request<TPinReset>(
      'POST',
      `/classes/${encodeURIComponent(classId)}/students/${encodeURIComponent(studentId)}/pin`,
    ),
  removeStudent: (classId: string, studentId: string) =>
    request<void>(
      'DELETE',
      `/classes/${encodeURIComponent(classId)}/students/${encodeURIComponent(studentId)}`,
    ),
  dataset: (id: TDataset) => request<TDatasetInfo>('GET', `/datasets/${id}`),
  experiments: (classId?: string) =>
    request<TExperimentSummary[]>(
      'GET',
      `/experiments${classId ? `?classId=${encodeURIComponent(classId)}` : ''}`,
    ),
  experiment: (id: string) => request<TExperiment>('GET', `/experiments/${encodeURIComponent(id)}`),
  /** `fresh`: train it anew even when the class already computed the same training. */
  submitExperiment: (spec: TExperimentSpecInput, { fresh = false }: { fresh?: boolean } = {}) =>
    request<TSubmitExperimentResponse>('POST', `/experiments${fresh ? '?fresh=true' : ''}`, spec),
  /** How long the run would take and when it would start if submitted now (nothing is submitted). */
  estimateRun: (spec: TExperimentSpecInput) => request<TRunEstimate>('POST', '/experiments/estimate', spec),
  cancelExperiment: (id: string) => request<unknown>('POST', `/experiments/${encodeURIComponent(id)}/cancel`),
  classicalRuns: (classId?: string) =>
    request<TClassicalRunSummary[]>(
      'GET',
      `/classical-runs${classId ? `?classId=${encodeURIComponent(classId)}` : ''}`,
    ),
  classicalRun: (id: string) => request<TClassicalRun>('GET', `/classical-runs/${encodeURIComponent(id)}`),
  classicalRealWorld: (id: string) =>
    request<TRealWorldDrawing[]>('GET', `/classical-runs/${encodeURIComponent(id)}/real-world`),
  submitClassicalRun: (spec: TClassicalSpecInput) =>
    request<TSubmitExperimentResponse>('POST', '/classical-runs', spec),
  saveDrawing: (experimentId: string, drawing: TDrawingRequest) =>
    request<TDrawing>('POST', `/experiments/${encodeURIComponent(experimentId)}/drawings`, drawing),
  modelUrl: (id: string) => `/api/experiments/${encodeURIComponent(id)}/model`,
};
