/**
 * One API per test file, against a fresh PostgreSQL database and a unique BullMQ queue on the real Redis,
 * optionally with a real training worker (apps/worker) in the same process on the same queue.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@dlclass/db/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import { createApp } from '../src/app.factory';
import { type ApiConfig, loadConfig } from '../src/config/config';

/** The tests' small run (from @dlclass/db/testing, which the load test shares). */
export { tinyRun } from '@dlclass/db/testing';

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export interface Harness {
  app: NestExpressApplication;
  /** The HTTP server, for supertest. */
  server: ReturnType<NestExpressApplication['getHttpServer']>;
  /** Base URL of the listening API (Socket.IO clients connect here). */
  url: string;
  db: TestDatabase;
  config: ApiConfig;
  /** Starts a real worker on this file's queue (the worker's own entry point). */
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

interface RunningWorker {
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Another Redis than the shared one (a test that stops it). */
  redisUrl?: string;
  /** The API's log level when TEST_LOG_LEVEL is unset (default warn). */
  logLevel?: string;
  /** More configuration for the API (and the worker), e.g. FASHION_MNIST_DIR. */
  env?: Record<string, string>;
  /** The database URL the API is given, from the test database's (e.g. through a relay a test cuts). */
  routeDatabase?: (url: string) => string;
}

export async function startHarness(name: string, options: HarnessOptions = {}): Promise<Harness> {
  const redisUrl = options.redisUrl ?? REDIS_URL;
  const db = await createTestDatabase();
  const queueName = `test-${name}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const env = {
    DATABASE_URL: options.routeDatabase?.(db.url) ?? db.url,
    REDIS_URL: redisUrl,
    TRAINING_QUEUE_NAME: queueName,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? options.logLevel ?? 'warn',
    API_PORT: '0',
    WEB_ORIGINS: 'http://localhost:3000',
    // Test files share Redis and 127.0.0.1: only abuse.e2e-spec.ts runs with real limits.
    RATE_LIMIT_LOGIN_PER_IP: '100000',
    RATE_LIMIT_JOIN_PER_IP: '100000',
    RATE_LIMIT_JOIN_PER_CODE: '100000',
    RATE_LIMIT_RUNS_PER_USER: '100000',
    RATE_LIMIT_CLASSICAL_RUNS_PER_USER: '100000',
    RATE_LIMIT_ESTIMATES_PER_USER: '100000',
    ...options.env,
  };
  const config = loadConfig(env);
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  let worker: RunningWorker | undefined;

  return {
    app,
    server: app.getHttpServer(),
    url: `http://127.0.0.1:${port}`,
    db,
    config,
    async startWorker() {
      const { loadConfig: loadWorkerConfig, startWorker } = await import('@dlclass/worker/src/worker');
      worker = await startWorker(
        loadWorkerConfig({ ...process.env, ...env, WORKER_ID: `test-worker-${queueName}` }),
      );
    },
    async close() {
      await worker?.close();
      await app.close();
      const queue = new Queue(queueName, { connection: { url: redisUrl } });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await db.drop();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
