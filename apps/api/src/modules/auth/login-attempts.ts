import { ErrorCode } from '@dlclass/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DomainError } from '../../common/errors';
import { REDIS } from '../../common/infra/tokens';
import { createLogger } from '../../common/logger';

/** Wrong PINs or passwords allowed per account within the window; the next attempt is refused. */
export const MAX_FAILED_ATTEMPTS = 5;
/** The window starts at the first failure; the account is free again when it ends. */
export const FAILED_ATTEMPTS_WINDOW_S = 15 * 60;

/** Redis key counting an account's failures: a student by class and name key, staff by e-mail. */
export function failedAttemptsKey(account: { classId: string; displayKey: string } | { email: string }) {
  return 'email' in account
    ? `dlclass:authfail:${account.email}`
    : `dlclass:authfail:${account.classId}:${account.displayKey}`;
}

/**
 * Limits PIN and password guessing per account. Every attempt is counted *before* bcrypt runs (one
 * atomic INCR), so a burst of parallel requests cannot slip past the limit; a success deletes the
 * counter, so only failures add up. Sequentially this is exactly "5 failures, then refused".
 */
@Injectable()
export class LoginAttempts {
  private readonly logger = createLogger(LoginAttempts.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Counts one attempt; throws TOO_MANY_ATTEMPTS (429) when the account already has too many. */
  async begin(key: string, message?: string): Promise<void> {
    let attempts: number;
    try {
      const replies = await this.redis
        .multi()
        .set(key, 0, 'EX', FAILED_ATTEMPTS_WINDOW_S, 'NX')
        .incr(key)
        .exec();
      const [error, value] = replies?.[1] ?? [new Error('empty MULTI reply'), null];
      if (error) throw error;
      attempts = Number(value);
    } catch (error) {
      // Fails open: an unreachable Redis must not lock every student out of the lesson.
      this.logger.error({ err: error }, 'Login attempts could not be counted (Redis unavailable)');
      return;
    }
    if (attempts > MAX_FAILED_ATTEMPTS) {
      this.logger.warn({ key, attempts }, 'Login refused: too many failed attempts');
      throw new DomainError(ErrorCode.TooManyAttempts, message);
    }
  }

  /** The secret was right: the account's failures are forgotten. */
  async succeeded(key: string): Promise<void> {
    await this.redis.del(key).catch((error: unknown) => {
      this.logger.error({ err: error }, 'Login attempts could not be reset (Redis unavailable)');
    });
  }
}
