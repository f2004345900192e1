import { randomUUID } from 'node:crypto';
import { JobName } from '@dlclass/contracts';
import { createTestDatabase, type TestDatabase } from '@dlclass/db/testing';
import { Queue } from 'bullmq';
import pino from 'pino';
import { createRunOwner, denseRun, REDIS_URL } from '../test/fixtures';
import { defaultConcurrency } from './trainer-pool';
import { loadConfig, startWorker, type TRunningWorker } from './worker';

// long enough (a few seconds) that the second run starts while the first still trains
const tinyMlp = denseRun({ epochs: 3, trainSize: 2000 });

describe('defaultConcurrency', () => {
  it('is one run per core on wasm (per WASM_THREADS cores) and cpu, one on tfjs-node and per GPU', () => {
    expect(defaultConcurrency('wasm', 2, 1)).toBe(2);
    expect(defaultConcurrency('wasm', 8, 2)).toBe(4);
    expect(defaultConcurrency('wasm', 2, 4)).toBe(1);
    expect(defaultConcurrency('cpu', 4, 1)).toBe(4);
    expect(defaultConcurrency('tensorflow', 16, 1)).toBe(1);
    expect(defaultConcurrency('tensorflow-gpu', 16, 1)).toBe(1);
  });
});

describe('worker with WORKER_CONCURRENCY=2 (real PostgreSQL, Redis, MNIST and tfjs)', () => {
  let db: TestDatabase;
  let worker: TRunningWorker;
  let queue: Queue;
  let owner: { id: string; classId: string };
  const queueName = `test-concurrency-${randomUUID()}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await createRunOwner(db.prisma);
    queue = new Queue(queueName, { connection: { url: REDIS_URL } });
    worker = await startWorker(
      loadConfig({
        DATABASE_URL: db.url,
        REDIS_URL,
        TRAINING_QUEUE_NAME: queueName,
        LOG_LEVEL: 'warn',
        WORKER_CONCURRENCY: '2',
      }),
      pino({ level: 'warn' }),
    );
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    await db?.drop();
  });

  async function submit(): Promise<string> {
    const experiment = await db.prisma.experiment.create({
      data: { userId: owner.id, classId: owner.classId, name: 'test', spec: tinyMlp, parameterCount: 0 },
    });
    await queue.add(
      JobName.TrainExperiment,
      { experimentId: experiment.id, correlationId: `test-${experiment.id}` },
      { jobId: experiment.id },
    );
    return experiment.id;
  }

  it('trains two queued runs at the same time, and both succeed', async () => {
    expect(worker.concurrency).toBe(2);
    const ids = [await submit(), await submit()];
    let bothRunning = false;
    const deadline = Date.now() + 120_000;
    for (;;) {
      const runs = await db.prisma.experiment.findMany({ where: { id: { in: ids } } });
      if (runs.every((r) => r.status === 'RUNNING')) {
        bothRunning = true;
      }
      if (runs.every((r) => ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(r.status))) {
        expect(runs.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
        break;
      }
      if (Date.now() > deadline) throw new Error(`runs still ${runs.map((r) => r.status).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(bothRunning).toBe(true);
    const runs = await db.prisma.experiment.findMany({ where: { id: { in: ids } } });
    // the two runs overlapped in time
    const [a, b] = runs.map((r) => ({
      start: r.startedAt?.getTime() ?? 0,
      end: r.finishedAt?.getTime() ?? 0,
    }));
    if (!a || !b) throw new Error('two runs expected');
    expect(Math.max(a.start, b.start)).toBeLessThan(Math.min(a.end, b.end));
  });
});
