import { z } from 'zod';

/** Every domain error the API can answer; the API maps each to an HTTP status in one table. */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  RateLimited: 'RATE_LIMITED',
  CsrfRejected: 'CSRF_REJECTED',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  NotFound: 'NOT_FOUND',
  ClassNotFound: 'CLASS_NOT_FOUND',
  ModelTooLarge: 'MODEL_TOO_LARGE',
  InvalidArchitecture: 'INVALID_ARCHITECTURE',
  NotCancellable: 'NOT_CANCELLABLE',
  ModelNotReady: 'MODEL_NOT_READY',
  QueueUnavailable: 'QUEUE_UNAVAILABLE',
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
  StaleVersion: 'STALE_VERSION',
  DeliverableLocked: 'DELIVERABLE_LOCKED',
  ActivityLocked: 'ACTIVITY_LOCKED',
  QuizTimeUp: 'QUIZ_TIME_UP',
  NoAttemptsLeft: 'NO_ATTEMPTS_LEFT',
  QuizAttemptChanged: 'QUIZ_ATTEMPT_CHANGED',
  QuizBankInUse: 'QUIZ_BANK_IN_USE',
  GradingConflict: 'GRADING_CONFLICT',
  TooManyRunsAtOnce: 'TOO_MANY_RUNS_AT_ONCE',
  TooManyRunsPerHour: 'TOO_MANY_RUNS_PER_HOUR',
  QuotaExceeded: 'QUOTA_EXCEEDED',
  RunTooLong: 'RUN_TOO_LONG',
  NotRetryable: 'NOT_RETRYABLE',
  AlreadyRetried: 'ALREADY_RETRIED',
  Forbidden: 'FORBIDDEN',
  Internal: 'INTERNAL',
} as const;
export type TErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ZFieldError = z.object({ field: z.string(), message: z.string() });
export type TFieldError = z.infer<typeof ZFieldError>;

export const ZApiError = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  fields: z.array(ZFieldError).optional(),
  /** Code-specific details, e.g. `{currentVersion}` with STALE_VERSION. */
  details: z.record(z.string(), z.unknown()).optional(),
  correlationId: z.string().optional(),
});
export type TApiError = z.infer<typeof ZApiError>;

/** Turns zod issues into one message per field, e.g. {field: "training.epochs", message: "..."} */
export function toFieldErrors(error: z.ZodError): TFieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(corps)',
    message: issue.message,
  }));
}
