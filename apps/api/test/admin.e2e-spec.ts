import { hostname } from 'node:os';
import {
  DEFAULT_QUOTA,
  type TAdminWorker,
  type TApiError,
  type TExperimentSpec,
  type TQueueStats,
  type TQuotaView,
  type TWorkerInfo,
  WORKER_HEARTBEAT_PREFIX,
  workerRegistryKey,
} from '@dlclass/contracts';
import {
  createAdmin,
  createClass,
  createExperiment,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { REDIS } from '../src/common/infra/tokens';
import { ExperimentsRepository } from '../src/modules/experiments/experiments.repository';
import { type Harness, REDIS_URL, sleep, startHarness, tinyRun } from './harness';

const METRICS_TOKEN = 'prometheus-scrape-token-0123';

/** Every admin route, with a body that would be valid (a refusal is then about the role only). */
const ADMIN_ROUTES: { method: 'get' | 'post' | 'put' | 'delete'; path: string; body?: object }[] = [
  { method: 'get', path: '/api/admin/workers' },
  { method: 'get', path: '/api/admin/queue' },
  { method: 'post', path: '/api/admin/queue/pause' },
  { method: 'post', path: '/api/admin/queue/resume' },
  { method: 'get', path: '/api/admin/runs' },
  { method: 'post', path: '/api/admin/runs/00000000-0000-4000-8000-000000000000/cancel' },
  { method: 'post', path: '/api/admin/runs/00000000-0000-4000-8000-000000000000/retry' },
  { method: 'get', path: '/api/admin/settings' },
  { method: 'put', path: '/api/admin/settings', body: { globalConcurrency: null } },
  { method: 'get', path: '/api/admin/classes' },
  { method: 'get', path: '/api/admin/quotas/class/00000000-0000-4000-8000-000000000000' },
  { method: 'put', path: '/api/admin/quotas/class/00000000-0000-4000-8000-000000000000', body: {} },
  { method: 'delete', path: '/api/admin/quotas/student/00000000-0000-4000-8000-000000000000' },
  { method: 'get', path: '/api/admin/queues' },
  { method: 'get', path: '/metrics' },
];

describe('Admin: workers, queue, runs, settings, quotas, Bull Board, metrics', () => {
  let h: Harness;
  let queue: Queue;
  let adminToken: string;
  let teacherToken: string;
  let studentToken: string;
  let classId: string;
  let student: { id: string; classId: string | null };
  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    h = await startHarness('admin', { env: { METRICS_TOKEN } });
    queue = new Queue(h.config.TRAINING_QUEUE_NAME, { connection: { url: REDIS_URL } });
    const admin = await createAdmin(h.db.prisma);
    const teacher = await createTeacher(h.db.prisma);
    const klass = await createClass(h.db.prisma, teacher.id, { seedMode: 'STUDENT' });
    classId = klass.id;
    student = await createStudent(h.db.prisma, classId, { displayName: 'Zoé' });
    adminToken = await issueSessionToken(h.db.prisma, admin.id);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    studentToken = await issueSessionToken(h.db.prisma, student.id);
  });

  afterAll(async () => {
    await queue?.close();
    await h?.close();
  });

  it('refuses every admin route to a teacher and a student (403) and to nobody (401)', async () => {
    for (const route of ADMIN_ROUTES) {
      for (const [token, status] of [
        [teacherToken, 403],
        [studentToken, 403],
        [null, 401],
      ] as const) {
        const req = api()[route.method](route.path);
        if (token) req.set(as(token));
        const res = await req.send(route.body);
        expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
          route: `${route.method} ${route.path}`,
          status,
        });
        expect(res.body.code).toBe(status === 403 ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      }
    }
  });

  it('serves Bull Board to an admin, and the metrics to an admin or the scrape token', async () => {
    const board = await api().get('/api/admin/queues').set(as(adminToken)).expect(200);
    expect(board.headers['content-type']).toMatch(/html/);
    const queues = await api().get('/api/admin/queues/api/queues').set(as(adminToken)).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual([h.config.TRAINING_QUEUE_NAME]);
    expect(queues.body.queues[0].readOnlyMode).toBe(true);

    await createExperiment(h.db.prisma, student, { status: 'SUCCEEDED' });
    const metrics = await api().get('/metrics').set(as(METRICS_TOKEN)).expect(200);
    expect(metrics.headers['content-type']).toMatch(/text\/plain/);
    expect(metrics.text).toMatch(/^dlclass_queue_jobs\{state="waiting"\} \d+$/m);
    expect(metrics.text).toMatch(/^dlclass_runs\{status="succeeded"\} 1$/m);
    // this queue's workers only (other test files' workers beat on the same Redis): none started yet
    expect(metrics.text).toMatch(/^dlclass_workers_alive 0$/m);
    expect(metrics.text).toMatch(/^dlclass_run_duration_seconds_count \d+$/m);
    expect(metrics.text).toMatch(/^dlclass_http_requests_total\{method="GET",route="\/api\/admin\/queue/m);
    await api().get('/metrics').set(as(adminToken)).expect(200);
    await api().get('/metrics').set(as('not-the-scrape-token-at-all')).expect(401);
  });

  it('validates the settings and applies the global concurrency to the queue', async () => {
    const bad = await api().put('/api/admin/settings').set(as(adminToken)).send({ globalConcurrency: 0 });
    expect(bad.status).toBe(400);
    expect((bad.body as TApiError).fields?.[0]).toEqual({
      field: 'globalConcurrency',
      message: 'La concurrence globale doit être un entier entre 1 et 256, ou vide',
    });
    await api().put('/api/admin/settings').set(as(adminToken)).send({ other: 1 }).expect(400);

    await api()
      .put('/api/admin/settings')
      .set(as(adminToken))
      .send({ globalConcurrency: 2 })
      .expect(200, { globalConcurrency: 2 });
    expect(await queue.getGlobalConcurrency()).toBe(2);
    await api().get('/api/admin/settings').set(as(adminToken)).expect(200, { globalConcurrency: 2 });
    const stats = await api().get('/api/admin/queue').set(as(adminToken)).expect(200);
    expect(stats.body.globalConcurrency).toBe(2);

    await api()
      .put('/api/admin/settings')
      .set(as(adminToken))
      .send({ globalConcurrency: null })
      .expect(200, { globalConcurrency: null });
    expect(await queue.getGlobalConcurrency()).toBeNull();
  });

  it('edits quotas: a student inherits the class override and may override it in turn', async () => {
    const initial = await api().get(`/api/admin/quotas/class/${classId}`).set(as(adminToken)).expect(200);
    expect(initial.body).toEqual({ override: null, inherited: DEFAULT_QUOTA, effective: DEFAULT_QUOTA });

    const bad = await api()
      .put(`/api/admin/quotas/class/${classId}`)
      .set(as(adminToken))
      .send({ maxEpochs: 999 });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].message).toMatch(/nombre maximal d'époques doit être un entier entre 1 et 30/);

    const set = await api()
      .put(`/api/admin/quotas/class/${classId}`)
      .set(as(adminToken))
      .send({ maxEpochs: 3, concurrentRuns: 1 })
      .expect(200);
    expect((set.body as TQuotaView).effective).toEqual({ ...DEFAULT_QUOTA, maxEpochs: 3, concurrentRuns: 1 });

    const own = await api()
      .put(`/api/admin/quotas/student/${student.id}`)
      .set(as(adminToken))
      .send({ maxEpochs: 4 })
      .expect(200);
    expect((own.body as TQuotaView).effective).toEqual({ ...DEFAULT_QUOTA, maxEpochs: 4, concurrentRuns: 1 });
    // what an empty field of the student's would give: the class's quota
    expect((own.body as TQuotaView).inherited).toEqual({ ...DEFAULT_QUOTA, maxEpochs: 3, concurrentRuns: 1 });
    await api().delete(`/api/admin/quotas/student/${student.id}`).set(as(adminToken)).expect(200);

    // a teacher is no student: no quota of their own
    const teacher = await h.db.prisma.user.findFirstOrThrow({ where: { role: 'TEACHER' } });
    await api().get(`/api/admin/quotas/student/${teacher.id}`).set(as(adminToken)).expect(404);
    await api().get('/api/admin/quotas/group/x').set(as(adminToken)).expect(400);

    const classes = await api().get('/api/admin/classes').set(as(adminToken)).expect(200);
    expect(classes.body[0].students).toEqual([{ id: student.id, displayName: 'Zoé' }]);
  });

  it('enforces the quotas at submission, networks and classical runs alike, with clear French errors', async () => {
    // class override from the previous test: 3 epochs at most, one run at a time
    const epochs = await api()
      .post('/api/experiments')
      .set(as(studentToken))
      .send(tinyRun({ epochs: 5 }));
    expect(epochs.status).toBe(400);
    expect(epochs.body).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { limit: 3 } });
    expect(epochs.body.message).toBe('5 époques demandées : le quota de votre classe est de 3 au plus.');

    // Submissions at the same moment: the count and the write are one step, so only one gets through.
    const burst = await Promise.all(
      Array.from({ length: 4 }, () => api().post('/api/experiments').set(as(studentToken)).send(tinyRun())),
    );
    expect(burst.map((res) => res.status).sort()).toEqual([202, 429, 429, 429]);
    const first = burst.find((res) => res.status === 202) ?? burst[0];
    if (!first) throw new Error('no answer');
    const job = await queue.getJob(first.body.id);
    expect(job?.data.timeLimitS).toBe(DEFAULT_QUOTA.maxRunTimeS);

    const second = await api().post('/api/experiments').set(as(studentToken)).send(tinyRun());
    expect(second.status).toBe(429);
    expect(second.body.code).toBe('TOO_MANY_RUNS_AT_ONCE');
    expect(second.body.message).toMatch(/déjà 1 runs en attente ou en cours \(maximum 1\)/);
    const classical = await api()
      .post('/api/classical-runs')
      .set(as(studentToken))
      .send({ model: { algorithm: 'knn', k: 3 }, trainSize: 200 });
    expect(classical.status).toBe(429);

    // a teacher is not bound by a class's counts
    await api().post('/api/experiments').set(as(teacherToken)).send(tinyRun()).expect(202);

    await api()
      .put(`/api/admin/quotas/student/${student.id}`)
      .set(as(adminToken))
      .send({ concurrentRuns: 10, runsPerHour: 1, maxParameters: 30_000 })
      .expect(200);
    const perHour = await api().post('/api/experiments').set(as(studentToken)).send(tinyRun());
    expect(perHour.status).toBe(429);
    expect(perHour.body.code).toBe('TOO_MANY_RUNS_PER_HOUR');

    const big = { ...tinyRun(), model: { layers: [{ type: 'dense', units: 64, activation: 'relu' }] } };
    const params = await api().post('/api/experiments').set(as(studentToken)).send(big);
    expect(params.status).toBe(400);
    expect(params.body.code).toBe('QUOTA_EXCEEDED');
    expect(params.body.message).toMatch(
      /^Le modèle a 50\s890 paramètres : le quota de votre classe est de 30\s000/,
    );
  });

  it('refuses a run whose estimated time exceeds the longest run, giving the estimate', async () => {
    // the student's override above: 60 s at most
    await api()
      .put(`/api/admin/quotas/student/${student.id}`)
      .set(as(adminToken))
      .send({ concurrentRuns: 10, runsPerHour: 100, maxRunTimeS: 60 })
      .expect(200);
    const long = {
      ...tinyRun({ epochs: 3, trainSize: 60_000 }),
      model: {
        layers: [
          { type: 'conv2d', filters: 64, kernelSize: 3, activation: 'relu' },
          { type: 'maxPooling2d', poolSize: 2 },
          { type: 'dense', units: 64, activation: 'relu' },
        ],
      },
    };
    const res = await api().post('/api/experiments').set(as(studentToken)).send(long);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('RUN_TOO_LONG');
    expect(res.body.details.limitSeconds).toBe(60);
    expect(res.body.details.estimatedSeconds).toBeGreaterThan(60);
    expect(res.body.message).toMatch(/^Ce run durerait environ \d+ min, au-delà de la limite de 1 min/);

    const short = await api().post('/api/experiments').set(as(studentToken)).send(tinyRun()).expect(202);
    expect((await queue.getJob(short.body.id))?.data.timeLimitS).toBe(60);
  });

  it('lists the runs, cancels a queued one and retries a failed one, once, as a new run of the same owner', async () => {
    const runs = await api().get('/api/admin/runs?status=queued').set(as(adminToken)).expect(200);
    expect(runs.body.length).toBeGreaterThanOrEqual(2);
    expect(runs.body.every((run: { status: string }) => run.status === 'queued')).toBe(true);
    await api().get('/api/admin/runs?status=lost').set(as(adminToken)).expect(400);

    const target = runs.body[0];
    await api().post(`/api/admin/runs/${target.id}/cancel`).set(as(adminToken)).expect(204);
    expect((await h.db.prisma.experiment.findUniqueOrThrow({ where: { id: target.id } })).status).toBe(
      'CANCELLED',
    );
    const again = await api().post(`/api/admin/runs/${target.id}/cancel`).set(as(adminToken));
    expect(again.status).toBe(409);

    const failed = await createExperiment(h.db.prisma, student, { status: 'FAILED', name: 'Raté' });
    const retried = await api().post(`/api/admin/runs/${failed.id}/retry`).set(as(adminToken)).expect(201);
    expect(retried.body.status).toBe('queued');
    const copy = await h.db.prisma.experiment.findUniqueOrThrow({ where: { id: retried.body.id } });
    expect(copy).toMatchObject({ userId: student.id, classId, name: 'Raté', status: 'QUEUED' });
    expect(copy.spec).toEqual(failed.spec);
    expect(await h.db.prisma.experiment.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: 'FAILED',
      retriedAsId: copy.id,
    });
    const listed = await api().get('/api/admin/runs?status=failed').set(as(adminToken)).expect(200);
    expect(listed.body.find((run: { id: string }) => run.id === failed.id)?.retriedAsId).toBe(copy.id);
    const twice = await api().post(`/api/admin/runs/${failed.id}/retry`).set(as(adminToken));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_RETRIED');

    // two clicks at the same moment: one retry, one 409, one new run
    const other = await createExperiment(h.db.prisma, student, { status: 'FAILED', name: 'Raté deux fois' });
    const clicks = await Promise.all(
      [1, 2].map(() => api().post(`/api/admin/runs/${other.id}/retry`).set(as(adminToken))),
    );
    expect(clicks.map((click) => click.status).sort()).toEqual([201, 409]);
    expect(await h.db.prisma.experiment.count({ where: { name: 'Raté deux fois' } })).toBe(2);
    const winner = clicks.find((click) => click.status === 201)?.body.id;
    expect((await h.db.prisma.experiment.findUniqueOrThrow({ where: { id: other.id } })).retriedAsId).toBe(
      winner,
    );
    expect(await queue.getJob(winner)).toBeDefined();

    // the transaction alone, without the service's early check: two retries at once write one run
    const repository = new ExperimentsRepository(h.db.prisma);
    const third = await createExperiment(h.db.prisma, student, { status: 'FAILED', name: 'Raté trois fois' });
    const input = {
      userId: student.id,
      classId,
      name: third.name,
      kind: third.kind,
      spec: third.spec as TExperimentSpec,
      parameterCount: third.parameterCount,
      timeLimitS: 60,
    };
    const taken = () => new Error('already retried');
    const outcomes = await Promise.allSettled(
      [1, 2].map(() => repository.create(input, undefined, { id: third.id, taken })),
    );
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await h.db.prisma.experiment.count({ where: { name: 'Raté trois fois' } })).toBe(2);

    const notFailed = await api().post(`/api/admin/runs/${copy.id}/retry`).set(as(adminToken));
    expect(notFailed.status).toBe(409);
    expect(notFailed.body.code).toBe('NOT_RETRYABLE');
    await api().post('/api/admin/runs/not-an-id/retry').set(as(adminToken)).expect(404);
  });

  it('gives the mean wait and run time of the last hour', async () => {
    const now = Date.now();
    const done = await createExperiment(h.db.prisma, student, { status: 'SUCCEEDED', durationMs: 30_000 });
    await h.db.prisma.experiment.update({
      where: { id: done.id },
      data: { createdAt: new Date(now - 50_000), startedAt: new Date(now - 40_000) },
    });
    const res = await api().get('/api/admin/queue').set(as(adminToken)).expect(200);
    const stats = res.body as TQueueStats;
    expect(stats.paused).toBe(false);
    expect(stats.lastHour).toEqual({ started: 1, finished: 2, meanWaitMs: 10_000, meanRunMs: 36_000 });
    expect(stats.counts.waiting + stats.counts.prioritized).toBeGreaterThanOrEqual(2);
  });

  it('pauses the queue (a live worker takes no job) and resumes it (the run trains)', async () => {
    // only the oldest queued run (a tiny one) is left for the worker: the others are cancelled
    const queued = await h.db.prisma.experiment.findMany({
      where: { status: 'QUEUED' },
      orderBy: { createdAt: 'asc' },
    });
    for (const run of queued.slice(1)) {
      await api().post(`/api/admin/runs/${run.id}/cancel`).set(as(adminToken)).expect(204);
    }
    const paused = await api().post('/api/admin/queue/pause').set(as(adminToken)).expect(200);
    expect(paused.body.paused).toBe(true);

    // a worker of another queue on the same Redis, and one of this queue killed without its goodbye
    const redis = h.app.get<Redis>(REDIS);
    const foreign: TWorkerInfo = {
      id: 'other-queue-worker',
      backend: 'cpu',
      device: 'CPU',
      busy: false,
      experimentId: null,
      startedAt: new Date().toISOString(),
    };
    await redis.set(`${WORKER_HEARTBEAT_PREFIX}other-queue-worker`, JSON.stringify(foreign), 'EX', 60);
    await redis.sadd(workerRegistryKey(`${h.config.TRAINING_QUEUE_NAME}-other`), 'other-queue-worker');
    await redis.sadd(workerRegistryKey(h.config.TRAINING_QUEUE_NAME), 'killed-worker');

    await h.startWorker();
    const ownId = `test-worker-${h.config.TRAINING_QUEUE_NAME}`;
    let workers: TAdminWorker[] = [];
    while (workers.length === 0) {
      workers = (await api().get('/api/admin/workers').set(as(adminToken)).expect(200)).body;
      if (workers.length === 0) await sleep(200);
    }
    // this queue's live workers only; the killed one's id left the registry
    expect(workers.map((worker) => worker.id)).toEqual([ownId]);
    expect(await redis.smembers(workerRegistryKey(h.config.TRAINING_QUEUE_NAME))).toEqual([ownId]);
    await redis.del(
      `${WORKER_HEARTBEAT_PREFIX}other-queue-worker`,
      workerRegistryKey(`${h.config.TRAINING_QUEUE_NAME}-other`),
    );
    const own = workers[0] as TAdminWorker;
    expect(own.heartbeatAgeS).toBeLessThanOrEqual(15);
    expect(own.host).toBe(hostname());
    // the faster backends it could not load, and why (TensorFlow's packages need internet to install)
    expect(own.unavailable.map((u) => u.backend)).toEqual(['tensorflow-gpu', 'tensorflow']);
    // no GPU backend here: no GPU figures
    expect(own.gpu).toBeNull();
    expect(own.running).toEqual([]);

    // the worker is up and polling: a paused queue keeps the run waiting
    await sleep(1_500);
    const run = queued[0];
    if (!run) throw new Error('no queued run');
    expect((await h.db.prisma.experiment.findUniqueOrThrow({ where: { id: run.id } })).status).toBe('QUEUED');
    const stats = (await api().get('/api/admin/queue').set(as(adminToken)).expect(200)).body as TQueueStats;
    expect(stats.counts.active).toBe(0);

    await api().post('/api/admin/queue/resume').set(as(adminToken)).expect(200);
    let status = 'QUEUED';
    while (status === 'QUEUED' || status === 'RUNNING') {
      await sleep(200);
      status = (await h.db.prisma.experiment.findUniqueOrThrow({ where: { id: run.id } })).status;
    }
    expect(status).toBe('SUCCEEDED');
  });
});
