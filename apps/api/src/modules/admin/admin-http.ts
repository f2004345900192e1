import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { ErrorCode, type TErrorCode } from '@dlclass/contracts';
import { Inject, Injectable, type NestMiddleware, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, NextFunction, Request, Response } from 'express';
import { AccessService } from '../../common/access/access.service';
import { SessionAuthenticator } from '../../common/auth/auth.types';
import { extractToken } from '../../common/auth/token';
import { toApiError } from '../../common/error.filter';
import { DomainError } from '../../common/errors';
import { API_CONFIG, type ApiConfig } from '../../config/config';
import { MetricsService } from './metrics.service';
import { TrainingQueueAdmin } from './training-queue.admin';

/** Bull Board's UI, under the API's global prefix like every other route. */
export const BULL_BOARD_PATH = '/api/admin/queues';
/** Where Prometheus scrapes, outside the prefix as it expects. */
export const METRICS_PATH = '/metrics';

/**
 * Bull Board and /metrics are plain Express handlers (Bull Board brings its own router), mounted once the
 * Nest routes are: they get the same authentication (session cookie or bearer token) and the same JSON
 * errors. /metrics also takes `Authorization: Bearer $METRICS_TOKEN` when that is set, for Prometheus.
 */
@Injectable()
export class AdminHttpMounts implements OnModuleInit {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly sessions: SessionAuthenticator,
    private readonly access: AccessService,
    private readonly queue: TrainingQueueAdmin,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit() {
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    const board = new ExpressAdapter().setBasePath(BULL_BOARD_PATH);
    // Read-only: a job removed there would leave its run QUEUED with nothing to train it; pausing, cancelling
    // and retrying go through the admin page, which keeps the runs and the queue in step.
    createBullBoard({
      queues: [new BullMQAdapter(this.queue.queue, { readOnlyMode: true })],
      serverAdapter: board,
    });
    app.use(BULL_BOARD_PATH, this.adminOnly(), board.getRouter());
    app.get(METRICS_PATH, this.adminOnly(this.config.METRICS_TOKEN), async (_req, res, next) => {
      try {
        res
          .set('Content-Type', this.metrics.registry.contentType)
          .send(await this.metrics.registry.metrics());
      } catch (error) {
        next(error);
      }
    });
  }

  /** Lets an admin's session through (or the scrape token): no session 401, another role 403. */
  private adminOnly(scrapeToken?: string) {
    return async (req: Request, res: Response, next: NextFunction) => {
      const token = extractToken({
        authorization: req.headers.authorization,
        cookies: req.cookies as Record<string, unknown> | undefined,
      });
      if (token && scrapeToken && sameSecret(token, scrapeToken)) return next();
      const auth = token ? await this.sessions.authenticate(token).catch(() => null) : null;
      if (!auth) return refuse(req, res, ErrorCode.Unauthenticated);
      if (!this.access.isAdmin(auth)) return refuse(req, res, ErrorCode.Forbidden);
      next();
    };
  }
}

/** The same JSON error as the Nest routes' (exception filter), correlation id included. */
function refuse(req: Request, res: Response, code: TErrorCode) {
  const body = toApiError(new DomainError(code), req.correlationId ?? randomUUID());
  res.status(body.statusCode).json(body);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Bull Board's own routes under its mount; a Nest route's pattern; 'unmatched' for a 404. */
function routeLabel(req: Request): string {
  if (req.originalUrl.startsWith(BULL_BOARD_PATH)) return BULL_BOARD_PATH;
  const path = (req.route as { path?: unknown } | undefined)?.path;
  // no Nest route matched: req.route is still this middleware's own catch-all route
  return typeof path === 'string' && !path.includes('*') ? path : 'unmatched';
}

/** Counts and times every HTTP request by its route pattern (not its path: ids would explode the labels). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction) {
    const end = this.metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const labels = { method: req.method, route: routeLabel(req) };
      end(labels);
      this.metrics.httpRequests.inc({ ...labels, status: String(res.statusCode) });
    });
    next();
  }
}
