import { randomUUID } from 'node:crypto';
import { ErrorCode, type TApiError, type TErrorCode } from '@dlclass/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CORRELATION_HEADER } from './correlation';
import { DomainError, ERROR_TABLE } from './errors';
import { createLogger } from './logger';

const CODE_BY_STATUS: Readonly<Record<number, TErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  404: ErrorCode.NotFound,
  413: ErrorCode.PayloadTooLarge,
};

const INVALID_JSON_MESSAGE = "Le corps de la requête n'est pas un JSON valide.";

/** Prisma's codes for a database it cannot reach or lost (P1001 unreachable, P1002/P1008 timeouts, P1017 closed). */
const DATABASE_DOWN_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
/** The same, as @prisma/adapter-pg words them. */
const DATABASE_DOWN_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

/** A Prisma error saying the database is down (not a bad query): the request may succeed in a moment. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const prisma = (error ?? {}) as {
    name?: string;
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
  };
  if (!prisma.name?.startsWith('PrismaClient')) return false;
  const kind = prisma.meta?.driverAdapterError?.cause?.kind;
  return DATABASE_DOWN_CODES.has(prisma.code ?? '') || DATABASE_DOWN_KINDS.has(kind ?? '');
}

/** Errors thrown by Express middleware (body-parser) carry their status this way. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
}

/**
 * Turns any thrown value into the API's error body; unexpected ones become a logged 500. A request
 * that fails validation arrives here as a DomainError (see ZodValidationPipe): a raw ZodError means
 * the server rejected its own data, which is a 500, not the caller's fault.
 */
export function toApiError(error: unknown, correlationId: string): TApiError {
  if (error instanceof DomainError) {
    return {
      statusCode: error.status,
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.details ? { details: error.details } : {}),
      correlationId,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.ValidationFailed);
    // Nest reports a body that is not JSON as a BadRequestException carrying JSON.parse's message.
    const message =
      status === 404
        ? 'Route introuvable.'
        : status === 400 && /JSON/.test(error.message)
          ? INVALID_JSON_MESSAGE
          : ERROR_TABLE[code].message;
    return { statusCode: status, code, message, correlationId };
  }
  const httpish = (error ?? {}) as HttpishError;
  const status = httpish.status ?? httpish.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message =
      httpish.type === 'entity.parse.failed'
        ? INVALID_JSON_MESSAGE
        : httpish.type === 'entity.too.large'
          ? ERROR_TABLE[ErrorCode.PayloadTooLarge].message
          : ERROR_TABLE[ErrorCode.ValidationFailed].message;
    return {
      statusCode: status,
      code: CODE_BY_STATUS[status] ?? ErrorCode.ValidationFailed,
      message,
      correlationId,
    };
  }
  if (isDatabaseUnavailable(error)) {
    const code = ErrorCode.DatabaseUnavailable;
    return { statusCode: ERROR_TABLE[code].status, code, message: ERROR_TABLE[code].message, correlationId };
  }
  return {
    statusCode: 500,
    code: ErrorCode.Internal,
    message: ERROR_TABLE[ErrorCode.Internal].message,
    correlationId,
  };
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = createLogger(ApiExceptionFilter.name);

  catch(error: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') {
      this.logger.error({ err: error }, 'Unhandled error outside HTTP');
      return;
    }
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const correlationId = req.correlationId ?? randomUUID();
    const body = toApiError(error, correlationId);
    if (error instanceof DomainError && body.statusCode >= 500) {
      // Expected (e.g. the queue is down): its cause was logged where it happened.
      this.logger.warn({ code: body.code, correlationId, url: req.originalUrl }, 'Service unavailable');
    } else if (body.code === ErrorCode.DatabaseUnavailable) {
      this.logger.warn({ err: error, correlationId, url: req.originalUrl }, 'Database unavailable');
    } else if (body.statusCode >= 500) {
      this.logger.error(
        { err: error, correlationId, method: req.method, url: req.originalUrl },
        'Unexpected error',
      );
    } else {
      this.logger.debug({ code: body.code, correlationId, url: req.originalUrl }, 'Request refused');
    }
    if (res.headersSent) return;
    res.setHeader(CORRELATION_HEADER, correlationId);
    res.status(body.statusCode).json(body);
  }
}
