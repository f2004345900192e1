import { randomUUID } from 'node:crypto';
import {
  cancelKey,
  JobName,
  PERTURBATIONS,
  rooms,
  type TExperimentSpec,
  TRAINING_JOB_OPTIONS,
  type TWorkerInfo,
  WORKER_HEARTBEAT_PREFIX,
  ZEvaluation,
  ZExperimentProgressEvent,
  ZExperimentStatusEvent,
} from '@dlclass/contracts';
import { createTestDatabase, type TestDatabase } from '@dlclass/db/testing';
import { describeModel } from '@dlclass/ml';
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

const tinyMlp = denseRun({ epochs: 2, batchSize: 16, trainSize: 200 });

describe('training worker (real PostgreSQL, Redis, MNIST and tfjs)', () => {
  let db: TestDatabase;
  let worker: TRunningWorker;
  let queue: Queue;
  let redis: Redis;
  let subscriber: Redis;
  let owner: { id: string; classId: string };
  const published: Published[] = [];
  const queueName = `test-training-${randomUUID()}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await createRunOwner(db.prisma);
    redis = new Redis(REDIS_URL);
    subscriber = await listenToPublishedEvents((event) => published.push(event));
    queue = new Queue(queueName, { connection: { url: REDIS_URL } });
    const config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL,
      TRAINING_QUEUE_NAME: queueName,
      LOG_LEVEL: 'warn',
    });
    worker = await startWorker(config, pino({ level: 'warn' }));
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    await Promise.allSettled([subscriber?.quit(), redis?.quit()]);
    await db?.drop();
  });

  async function submit(spec: TExperimentSpec): Promise<string> {
    const description = describeModel(spec.model);
    const experiment = await db.prisma.experiment.create({
      data: {
        userId: owner.id,
        classId: owner.classId,
        name: 'test',
        spec,
        parameterCount: description.ok ? description.parameterCount : 0,
      },
    });
    await queue.add(
      JobName.TrainExperiment,
      { experimentId: experiment.id, correlationId: `test-${experiment.id}` },
      { jobId: experiment.id, attempts: 2 },
    );
    return experiment.id;
  }

  async function waitForStatus(id: string, statuses: string[], timeoutMs = 90_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const experiment = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
      if (statuses.includes(experiment.status)) return experiment;
      if (Date.now() > deadline) throw new Error(`experiment still ${experiment.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function waitForEvent(match: (p: Published) => boolean, timeoutMs = 5000): Promise<Published> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = published.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('event not published');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('announces itself with its backend in the heartbeat key', async () => {
    const raw = await redis.get(`${WORKER_HEARTBEAT_PREFIX}${worker.id}`);
    const info = JSON.parse(raw ?? 'null') as TWorkerInfo;
    expect(info).toMatchObject({ id: worker.id, backend: worker.backend, device: worker.device });
    expect(['tensorflow-gpu', 'tensorflow', 'native', 'wasm', 'cpu']).toContain(info.backend);
  });

  it('trains a small MLP on MNIST and stores epochs, evaluation and model, with events in order', async () => {
    const id = await submit(tinyMlp);
    const done = await waitForStatus(id, ['SUCCEEDED', 'FAILED', 'CANCELLED']);
    expect(done.error).toBeNull();
    expect(done.status).toBe('SUCCEEDED');
    expect(done.backend).toBe(worker.backend);
    expect(done.device).toBe(worker.device);
    expect(done.startedAt).toBeInstanceOf(Date);
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(done.durationMs).toBeGreaterThan(0);
    expect(done.parameterCount).toBe(784 * 16 + 16 + 16 * 10 + 10);
    expect(done.testAccuracy).toBeGreaterThan(0.3);
    // the model, its optimizer and every batch tensor were disposed in the training thread
    const tensors = worker.tensors();
    expect(tensors.afterLastRun).toBe(tensors.baseline);

    const epochs = await db.prisma.experimentEpoch.findMany({
      where: { experimentId: id },
      orderBy: { epoch: 'asc' },
    });
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(epochs[1]?.valAccuracy).toBeGreaterThan(0);

    const evaluation = ZEvaluation.parse({
      ...(done.evaluation as object),
      testAccuracy: done.testAccuracy,
      testLoss: done.testLoss,
    });
    expect(evaluation.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(evaluation.perClass).toHaveLength(10);
    expect(evaluation.samples).toHaveLength(10);
    expect(evaluation.samples[0]?.pixels).toHaveLength(784);
    // as a classical model's: its frequent mistakes, and its accuracy on each modified test set
    expect(evaluation.mistakes?.[0]?.count).toBe(
      Math.max(...evaluation.confusionMatrix.flatMap((row, d) => row.filter((_, p) => p !== d))),
    );
    expect(evaluation.robustness?.sets).toHaveLength(PERTURBATIONS.length * 3);

    const model = await db.prisma.trainedModel.findUniqueOrThrow({ where: { experimentId: id } });
    expect(model.weightData.byteLength).toBe(done.parameterCount * 4);
    expect(JSON.stringify(model.modelTopology)).toContain('Sequential');

    // the last status event is published right after the commit: wait for it to arrive
    await waitForEvent((p) => p.payload.experimentId === id && p.payload.status === 'succeeded');
    const events = published.filter((p) => p.payload.experimentId === id);
    const statuses = events
      .filter((e) => e.event === 'experiment:status')
      .map((e) => ZExperimentStatusEvent.parse(e.payload));
    expect(statuses.map((s) => s.status)).toEqual(['running', 'succeeded']);
    expect(statuses[1]?.testAccuracy).toBe(done.testAccuracy);
    const progress = events.filter((e) => e.event === 'experiment:progress');
    const parsed = progress.map((e) => ZExperimentProgressEvent.parse(e.payload));
    const seqs = parsed.map((p) => p.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(parsed.filter((p) => p.kind === 'epoch').map((p) => p.epoch)).toEqual([1, 2]);
    expect(parsed.some((p) => p.kind === 'batch')).toBe(true);
    // batches only to the run's room; epochs and statuses to owner, run and class teachers
    for (const [i, event] of progress.entries()) {
      if (parsed[i]?.kind === 'batch') expect(event.rooms).toEqual([rooms.experiment(id)]);
      else
        expect(event.rooms.sort()).toEqual(
          [rooms.classTeachers(owner.classId), rooms.experiment(id), rooms.user(owner.id)].sort(),
        );
    }
    expect(events[0]?.event).toBe('experiment:status');
    expect(events.at(-1)?.event).toBe('experiment:status');
  });

  it('publishes one-batch epochs in seq order and announces every epoch', async () => {
    const epochs = 30;
    const id = await submit({
      ...tinyMlp,
      training: { ...tinyMlp.training, trainSize: 100, batchSize: 128, epochs },
    });
    const done = await waitForStatus(id, ['SUCCEEDED', 'FAILED', 'CANCELLED']);
    expect(done.status).toBe('SUCCEEDED');
    await waitForEvent((p) => p.payload.experimentId === id && p.payload.status === 'succeeded');
    const progress = published
      .filter((p) => p.payload.experimentId === id && p.event === 'experiment:progress')
      .map((p) => ZExperimentProgressEvent.parse(p.payload));
    // what a browser does: drop any event whose seq is not above the last one it kept
    let lastSeq = -1;
    const kept = progress.filter((p) => {
      if (p.seq <= lastSeq) return false;
      lastSeq = p.seq;
      return true;
    });
    expect(kept).toEqual(progress);
    expect(kept.filter((p) => p.kind === 'epoch').map((p) => p.epoch)).toEqual(
      Array.from({ length: epochs }, (_, i) => i + 1),
    );
  });

  it('stops a running run between two batches when the cancel key is set', async () => {
    const id = await submit({
      ...tinyMlp,
      training: { ...tinyMlp.training, trainSize: 60_000, epochs: 30, batchSize: 8 },
    });
    await waitForStatus(id, ['RUNNING']);
    await redis.set(cancelKey(id), '1', 'EX', 3600);
    const done = await waitForStatus(id, ['SUCCEEDED', 'FAILED', 'CANCELLED'], 30_000);
    expect(done.status).toBe('CANCELLED');
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(await db.prisma.trainedModel.count({ where: { experimentId: id } })).toBe(0);
  });

  it('fails an invalid architecture at once, with a reason in French', async () => {
    const id = await submit({
      ...tinyMlp,
      model: {
        layers: [
          { type: 'flatten' },
          { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
        ],
      },
    });
    const done = await waitForStatus(id, ['SUCCEEDED', 'FAILED', 'CANCELLED']);
    expect(done.status).toBe('FAILED');
    expect(done.error).toMatch(/^Architecture invalide : .*convolution/);
    const job = await queue.getJob(id);
    expect(job?.attemptsMade).toBe(1);
  });

  it('marks a run FAILED when BullMQ gives up on its job, even if the processor never took it up', async () => {
    const { id } = await db.prisma.experiment.create({
      data: { userId: owner.id, classId: owner.classId, name: 'bad job', spec: tinyMlp, parameterCount: 0 },
    });
    // a payload the processor rejects before touching the run (no correlationId): both attempts fail
    await queue.add(JobName.TrainExperiment, { experimentId: id }, { jobId: id, attempts: 2 });
    const done = await waitForStatus(id, ['SUCCEEDED', 'FAILED', 'CANCELLED'], 15_000);
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe(FAILURE_REASONS.internal);
    expect((await queue.getJob(id))?.attemptsMade).toBe(2);
    const failed = await waitForEvent(
      (p) => p.payload.experimentId === id && p.event === 'experiment:status',
    );
    expect(ZExperimentStatusEvent.parse(failed.payload)).toMatchObject({
      kind: 'network',
      status: 'failed',
      error: FAILURE_REASONS.internal,
    });
  });

  it('ignores a redelivered job of a run that already ended', async () => {
    const id = await submit(tinyMlp);
    const first = await waitForStatus(id, ['SUCCEEDED']);
    const jobId = `${id}-again`;
    await queue.add(JobName.TrainExperiment, { experimentId: id, correlationId: 'again' }, { jobId });
    while ((await queue.getJobState(jobId)) !== 'completed')
      await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
    expect(again.finishedAt).toEqual(first.finishedAt);
    expect(again.status).toBe('SUCCEEDED');
  });

  // keep these two last: the first stops the worker, the second starts another
  let handedBack = '';
  it('hands a run in progress back to the queue when it stops, without spending an attempt', async () => {
    const id = await submit({
      ...tinyMlp,
      training: { ...tinyMlp.training, trainSize: 60_000, epochs: 30, batchSize: 8 },
    });
    handedBack = id;
    await waitForStatus(id, ['RUNNING']);
    await waitForEvent((p) => p.payload.experimentId === id && p.payload.kind === 'batch');
    await worker.close();
    const after = await db.prisma.experiment.findUniqueOrThrow({ where: { id } });
    expect(after.status).toBe('QUEUED');
    expect(after.startedAt).toBeNull();
    expect(['delayed', 'waiting']).toContain(await queue.getJobState(id));
    expect((await queue.getJob(id))?.attemptsMade).toBe(0);
    expect(await redis.exists(`${WORKER_HEARTBEAT_PREFIX}${worker.id}`)).toBe(0);
  });

  it('at start, re-adds lost jobs of QUEUED runs, fails orphan RUNNING runs, resumes with higher seqs', async () => {
    expect(handedBack).not.toBe('');
    const lostJob = await db.prisma.experiment.create({
      data: { userId: owner.id, classId: owner.classId, name: 'lost job', spec: tinyMlp, parameterCount: 0 },
    });
    const orphan = await db.prisma.experiment.create({
      data: {
        userId: owner.id,
        classId: owner.classId,
        name: 'orphan',
        spec: tinyMlp,
        parameterCount: 0,
        status: 'RUNNING',
        startedAt: new Date(),
      },
    });
    const firstAttempt = published
      .filter((p) => p.payload.experimentId === handedBack && p.event === 'experiment:progress')
      .map((p) => ZExperimentProgressEvent.parse(p.payload).seq);
    expect(firstAttempt.length).toBeGreaterThan(0);
    const restartedAt = published.length;

    worker = await startWorker(
      loadConfig({ DATABASE_URL: db.url, REDIS_URL, TRAINING_QUEUE_NAME: queueName, LOG_LEVEL: 'warn' }),
      pino({ level: 'warn' }),
    );

    const failed = await db.prisma.experiment.findUniqueOrThrow({ where: { id: orphan.id } });
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toBe(FAILURE_REASONS.lost);
    const requeued = await queue.getJob(lostJob.id);
    expect(requeued?.opts).toMatchObject(TRAINING_JOB_OPTIONS);
    expect(requeued?.data).toMatchObject({ experimentId: lostJob.id });
    expect((await waitForStatus(lostJob.id, ['SUCCEEDED', 'FAILED', 'CANCELLED'])).status).toBe('SUCCEEDED');

    // the handed-back run trains again; its new events carry seqs above the first attempt's
    const resumed = await waitForEvent(
      (p) =>
        published.indexOf(p) >= restartedAt &&
        p.payload.experimentId === handedBack &&
        p.event === 'experiment:progress',
      60_000,
    );
    expect(ZExperimentProgressEvent.parse(resumed.payload).seq).toBeGreaterThan(Math.max(...firstAttempt));
    await redis.set(cancelKey(handedBack), '1', 'EX', 3600);
    expect((await waitForStatus(handedBack, ['SUCCEEDED', 'FAILED', 'CANCELLED'], 30_000)).status).toBe(
      'CANCELLED',
    );
  });
});
