import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cancelKey, JobName, type TExperimentSpec, WORKER_HEARTBEAT_PREFIX } from '@dlclass/contracts';
import { createTestDatabase, type TestDatabase } from '@dlclass/db/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { freePort, startRedis, stopRedis } from '../../../jest/redis-server';
import { createRunOwner, denseRun } from '../test/fixtures';
import { loadConfig, startWorker, type TRunningWorker } from './worker';

describe('training worker across a Redis restart (a private redis-server, killed and started empty)', () => {
  let db: TestDatabase;
  let port: number;
  let redisServer: ChildProcess;
  let worker: TRunningWorker;
  let queue: Queue;
  let redis: Redis;
  let owner: { id: string; classId: string };
  const queueName = `test-restart-${randomUUID()}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await createRunOwner(db.prisma);
    port = await freePort();
    redisServer = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    redis = new Redis(url, { maxRetriesPerRequest: null });
    queue = new Queue(queueName, { connection: { url } });
    const config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL: url,
      TRAINING_QUEUE_NAME: queueName,
      LOG_LEVEL: 'silent',
      WORKER_CONCURRENCY: '1',
    });
    worker = await startWorker(config, pino({ level: 'silent' }));
  });

  afterAll(async () => {
    if (redisServer.exitCode !== null || redisServer.signalCode !== null)
      redisServer = await startRedis(port);
    await worker?.close();
    await queue?.close();
    await redis?.quit();
    await stopRedis(redisServer);
    await db?.drop();
  });

  async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 60_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function submit(spec: TExperimentSpec): Promise<string> {
    const experiment = await db.prisma.experiment.create({
      data: { userId: owner.id, classId: owner.classId, name: 'restart', spec, parameterCount: 12_730 },
    });
    await queue.add(
      JobName.TrainExperiment,
      { experimentId: experiment.id, correlationId: `test-${experiment.id}` },
      { jobId: experiment.id, attempts: 2 },
    );
    return experiment.id;
  }

  const reaches = (id: string, statuses: string[], ms?: number) =>
    until(
      async () => {
        const found = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
        return statuses.includes(found.status) ? found : undefined;
      },
      `run ${id} in ${statuses.join('/')}`,
      ms,
    );

  it('resumes after Redis restarts empty: the QUEUED run whose job was lost is queued again and trains', async () => {
    const training = await submit(denseRun({}));
    await reaches(training, ['RUNNING']);
    const waiting = await submit(denseRun({ epochs: 1, trainSize: 500 }));

    await stopRedis(redisServer);
    redisServer = await startRedis(port);

    // the worker is back: its heartbeat, and the QUEUED run's job (lost with the old Redis) re-added by its
    // reconciler, not by this test
    const heartbeat = `${WORKER_HEARTBEAT_PREFIX}${worker.id}`;
    await until(async () => ((await redis.exists(heartbeat)) ? true : undefined), 'the heartbeat');
    const readded = await until(async () => (await queue.getJob(waiting)) ?? undefined, 'the re-added job');
    expect(readded.data.correlationId).toMatch(/^reconcile-/);

    // the run it was training still obeys a cancel, then the worker takes the re-queued run
    await redis.set(cancelKey(training), '1', 'EX', 3600);
    expect((await reaches(training, ['SUCCEEDED', 'FAILED', 'CANCELLED'])).status).toBe('CANCELLED');
    const done = await reaches(waiting, ['SUCCEEDED', 'FAILED', 'CANCELLED'], 90_000);
    expect(done.error).toBeNull();
    expect(done.status).toBe('SUCCEEDED');
  });
});
