import { ErrorCode } from '@dlclass/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../errors';
import type { AuthContext } from './auth.types';

/** The authenticated caller of a (non-public) route. */
export const Auth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const req = ctx.switchToHttp().getRequest<Request>();
  if (!req.auth) throw new DomainError(ErrorCode.Unauthenticated);
  return req.auth;
});
