import { ErrorCode } from '@dlclass/contracts';
import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { API_CONFIG, type ApiConfig } from '../config/config';
import { DomainError } from './errors';
import { REDIS } from './infra/tokens';
import { createLogger } from './logger';

/** One counter of a rule: what it counts by (none: not counted) and how many it allows per window. */
interface Counter {
  readonly scope: string;
  subject(req: Request): string | undefined;
  limit(config: ApiConfig): number;
}

const byAddress = (req: Request) => req.ip;
const byUser = (req: Request) => req.auth?.user.id;
/** Read before validation: normalised like ZJoinRequest does, so "abcd " and "ABCD" share a counter. */
const byClassCode = (req: Request) => {
  const code: unknown = (req.body as { classCode?: unknown } | undefined)?.classCode;
  return typeof code === 'string' ? code.trim().toUpperCase().slice(0, 40) : undefined;
};

const RULES = {
  login: [{ scope: 'login:ip', subject: byAddress, limit: (c) => c.RATE_LIMIT_LOGIN_PER_IP }],
  join: [
    { scope: 'join:ip', subject: byAddress, limit: (c) => c.RATE_LIMIT_JOIN_PER_IP },
    { scope: 'join:code', subject: byClassCode, limit: (c) => c.RATE_LIMIT_JOIN_PER_CODE },
  ],
  runs: [{ scope: 'runs:user', subject: byUser, limit: (c) => c.RATE_LIMIT_RUNS_PER_USER }],
  classicalRuns: [
    { scope: 'classical:user', subject: byUser, limit: (c) => c.RATE_LIMIT_CLASSICAL_RUNS_PER_USER },
  ],
  estimates: [{ scope: 'estimates:user', subject: byUser, limit: (c) => c.RATE_LIMIT_ESTIMATES_PER_USER }],
} satisfies Record<string, readonly Counter[]>;

export type RateLimitRule = keyof typeof RULES;

const RATE_LIMIT_RULE = 'dlclass:rate-limit';

/** The Redis key of one counter; exported for tests that reset it. */
export function rateLimitKey(scope: string, subject: string): string {
  return `dlclass:ratelimit:${scope}:${subject}`;
}

/**
 * Counts each request of a route in fixed windows of RATE_LIMIT_WINDOW_S in Redis (shared by every API
 * instance) and refuses the one over the limit with 429 RATE_LIMITED and Retry-After. Runs after the
 * global auth guard, so per-user rules see the caller.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = createLogger(RateLimitGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<RateLimitRule | undefined>(RATE_LIMIT_RULE, context.getHandler());
    if (!rule) return true;
    const req = context.switchToHttp().getRequest<Request>();
    for (const counter of RULES[rule] as readonly Counter[]) {
      const subject = counter.subject(req);
      if (!subject) continue;
      const retryAfterS = await this.hit(rateLimitKey(counter.scope, subject), counter.limit(this.config));
      if (retryAfterS === null) continue;
      this.logger.warn({ scope: counter.scope, subject, url: req.originalUrl }, 'Rate limit reached');
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfterS));
      throw new DomainError(
        ErrorCode.RateLimited,
        `Trop de demandes en peu de temps : réessayez dans ${retryAfterS} s.`,
        undefined,
        { retryAfterS },
      );
    }
    return true;
  }

  /** Counts one request; the seconds until the window ends when it is over the limit, else null. */
  private async hit(key: string, limit: number): Promise<number | null> {
    try {
      const replies = await this.redis
        .multi()
        .set(key, 0, 'EX', this.config.RATE_LIMIT_WINDOW_S, 'NX')
        .incr(key)
        .ttl(key)
        .exec();
      const [countError, count] = replies?.[1] ?? [new Error('empty MULTI reply'), null];
      if (countError) throw countError;
      if (Number(count) <= limit) return null;
      return Math.max(1, Number(replies?.[2]?.[1] ?? this.config.RATE_LIMIT_WINDOW_S));
    } catch (error) {
      // Fails open like the login attempts: an unreachable Redis must not stop the lesson.
      this.logger.error({ err: error }, 'Rate limit could not be counted (Redis unavailable)');
      return null;
    }
  }
}

/** Limits a route with one of the configured rules (see RULES and the RATE_LIMIT_* settings). */
export const RateLimit = (rule: RateLimitRule) =>
  applyDecorators(SetMetadata(RATE_LIMIT_RULE, rule), UseGuards(RateLimitGuard));
