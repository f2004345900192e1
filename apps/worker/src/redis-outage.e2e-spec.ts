import { randomUUID } from 'node:crypto';
import { cancelKey, JobName } from '@dlclass/contracts';
import { createTestDatabase, type TestDatabase } from '@dlclass/db/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { CuttableRelay } from '../../../jest/tcp-relay';
import { createRunOwner, denseRun, listenToPublishedEvents, REDIS_URL } from '../test/fixtures';
import { loadConfig, startWorker, type TRunningWorker } from './worker';

const longRun = denseRun();

describe('training worker through a Redis outage (real Redis behind a cuttable relay)', () => {
  let db: TestDatabase;
  let worker: TRunningWorker;
  let queue: Queue;
  let redis: Redis;
  let subscriber: Redis;
  let relay: CuttableRelay;
  let owner: { id: string; classId: string };
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  const batches: { experimentId: string; at: number }[] = [];
  const queueName = `test-outage-${randomUUID()}`;

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    db = await createTestDatabase();
    owner = await createRunOwner(db.prisma);
    redis = new Redis(REDIS_URL);
    subscriber = await listenToPublishedEvents(({ event, payload }) => {
      if (event === 'experiment:progress' && payload.kind === 'batch')
        batches.push({ experimentId: payload.experimentId, at: Date.now() });
    });
    const target = new URL(REDIS_URL);
    relay = new CuttableRelay({ host: target.hostname, port: Number(target.port || 6379) });
    await relay.open();
    queue = new Queue(queueName, { connection: { url: REDIS_URL } });
    const config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL: `redis://127.0.0.1:${relay.port}`,
      TRAINING_QUEUE_NAME: queueName,
      LOG_LEVEL: 'silent',
    });
    worker = await startWorker(config, pino({ level: 'silent' }));
  });

  afterAll(async () => {
    await relay?.open().catch(() => undefined);
    await worker?.close();
    await relay?.cut();
    await queue?.obliterate({ force: true });
    await queue?.close();
    await Promise.allSettled([subscriber?.quit(), redis?.quit()]);
    await db?.drop();
    process.off('unhandledRejection', onUnhandled);
  });

  async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms = 30_000) {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('keeps training and publishing, without an unhandled rejection, when Redis is away for seconds', async () => {
    const experiment = await db.prisma.experiment.create({
      data: { userId: owner.id, classId: owner.classId, name: 'outage', spec: longRun, parameterCount: 0 },
    });
    const id = experiment.id;
    await queue.add(JobName.TrainExperiment, { experimentId: id, correlationId: 'outage' }, { jobId: id });
    await until(() => batches.find((b) => b.experimentId === id), 'a first batch event');

    await relay.cut();
    // long enough for ioredis to give up on a command limited to 3 reconnection attempts
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await relay.open();
    const restored = Date.now();

    // the run goes on and its events reach Redis again
    await until(
      () => batches.find((b) => b.experimentId === id && b.at > restored),
      'a batch after the outage',
    );
    const during = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
    expect(during.status).toBe('RUNNING');
    // and it still obeys a cancel (polled through the restored connection)
    await redis.set(cancelKey(id), '1', 'EX', 3600);
    const done = await until(async () => {
      const row = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
      return row.status === 'RUNNING' ? undefined : row;
    }, 'the run to stop');
    expect(done.status).toBe('CANCELLED');
    expect(unhandled).toEqual([]);
  });
});
