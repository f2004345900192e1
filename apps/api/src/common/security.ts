import { randomUUID } from 'node:crypto';
import { CSRF_HEADER, CSRF_HEADER_VALUE, ErrorCode, SESSION_COOKIE } from '@dlclass/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { toApiError } from './error.filter';
import { DomainError } from './errors';

/** The API answers JSON: nothing in it may run, load or be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Swagger UI and Bull Board load their own scripts and styles, and write some styles inline. */
const UI_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Express middleware: the security headers of every API answer (the web app sets its own, next.config.ts). */
export function securityHeaders(uiPaths: readonly string[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader(
      'Content-Security-Policy',
      uiPaths.some((path) => req.path.startsWith(path)) ? UI_CSP : API_CSP,
    );
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function refuse(req: Request, res: Response, message: string) {
  const body = toApiError(
    new DomainError(ErrorCode.CsrfRejected, message),
    req.correlationId ?? randomUUID(),
  );
  res.status(body.statusCode).json(body);
}

/**
 * Express middleware against cross-site request forgery. A state-changing request is refused when its
 * Origin is not one of WEB_ORIGINS (browsers always send it cross-site), and, when the session cookie
 * authenticates it (no bearer token), unless it carries the CSRF header the web client adds: a foreign
 * page cannot set it without a CORS preflight. Bearer tokens are never sent automatically, so need neither.
 * Pages the API serves itself (Bull Board) cannot add the header: there the Origin must be present instead
 * (browsers send it with every state-changing fetch).
 */
export function csrfProtection(
  webOrigins: readonly string[],
  originOnlyPaths: readonly string[],
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    if (origin !== undefined && !webOrigins.includes(origin)) {
      return refuse(req, res, "Requête refusée : elle vient d'un site qui n'est pas l'application.");
    }
    const bearer = /^Bearer\s/i.test(req.headers.authorization ?? '');
    const cookies = req.cookies as Record<string, unknown> | undefined;
    if (bearer || !cookies?.[SESSION_COOKIE]) return next();
    if (originOnlyPaths.some((path) => req.path.startsWith(path))) {
      if (origin !== undefined) return next();
      return refuse(req, res, "Requête refusée : l'en-tête Origin manque (protection CSRF).");
    }
    if (req.header(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
      return refuse(req, res, `Requête refusée : l'en-tête ${CSRF_HEADER} manque (protection CSRF).`);
    }
    next();
  };
}
