import { hostname } from 'node:os';
import { DEFAULT_RUN_TIME_LIMIT_S, TRAINING_QUEUE, ZTrainingBackend } from '@dlclass/contracts';
import { DEFAULT_DATABASE_URL } from '@dlclass/db';
import { z } from 'zod';

const ZWorkerEnv = z.object({
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6379'),
  TRAINING_QUEUE_NAME: z.string().min(1).default(TRAINING_QUEUE),
  TRAINER_BACKEND: ZTrainingBackend.optional().or(z.literal('').transform(() => undefined)),
  MNIST_DIR: z.string().optional(),
  FASHION_MNIST_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_ID: z.string().min(1).optional(),
  /** Runs trained at once; unset: the best for the backend and host (see defaultConcurrency). */
  WORKER_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Time limit of a run whose job carries none. */
  WORKER_RUN_TIME_LIMIT_S: z.coerce.number().int().min(1).default(DEFAULT_RUN_TIME_LIMIT_S),
  /** Memory guard, before training: a run whose estimated tensor memory exceeds it fails at once. */
  WORKER_MAX_RUN_MEMORY_MB: z.coerce.number().int().min(1).default(2048),
  /** Memory guard, while training: the V8 heap bound of each training thread. */
  WORKER_THREAD_MAX_HEAP_MB: z.coerce.number().int().min(64).default(2048),
  /** CPU priority of the training threads (nice 0-19): on a machine shared with the API, its answers come first. */
  WORKER_TRAINING_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** off: never train with the native kernels (the wasm ones instead), e.g. to compare them. */
  NATIVE_KERNELS: z.enum(['on', 'off']).default('on'),
});

export interface TWorkerConfig {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queueName: string;
  readonly trainerBackend: z.infer<typeof ZTrainingBackend> | undefined;
  readonly mnistDir: string | undefined;
  readonly fashionMnistDir: string | undefined;
  readonly logLevel: string;
  readonly workerId: string;
  /** undefined: defaultConcurrency(backend) once the backend is known. */
  readonly concurrency: number | undefined;
  readonly runTimeLimitS: number;
  readonly maxRunMemoryBytes: number;
  readonly threadMaxHeapMb: number;
  readonly trainingNice: number;
  readonly nativeKernels: boolean;
}

/** Parses the environment once; throws one error listing every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TWorkerConfig {
  const parsed = ZWorkerEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid worker configuration:\n${problems}`);
  }
  const e = parsed.data;
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    queueName: e.TRAINING_QUEUE_NAME,
    trainerBackend: e.TRAINER_BACKEND,
    mnistDir: e.MNIST_DIR || undefined,
    fashionMnistDir: e.FASHION_MNIST_DIR || undefined,
    logLevel: e.LOG_LEVEL,
    workerId: e.WORKER_ID ?? `${hostname()}-${process.pid}`,
    concurrency: e.WORKER_CONCURRENCY,
    runTimeLimitS: e.WORKER_RUN_TIME_LIMIT_S,
    maxRunMemoryBytes: e.WORKER_MAX_RUN_MEMORY_MB * 2 ** 20,
    threadMaxHeapMb: e.WORKER_THREAD_MAX_HEAP_MB,
    trainingNice: e.WORKER_TRAINING_NICE,
    nativeKernels: e.NATIVE_KERNELS === 'on',
  });
}
