import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

// Replaced at boot by configureLogger with the parsed LOG_LEVEL.
let root: Logger = pino({ level: 'info', base: { app: 'api' } });

/** Configures the process's one structured logger (called once at boot with the parsed level). */
export function configureLogger(level: string): Logger {
  root = pino({ level, base: { app: 'api' } });
  return root;
}

/** A child logger named after the class that uses it. */
export function createLogger(context: string): Logger {
  return root.child({ context });
}

/** Routes Nest's own log lines into pino. */
export class PinoNestLogger implements LoggerService {
  private readonly logger = createLogger('Nest');

  log(message: unknown, context?: string) {
    this.logger.info({ nestContext: context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ nestContext: context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ nestContext: context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ nestContext: context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ nestContext: context }, String(message));
  }
}
