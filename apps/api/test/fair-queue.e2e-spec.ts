import type { TExperimentSummary, TSubmitExperimentResponse } from '@dlclass/contracts';
import { meanRunMsSince } from '@dlclass/db';
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import { RealtimePublisher } from '@dlclass/worker/src/events';
import { ExperimentRepository } from '@dlclass/worker/src/experiment.repository';
import { createLogger } from '@dlclass/worker/src/logger';
import { reconcileRuns } from '@dlclass/worker/src/reconcile';
import { type Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import request from 'supertest';
import { RUN_TIME_WINDOW_MS } from '../src/modules/experiments/queue-place';
import { type Harness, REDIS_URL, startHarness, tinyRun } from './harness';

const byNumber = (a = 0, b = 0) => a - b;

/**
 * Fair sharing of the training queue: the k-th run of any student starts before the (k+1)-th of any other,
 * whatever order they were submitted in; each student sees the same place the queue will start the run at.
 */
describe('fair sharing of the training queue (real PostgreSQL, Redis and BullMQ)', () => {
  let h: Harness;
  let classId: string;
  let teacherToken: string;
  let queue: Queue;

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function student(displayName: string) {
    const { id } = await createStudent(h.db.prisma, classId, { displayName });
    return { id, token: await issueSessionToken(h.db.prisma, id) };
  }

  async function submit(token: string, name: string): Promise<TSubmitExperimentResponse> {
    return (
      await api()
        .post('/api/experiments')
        .set(as(token))
        .send({ ...tinyRun(), name })
        .expect(202)
    ).body as TSubmitExperimentResponse;
  }

  /** Takes every queued job with a worker that does no work: the order BullMQ starts them in. */
  async function drain(expected: number): Promise<string[]> {
    const started: string[] = [];
    let worker: Worker | undefined;
    await new Promise<void>((resolve) => {
      worker = new Worker(
        h.config.TRAINING_QUEUE_NAME,
        async (job: Job) => {
          started.push(job.id ?? '');
          if (started.length === expected) resolve();
        },
        { connection: { url: REDIS_URL }, concurrency: 1 },
      );
    });
    await worker?.close();
    return started;
  }

  beforeAll(async () => {
    h = await startHarness('fair-queue');
    const teacher = await createTeacher(h.db.prisma);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    classId = (await createClass(h.db.prisma, teacher.id, { seedMode: 'STUDENT' })).id;
    queue = new Queue(h.config.TRAINING_QUEUE_NAME, { connection: { url: REDIS_URL } });
  });

  afterAll(async () => {
    await queue?.close();
    await h?.close();
  });

  it('a burst of 30 students, each sending its runs in a row: every k-th run starts before any (k+1)-th', async () => {
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => student(`Élève ${i + 1}`)));
    // student i sends 1 + i % 3 runs one after the other: a FIFO queue would start the first students'
    // third runs before the last students' first ones
    const submitted = await Promise.all(
      burst.map(async (student, i) => {
        const runs: { id: string; k: number }[] = [];
        for (let k = 1; k <= 1 + (i % 3); k += 1) {
          runs.push({ id: (await submit(student.token, `Élève ${i + 1}, run ${k}`)).id, k });
        }
        return runs;
      }),
    );
    const runs = submitted.flat();
    const kOf = new Map(runs.map((run) => [run.id, run.k]));
    expect(runs).toHaveLength(60);

    // each job's priority is its rank among its student's unfinished runs
    for (const run of runs) expect((await queue.getJob(run.id))?.opts.priority).toBe(run.k);

    // the places the students see, at rest: 1..60, by rank
    const seen = (
      await Promise.all(
        burst.map(
          async (student) =>
            (
              await api().get('/api/experiments').set(as(student.token)).expect(200)
            ).body as TExperimentSummary[],
        ),
      )
    ).flat();
    const places = new Map(seen.map((run) => [run.id, run.queuePosition ?? 0]));
    expect([...places.values()].sort(byNumber)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const byPlace = [...seen].sort((a, b) => (a.queuePosition ?? 0) - (b.queuePosition ?? 0));
    const ranksByPlace = byPlace.map((run) => kOf.get(run.id));
    expect(ranksByPlace).toEqual([...ranksByPlace].sort(byNumber));
    // the teacher sees the same places, each with an estimated wait of place × (mean run time / slots);
    // another test's worker on this Redis may be up (an estimate) or not (none): one answer, one rule
    const feed = (await api().get(`/api/experiments?classId=${classId}`).set(as(teacherToken)).expect(200))
      .body as TExperimentSummary[];
    expect(new Map(feed.map((run) => [run.id, run.queuePosition]))).toEqual(places);
    const waits = [...feed]
      .sort((a, b) => (a.queuePosition ?? 0) - (b.queuePosition ?? 0))
      .map((run) => run.estimatedWaitMs);
    if (waits[0] !== null) {
      const perPlace = waits[0] ?? 0;
      waits.forEach((wait, i) => {
        expect(wait).not.toBeNull();
        expect(Math.abs((wait ?? 0) - perPlace * (i + 1))).toBeLessThanOrEqual(i + 1);
      });
    } else {
      expect(waits.every((wait) => wait === null)).toBe(true);
    }

    // the real start order, one slot: the k-th runs of all the students, then the (k+1)-th, and each run
    // starts within the block of places the students were shown for its rank
    const started = await drain(60);
    const ranks = started.map((id) => kOf.get(id) ?? 0);
    expect(ranks).toEqual([...ranks].sort(byNumber));
    for (let k = 1; k <= 3; k += 1) {
      const startedAt = started.flatMap((id, i) => (kOf.get(id) === k ? [i + 1] : []));
      const shownAt = started.flatMap((id) => (kOf.get(id) === k ? [places.get(id)] : []));
      expect([...shownAt].sort(byNumber)).toEqual(startedAt);
    }
  });

  it('keeps a queued run’s rank when an earlier one ends, and the reconciler re-adds it with that priority', async () => {
    await h.db.prisma.experiment.deleteMany();
    const ana = await student('Ana');
    const ben = await student('Ben');
    const ana1 = await submit(ana.token, 'Ana 1');
    const ana2 = await submit(ana.token, 'Ana 2');
    const ben1 = await submit(ben.token, 'Ben 1');
    expect([ana1.queuePosition, ana2.queuePosition, ben1.queuePosition]).toEqual([1, 2, 2]);
    // Ana's first run ends (as a worker would end it): her second keeps rank 2, behind Ben's first
    await h.db.prisma.experiment.update({
      where: { id: ana1.id },
      data: { status: 'SUCCEEDED', startedAt: new Date(Date.now() - 30_000), finishedAt: new Date() },
    });
    await queue.remove(ana1.id);
    // the estimates take the mean run time of the last hour: Ana's 30 s, not an older 10 min run
    await h.db.prisma.experiment.create({
      data: {
        userId: ben.id,
        name: 'Ben 0',
        spec: tinyRun(),
        parameterCount: 0,
        status: 'SUCCEEDED',
        startedAt: new Date(Date.now() - 7_800_000),
        finishedAt: new Date(Date.now() - 7_200_000),
      },
    });
    const mean = await meanRunMsSince(h.db.prisma, new Date(Date.now() - RUN_TIME_WINDOW_MS));
    expect(mean).toBeGreaterThanOrEqual(30_000);
    expect(mean).toBeLessThan(31_000);
    // her next run is her second unfinished one: rank 2 too, after her earlier one
    const ana3 = await submit(ana.token, 'Ana 3');
    expect(ana3.queuePosition).toBe(3);
    const shown = (await api().get('/api/experiments').set(as(ana.token)).expect(200))
      .body as TExperimentSummary[];
    expect(Object.fromEntries(shown.map((run) => [run.name, run.queuePosition]))).toEqual({
      'Ana 1': null,
      'Ana 2': 2,
      'Ana 3': 3,
    });
    const detail = await api().get(`/api/experiments/${ben1.id}`).set(as(ben.token)).expect(200);
    expect(detail.body.queuePosition).toBe(1);
    expect(
      await Promise.all([ben1, ana2, ana3].map(async (run) => (await queue.getJob(run.id))?.opts.priority)),
    ).toEqual([1, 2, 2]);

    // the queue lost Ana's third job: the worker's reconciler adds it back with the same priority
    await queue.remove(ana3.id);
    const redis = new IORedis(REDIS_URL);
    try {
      const report = await reconcileRuns({
        repository: new ExperimentRepository(h.db.prisma),
        queue,
        publisher: new RealtimePublisher(redis, () => undefined),
        logger: createLogger('silent'),
      });
      expect(report).toEqual({ requeued: [ana3.id], failed: [] });
    } finally {
      redis.disconnect();
    }
    const readded = await queue.getJob(ana3.id);
    expect(readded?.opts.priority).toBe(2);
    // and with the time limit her quota gave the run when she submitted it
    const stored = await h.db.prisma.experiment.findUniqueOrThrow({ where: { id: ana3.id } });
    expect(stored.timeLimitS).toBeGreaterThan(0);
    expect(readded?.data.timeLimitS).toBe(stored.timeLimitS);
    expect(await drain(3)).toEqual([ben1.id, ana2.id, ana3.id]);
  });
});
