import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { cancelKey, JobName, type TExperimentSpec, WORKER_HEARTBEAT_PREFIX } from '@dlclass/contracts';
import { createTestDatabase, type TestDatabase } from '@dlclass/db/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import {
  createRunOwner,
  denseRun,
  listenToPublishedEvents,
  type Published,
  REDIS_URL,
} from '../test/fixtures';
import { FAILURE_REASONS } from './train-experiment.processor';
import { loadConfig, startWorker, type TRunningWorker } from './worker';

/** Minutes of training: only a stop ends it within a test. */
const longRun = denseRun();

const FINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

describe('training worker faults (real PostgreSQL, Redis, tfjs; worker processes killed for real)', () => {
  let db: TestDatabase;
  let queue: Queue;
  let redis: Redis;
  let subscriber: Redis;
  let owner: { id: string; classId: string };
  const published: Published[] = [];
  const queueName = `test-faults-${randomUUID()}`;
  const children = new Set<ChildProcess>();
  const workers = new Set<TRunningWorker>();

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await createRunOwner(db.prisma);
    redis = new Redis(REDIS_URL);
    subscriber = await listenToPublishedEvents((event) => published.push(event));
    queue = new Queue(queueName, { connection: { url: REDIS_URL } });
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.allSettled([...workers].map((w) => w.close()));
    await queue?.obliterate({ force: true });
    await queue?.close();
    await Promise.allSettled([subscriber?.quit(), redis?.quit()]);
    await db?.drop();
  });

  function env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: db.url,
      REDIS_URL,
      TRAINING_QUEUE_NAME: queueName,
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: '1',
      ...extra,
    };
  }

  async function inProcessWorker(extra: Record<string, string> = {}): Promise<TRunningWorker> {
    const worker = await startWorker(loadConfig(env(extra)), pino({ level: 'warn' }));
    workers.add(worker);
    return worker;
  }

  /** The worker as it runs in production (npm start), in its own process; resolves once it beats. */
  async function childWorker(): Promise<{ child: ChildProcess; id: string; output: () => string }> {
    const id = `faults-${randomUUID()}`;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: `${__dirname}/..`,
      env: { ...process.env, ...env({ WORKER_ID: id }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    child.on('exit', () => children.delete(child));
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk) => (output += chunk));
    await until(
      async () => ((await redis.exists(`${WORKER_HEARTBEAT_PREFIX}${id}`)) ? true : undefined),
      'a child worker',
      60_000,
      () => output,
    );
    return { child, id, output: () => output };
  }

  async function until<T>(
    probe: () => Promise<T | undefined> | T | undefined,
    what: string,
    ms = 60_000,
    detail: () => string = () => '',
  ): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} ${detail()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function submit(spec: TExperimentSpec, timeLimitS?: number): Promise<string> {
    const experiment = await db.prisma.experiment.create({
      data: { userId: owner.id, classId: owner.classId, name: 'fault', spec, parameterCount: 12_730 },
    });
    await queue.add(
      JobName.TrainExperiment,
      { experimentId: experiment.id, correlationId: `test-${experiment.id}`, timeLimitS },
      { jobId: experiment.id, attempts: 2 },
    );
    return experiment.id;
  }

  const statusOf = async (id: string) =>
    (await db.prisma.experiment.findUniqueOrThrow({ where: { id } })).status;
  const reaches = (id: string, statuses: string[], ms?: number) =>
    until(
      async () => {
        const run = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
        return statuses.includes(run.status) ? run : undefined;
      },
      `run ${id} in ${statuses.join('/')}`,
      ms,
    );
  const firstBatch = (id: string) =>
    until(
      () => published.find((p) => p.payload.experimentId === id && p.payload.kind === 'batch'),
      'a batch event',
    );

  it("stops a run past its job's time limit: FAILED with the limit in French, the event sent, no retry", async () => {
    const worker = await inProcessWorker({ WORKER_RUN_TIME_LIMIT_S: '3600' });
    try {
      const id = await submit(longRun, 1);
      const failed = await reaches(id, FINAL);
      expect(failed.status).toBe('FAILED');
      expect(failed.error).toBe(FAILURE_REASONS.timeLimit(1));
      expect(failed.error).toContain('limite de temps de 1 s');
      await until(
        () =>
          published.find(
            (p) =>
              p.payload.experimentId === id &&
              p.payload.status === 'failed' &&
              p.payload.error === failed.error,
          ),
        'the failed status event',
      );
      const job = await queue.getJob(id);
      expect(await job?.getState()).toBe('failed');
      expect(job?.attemptsMade).toBe(1);
    } finally {
      await worker.close();
      workers.delete(worker);
    }
  });

  it('fails a run whose estimated memory exceeds the bound before training it', async () => {
    const worker = await inProcessWorker({ WORKER_MAX_RUN_MEMORY_MB: '1' });
    try {
      const id = await submit(denseRun({ epochs: 1, batchSize: 1024, trainSize: 1000 }));
      const failed = await reaches(id, FINAL);
      expect(failed.status).toBe('FAILED');
      expect(failed.error).toMatch(
        /^Ce modèle demanderait environ \d+ Mo de mémoire .* plus que les 1 Mo permis/,
      );
      expect(failed.startedAt).not.toBeNull();
      expect(await db.prisma.experimentEpoch.count({ where: { experimentId: id } })).toBe(0);
    } finally {
      await worker.close();
      workers.delete(worker);
    }
  });

  it('on a cancel, frees the worker for the next queued run', async () => {
    const worker = await inProcessWorker();
    try {
      const cancelled = await submit(longRun);
      await firstBatch(cancelled);
      const next = await submit(longRun);
      expect(await statusOf(next)).toBe('QUEUED'); // one run at a time: it waits for the first
      await redis.set(cancelKey(cancelled), '1', 'EX', 3600);
      expect((await reaches(cancelled, FINAL)).status).toBe('CANCELLED');
      await reaches(next, ['RUNNING']);
      await redis.set(cancelKey(next), '1', 'EX', 3600);
      expect((await reaches(next, FINAL)).status).toBe('CANCELLED');
    } finally {
      await worker.close();
      workers.delete(worker);
    }
  });

  it('retries a run whose worker process was killed mid-run, never leaving it RUNNING or an epoch twice', async () => {
    const killed = await childWorker();
    const id = await submit(denseRun({ epochs: 3, batchSize: 32, trainSize: 6_000 }));
    // epoch 1 stored: the kill lands during epoch 2
    await until(
      async () =>
        (await db.prisma.experimentEpoch.count({ where: { experimentId: id } })) > 0 ? true : undefined,
      'epoch 1',
      90_000,
      killed.output,
    );
    killed.child.kill('SIGKILL');
    await once(killed.child, 'exit');
    expect(await statusOf(id)).toBe('RUNNING');

    // another worker takes the job over once BullMQ sees its lock expire (a stalled job: ~30-60 s)
    await inProcessWorker();
    const done = await reaches(id, FINAL, 150_000);
    if (done.status === 'FAILED') expect(done.error).toBeTruthy();
    else expect(done.status).toBe('SUCCEEDED');
    const epochs = await db.prisma.experimentEpoch.findMany({
      where: { experimentId: id },
      select: { epoch: true },
    });
    expect(new Set(epochs.map((e) => e.epoch)).size).toBe(epochs.length);
    if (done.status === 'SUCCEEDED') expect(epochs.map((e) => e.epoch).sort()).toEqual([1, 2, 3]);
  }, 240_000);

  it('on SIGTERM, hands the run back to the queue, removes its heartbeat and exits with 0', async () => {
    for (const worker of workers) await worker.close();
    workers.clear();
    const stopping = await childWorker();
    const id = await submit(longRun);
    await firstBatch(id);
    expect(await statusOf(id)).toBe('RUNNING');
    stopping.child.kill('SIGTERM');
    const [code] = await once(stopping.child, 'exit');
    expect(code).toBe(0);
    expect(await redis.exists(`${WORKER_HEARTBEAT_PREFIX}${stopping.id}`)).toBe(0);
    const after = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
    expect(after.status).toBe('QUEUED');
    expect(['delayed', 'waiting']).toContain(await queue.getJobState(id));
    expect((await queue.getJob(id))?.attemptsMade).toBe(0);
    await redis.set(cancelKey(id), '1', 'EX', 3600);
  }, 180_000);
});
