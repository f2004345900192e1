/**
 * `npm run bench:cancel`: how long a cancel takes to free the worker, from the cancel key set in Redis to the
 * next queued run taken up (RUNNING), on a worker training one run at a time (the real worker, a fresh
 * database and a unique queue on the local Redis). Target: under 2 s, a batch that does not end in time
 * included (the training thread is then terminated, see STOP_GRACE_MS).
 *
 *   npm run bench:cancel -- [--rounds 5]
 */
import { randomUUID } from 'node:crypto';
import { cancelKey, JobName, REFERENCE_EXPERIMENT, type TExperimentSpec } from '@dlclass/contracts';
import { createClass, createStudent, createTeacher, createTestDatabase } from '@dlclass/db/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { loadConfig, startWorker } from '../apps/worker/src/worker';
import { formatTable, option, summarize } from './common';

const TARGET_MS = 2000;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The lesson's model (short batches), and one whose batches take seconds on a CPU (the thread is cut). */
const CASES: { name: string; spec: TExperimentSpec }[] = [
  { name: 'reference model, batch 64', spec: REFERENCE_EXPERIMENT },
  {
    name: 'conv 128 same, batch 1024',
    spec: {
      ...REFERENCE_EXPERIMENT,
      model: {
        layers: [
          { type: 'conv2d', filters: 128, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
          { type: 'flatten' },
        ],
      },
      training: { ...REFERENCE_EXPERIMENT.training, batchSize: 1024 },
    },
  },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const rounds = option(process.argv.slice(2), 'rounds', 5);
  const db = await createTestDatabase();
  const teacher = await createTeacher(db.prisma);
  const klass = await createClass(db.prisma, teacher.id);
  const student = await createStudent(db.prisma, klass.id);
  const queueName = `bench-cancel-${randomUUID()}`;
  const queue = new Queue(queueName, { connection: { url: REDIS_URL } });
  const redis = new Redis(REDIS_URL);
  const worker = await startWorker(
    loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL,
      TRAINING_QUEUE_NAME: queueName,
      WORKER_CONCURRENCY: '1',
      LOG_LEVEL: 'warn',
    }),
    pino({ level: 'warn' }),
  );

  const submit = async (spec: TExperimentSpec) => {
    const run = await db.prisma.experiment.create({
      data: { userId: student.id, classId: klass.id, name: 'bench', spec, parameterCount: 0 },
    });
    await queue.add(
      JobName.TrainExperiment,
      { experimentId: run.id, correlationId: `bench-${run.id}` },
      { jobId: run.id },
    );
    return run.id;
  };
  const reaches = async (id: string, statuses: string[]) => {
    for (;;) {
      const run = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
      if (statuses.includes(run.status)) return run.status;
      if (run.finishedAt) throw new Error(`run ${id} ended ${run.status}: ${run.error ?? ''}`);
      await sleep(10);
    }
  };

  const rows: (string | number)[][] = [];
  const results: Record<string, ReturnType<typeof summarize>> = {};
  try {
    for (const { name, spec } of CASES) {
      const freed: number[] = [];
      let next = await submit(spec);
      for (let round = 0; round < rounds; round++) {
        const cancelled = next;
        await reaches(cancelled, ['RUNNING']);
        await sleep(1500); // well into training: a batch is under way
        next = await submit(spec);
        const asked = performance.now();
        await redis.set(cancelKey(cancelled), '1', 'EX', 3600);
        await reaches(next, ['RUNNING']);
        freed.push(performance.now() - asked);
      }
      await redis.set(cancelKey(next), '1', 'EX', 3600);
      await reaches(next, ['CANCELLED', 'FAILED', 'SUCCEEDED']);
      const summary = summarize(freed);
      results[name] = summary;
      rows.push([
        name,
        summary.count,
        summary.p50,
        summary.p95,
        summary.max,
        summary.max < TARGET_MS ? 'yes' : 'NO',
      ]);
    }
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
    await db.drop();
  }
  console.log(JSON.stringify({ bench: 'cancel', backend: worker.backend, targetMs: TARGET_MS, results }));
  console.log(formatTable(['case', 'rounds', 'p50 ms', 'p95 ms', 'max ms', `under ${TARGET_MS} ms`], rows));
  if (rows.some((row) => row[5] !== 'yes')) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
