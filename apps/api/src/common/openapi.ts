import { ZApiError } from '@dlclass/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** An OpenAPI 3.0 schema generated from a contracts zod schema (the one source of truth). */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return json as SchemaObject;
}

export const ApiZodBody = (schema: z.ZodType, description?: string) =>
  ApiBody({ schema: openApiSchema(schema, 'input'), ...(description ? { description } : {}) });

export const ApiZodResponse = (status: number, schema: z.ZodType, description: string) =>
  ApiResponse({ status, schema: openApiSchema(schema), description });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Requête invalide (VALIDATION_FAILED, INVALID_ARCHITECTURE, MODEL_TOO_LARGE), champs nommés dans fields',
  401: 'Non authentifié (UNAUTHENTICATED) ou identifiants incorrects (INVALID_CREDENTIALS)',
  403: 'Interdit à ce rôle (FORBIDDEN) ou phase verrouillée par l’enseignant (ACTIVITY_LOCKED)',
  404: 'Introuvable ou non autorisé (NOT_FOUND)',
  409: 'Conflit (NOT_CANCELLABLE, MODEL_NOT_READY, STALE_VERSION, DELIVERABLE_LOCKED, QUIZ_TIME_UP, QUIZ_ATTEMPT_CHANGED, NO_ATTEMPTS_LEFT, QUIZ_BANK_IN_USE)',
  429: 'Trop de tentatives incorrectes pour ce compte (TOO_MANY_ATTEMPTS) : attendre 15 minutes ; ou trop de requêtes (RATE_LIMITED) : attendre Retry-After secondes',
  503: "File d'attente des entraînements (QUEUE_UNAVAILABLE) ou base de données (DATABASE_UNAVAILABLE) indisponible : réessayer plus tard",
};

/** Documents the error answers of a route, all shaped as ZApiError. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_DESCRIPTIONS[status] ?? 'Erreur',
        schema: openApiSchema(ZApiError),
      }),
    ),
  );
