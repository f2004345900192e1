import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';
const VALID_ID = /^[A-Za-z0-9._:-]{1,100}$/;

declare module 'express' {
  interface Request {
    correlationId?: string;
  }
}

/** Express middleware: reuse the caller's correlation id (when sane) or make one, and echo it back. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction) {
  const incoming = req.header(CORRELATION_HEADER);
  const id = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
  req.correlationId = id;
  res.setHeader(CORRELATION_HEADER, id);
  next();
}

/** The request's correlation id, to carry into job data and logs. */
export const CorrelationId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return req.correlationId ?? randomUUID();
});
