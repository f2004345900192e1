import type { TFieldError } from '@dlclass/contracts';
import type { Translate } from '@/i18n';
import { ApiError, NETWORK_ERROR } from './api';

/** The sentence to show for a failed call (the API's messages are already written for students). */
export function errorMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('errors.network');
    if (error.statusCode === 401) return t('errors.sessionExpired');
    return error.message;
  }
  return t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
}

/** Field path -> first message, e.g. {"training.epochs": "..."}; merges several sources in order. */
export function fieldErrorMap(...lists: (TFieldError[] | undefined)[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const list of lists) {
    for (const { field, message } of list ?? []) {
      if (!(field in map)) map[field] = message;
    }
  }
  return map;
}
