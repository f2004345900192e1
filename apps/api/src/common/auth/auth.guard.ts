import { ErrorCode } from '@dlclass/contracts';
import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../errors';
import { type AuthContext, SessionAuthenticator } from './auth.types';
import { extractToken } from './token';

const PUBLIC_ROUTE = 'dlclass:public';
/** Marks a route that needs no session (login, join, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

declare module 'express' {
  interface Request {
    auth?: AuthContext;
  }
}

/** Global guard: authenticates the caller (cookie or bearer). It never authorizes: services do. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<Request>();
    const token = extractToken({
      authorization: req.headers.authorization,
      cookies: req.cookies as Record<string, unknown> | undefined,
    });
    const auth = token ? await this.sessions.authenticate(token) : null;
    if (auth) req.auth = auth;
    if (isPublic) return true;
    if (!auth) throw new DomainError(ErrorCode.Unauthenticated);
    return true;
  }
}
