import { Agent, get as httpGet, type IncomingHttpHeaders } from 'node:http';
import {
  REFERENCE_EXPERIMENT,
  SESSION_COOKIE,
  type TApiError,
  type TAuthResponse,
  type TExperiment,
  type TExperimentSummary,
} from '@dlclass/contracts';
import { hashSessionToken, SESSION_TTL_MS } from '@dlclass/db';
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { REDIS } from '../src/common/infra/tokens';
import { type Harness, REDIS_URL, sleep, startHarness, tinyRun } from './harness';

describe('API end to end (real PostgreSQL, Redis and worker)', () => {
  let h: Harness;
  let teacher: { id: string; email: string; password: string };
  let teacherToken: string;
  let klass: { id: string; code: string };
  let aliceToken: string;
  let aliceId: string;
  let bobToken: string;
  let otherTeacherToken: string;
  let other: { email: string; password: string };
  /** A class of the other teacher, for tests that add students (the first class's count is asserted). */
  let otherClass: { id: string; code: string };
  /** A1: the tiny run the worker trains at the end; A2: cancelled while queued. */
  let firstRunId: string;
  let secondRunId: string;

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  /**
   * pg warns "Calling client.query() when the client is already executing a query" (DeprecationWarning,
   * an error in pg@9) when a query reaches a connection whose queue is not empty. The same condition is
   * recorded here, on the real client, for every query this file's API (and worker) sends.
   */
  const pgQuery = Client.prototype.query;
  const queriesSeen = { total: 0, overlapping: [] as string[] };
  beforeAll(() => {
    Client.prototype.query = function (
      this: Client & { _queryQueue?: unknown[]; pipeline?: boolean },
      ...args: unknown[]
    ) {
      queriesSeen.total++;
      if ((this._queryQueue?.length ?? 0) > 0 && !this.pipeline) {
        const config = args[0] as string | { text?: string };
        queriesSeen.overlapping.push(typeof config === 'string' ? config : String(config?.text));
      }
      return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pgQuery;
  });
  afterAll(() => {
    Client.prototype.query = pgQuery;
  });

  beforeAll(async () => {
    h = await startHarness('api');
    const t = await createTeacher(h.db.prisma, { password: 'Prof-secret-1' });
    teacher = { id: t.id, email: t.email as string, password: t.password };
    teacherToken = await issueSessionToken(h.db.prisma, t.id);
    const c = await createClass(h.db.prisma, t.id, { name: 'BTS SIO 1' });
    klass = { id: c.id, code: c.code };
    const bob = await createStudent(h.db.prisma, c.id, { displayName: 'Bob' });
    bobToken = await issueSessionToken(h.db.prisma, bob.id);
    const o = await createTeacher(h.db.prisma);
    other = { email: o.email as string, password: o.password };
    otherClass = await createClass(h.db.prisma, o.id);
    otherTeacherToken = await issueSessionToken(h.db.prisma, o.id);
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('auth', () => {
    it('creates a student on first join, sets the httpOnly session cookie and returns {token, user}', async () => {
      const res = await api()
        .post('/api/auth/join')
        .send({ classCode: klass.code.toLowerCase(), displayName: 'Alice Martin', pin: '4321' })
        .expect(200);
      const body = res.body as TAuthResponse;
      expect(body.user).toMatchObject({
        role: 'student',
        displayName: 'Alice Martin',
        classId: klass.id,
        className: 'BTS SIO 1',
        email: null,
      });
      expect(body.token.length).toBeGreaterThan(30);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toContain(`${SESSION_COOKIE}=${body.token}`);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      // one session lifetime for the cookie and the stored session (the same as test tokens get)
      expect(cookie).toContain(`Max-Age=${SESSION_TTL_MS / 1000};`);
      const session = await h.db.prisma.session.findUniqueOrThrow({
        where: { tokenHash: hashSessionToken(body.token) },
      });
      expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(SESSION_TTL_MS - 60_000);
      expect(session.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(SESSION_TTL_MS);
      aliceToken = body.token;
      aliceId = body.user.id;

      const me = await api().get('/api/me').set('Cookie', `${SESSION_COOKIE}=${body.token}`).expect(200);
      expect(me.body).toMatchObject({ id: aliceId, role: 'student' });
    });

    it('logs the same student back in with the same code, name (any case) and PIN', async () => {
      const res = await api()
        .post('/api/auth/join')
        .send({ classCode: klass.code, displayName: '  alice martin ', pin: '4321' })
        .expect(200);
      expect(res.body.user.id).toBe(aliceId);
      expect(res.body.token).not.toBe(aliceToken);
      expect(await h.db.prisma.user.count({ where: { classId: klass.id, role: 'STUDENT' } })).toBe(2);
    });

    it('refuses the right name with a wrong PIN (401 INVALID_CREDENTIALS)', async () => {
      const res = await api()
        .post('/api/auth/join')
        .send({ classCode: klass.code, displayName: 'Alice Martin', pin: '0000' })
        .expect(401);
      expect(res.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('answers an unknown class code with 404 CLASS_NOT_FOUND and a bad body with 400 fields', async () => {
      const unknown = await api()
        .post('/api/auth/join')
        .send({ classCode: 'NOPE99', displayName: 'Zoé', pin: '1234' })
        .expect(404);
      expect(unknown.body.code).toBe('CLASS_NOT_FOUND');
      const bad = await api()
        .post('/api/auth/join')
        .send({ classCode: klass.code, displayName: 'Z', pin: '12' })
        .expect(400);
      expect((bad.body as TApiError).fields?.map((f) => f.field).sort()).toEqual(['displayName', 'pin']);
    });

    it('logs a teacher in with e-mail and password; a wrong password is 401', async () => {
      const res = await api()
        .post('/api/auth/login')
        .send({ email: teacher.email.toUpperCase(), password: teacher.password })
        .expect(200);
      expect(res.body.user).toMatchObject({ id: teacher.id, role: 'teacher', email: teacher.email });
      await api().get('/api/me').set(as(res.body.token)).expect(200);
      const wrong = await api()
        .post('/api/auth/login')
        .send({ email: teacher.email, password: 'nope' })
        .expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('refuses any PIN after 5 wrong ones (429 TOO_MANY_ATTEMPTS); a success before that clears the count', async () => {
      await createStudent(h.db.prisma, otherClass.id, { displayName: 'Chloé', pin: '2468' });
      const join = (pin: string) =>
        api().post('/api/auth/join').send({ classCode: otherClass.code, displayName: 'chloé', pin });
      for (let i = 0; i < 4; i++) await join('0000').expect(401);
      await join('2468').expect(200); // forgets the 4 failures
      for (let i = 0; i < 5; i++) await join('1111').expect(401);
      const locked = await join('2468').expect(429);
      expect(locked.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS' });
      expect(locked.body.message).toMatch(/Attendez 15 minutes ou demandez à votre enseignant/);
      expect(locked.headers['set-cookie']).toBeUndefined();

      const redis = h.app.get<Redis>(REDIS);
      const key = `dlclass:authfail:${otherClass.id}:chloé`;
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(800);
      expect(ttl).toBeLessThanOrEqual(900);
      // the lock is per account: another student of the class still gets in
      await api()
        .post('/api/auth/join')
        .send({ classCode: otherClass.code, displayName: 'Denis', pin: '1357' })
        .expect(200);
      // the lock ends with the window (simulated by dropping the key)
      await redis.del(key);
      await join('2468').expect(200);
    });

    it('counts a burst of parallel guesses too: at most 5 reach the PIN check', async () => {
      await createStudent(h.db.prisma, otherClass.id, { displayName: 'Emma', pin: '9753' });
      const statuses = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          api()
            .post('/api/auth/join')
            .send({ classCode: otherClass.code, displayName: 'Emma', pin: String(1000 + i) })
            .then((res) => res.status),
        ),
      );
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(7);
    });

    it('limits wrong passwords of staff the same way, per e-mail', async () => {
      const login = (password: string) =>
        api().post('/api/auth/login').send({ email: other.email, password });
      for (let i = 0; i < 5; i++) await login('wrong-password').expect(401);
      const locked = await login(other.password).expect(429);
      expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(await h.app.get<Redis>(REDIS).exists(`dlclass:authfail:${other.email}`)).toBe(1);
      await h.app.get<Redis>(REDIS).del(`dlclass:authfail:${other.email}`);
      await login(other.password).expect(200);
    });

    it('answers 401 UNAUTHENTICATED without a token or with an unknown one', async () => {
      const none = await api().get('/api/experiments').expect(401);
      expect(none.body).toMatchObject({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        message: 'Vous devez être connecté.',
      });
      await api().get('/api/me').set(as('forged-token')).expect(401);
      await api().post('/api/experiments').send(tinyRun()).expect(401);
      const expired = await issueSessionToken(h.db.prisma, teacher.id);
      await h.db.prisma.session.update({
        where: { tokenHash: hashSessionToken(expired) },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      await api().get('/api/me').set(as(expired)).expect(401);
    });

    it("GET /api/me answers the session's user, with the class name of a student and none for staff", async () => {
      const me = await api().get('/api/me').set(as(teacherToken)).expect(200);
      expect(me.body).toEqual({
        id: teacher.id,
        role: 'teacher',
        displayName: expect.any(String),
        email: teacher.email,
        classId: null,
        className: null,
      });
      const student = await api().get('/api/me').set(as(bobToken)).expect(200);
      expect(student.body).toMatchObject({
        role: 'student',
        displayName: 'Bob',
        classId: klass.id,
        className: 'BTS SIO 1',
      });
    });

    it('keeps idle connections open longer than proxies and browsers keep theirs (no reset under load)', async () => {
      const agent = new Agent({ keepAlive: true });
      try {
        const headers = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
          httpGet(`${h.url}/api/health`, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.headers));
          }).on('error', reject);
        });
        // longer than the 60 s a reverse proxy keeps its idle connections
        expect(Number(/^timeout=(\d+)$/.exec(String(headers['keep-alive']))?.[1])).toBeGreaterThan(60);
      } finally {
        agent.destroy();
      }
    });

    it('logout ends the session', async () => {
      const { body } = await api()
        .post('/api/auth/join')
        .send({ classCode: klass.code, displayName: 'Alice Martin', pin: '4321' })
        .expect(200);
      const res = await api().post('/api/auth/logout').set(as(body.token)).expect(204);
      expect(String(res.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=;`);
      await api().get('/api/me').set(as(body.token)).expect(401);
    });
  });

  it("GET /api/classes lists the teacher's classes with code and student count", async () => {
    const res = await api().get('/api/classes').set(as(teacherToken)).expect(200);
    expect(res.body).toEqual([
      {
        id: klass.id,
        name: 'BTS SIO 1',
        code: klass.code,
        studentCount: 2,
        archived: false,
        teacherName: expect.any(String),
        seedMode: 'class',
      },
    ]);
  });

  describe('submitting runs', () => {
    it('answers an invalid spec with 400 naming each faulty field, in French, and writes nothing', async () => {
      const spec = tinyRun({ epochs: 31, learningRate: 0 });
      spec.model.layers = [{ type: 'dense', units: 2000 }];
      const res = await api().post('/api/experiments').set(as(aliceToken)).send(spec).expect(400);
      const body = res.body as TApiError;
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(Object.fromEntries((body.fields ?? []).map((f) => [f.field, f.message]))).toEqual({
        'model.layers.0.units': 'Le nombre de neurones doit être au plus 1\u202f024',
        'training.epochs': "Le nombre d'époques doit être au plus 30",
        'training.learningRate': "Le taux d'apprentissage doit être strictement positif",
      });
      expect(await h.db.prisma.experiment.count()).toBe(0);
    });

    it('answers an impossible architecture with 400 INVALID_ARCHITECTURE naming the layer', async () => {
      const spec = tinyRun();
      spec.model.layers = [{ type: 'flatten' }, { type: 'conv2d', filters: 8, kernelSize: 3 }];
      const res = await api().post('/api/experiments').set(as(aliceToken)).send(spec).expect(400);
      expect(res.body.code).toBe('INVALID_ARCHITECTURE');
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['model.layers.1']);
    });

    it('answers a model above 2 million parameters with 400 MODEL_TOO_LARGE', async () => {
      const spec = tinyRun();
      spec.model.layers = [
        { type: 'dense', units: 1024 },
        { type: 'dense', units: 1024 },
        { type: 'dense', units: 1024 },
      ];
      const res = await api().post('/api/experiments').set(as(aliceToken)).send(spec).expect(400);
      expect(res.body).toMatchObject({ code: 'MODEL_TOO_LARGE', fields: [{ field: 'model.layers' }] });
      expect(await h.db.prisma.experiment.count()).toBe(0);
    });

    it('queues a valid run: 202 {id, status, queuePosition}, the row first, the job id = the row id', async () => {
      const first = await api()
        .post('/api/experiments')
        .set(as(aliceToken))
        .set('x-correlation-id', 'corr-e2e-1')
        .send(tinyRun())
        .expect(202);
      expect(first.headers['x-correlation-id']).toBe('corr-e2e-1');
      // its estimated wait depends on the workers up on this Redis: see fair-queue.e2e-spec.ts
      expect(first.body).toMatchObject({ id: expect.any(String), status: 'queued', queuePosition: 1 });
      firstRunId = first.body.id;

      const second = await api()
        .post('/api/experiments')
        .set(as(aliceToken))
        .send(REFERENCE_EXPERIMENT)
        .expect(202);
      expect(second.body).toMatchObject({ status: 'queued', queuePosition: 2 });
      secondRunId = second.body.id;

      const row = await h.db.prisma.experiment.findUniqueOrThrow({ where: { id: firstRunId } });
      expect(row).toMatchObject({
        status: 'QUEUED',
        userId: aliceId,
        classId: klass.id,
        parameterCount: 784 * 32 + 32 + 330,
      });
      const queue = new Queue(h.config.TRAINING_QUEUE_NAME, { connection: { url: REDIS_URL } });
      try {
        const job = await queue.getJob(firstRunId);
        expect(job?.name).toBe('experiment.train');
        // with the owner's longest run (the default quota: 15 min), for the worker to enforce
        expect(job?.data).toEqual({ experimentId: firstRunId, correlationId: 'corr-e2e-1', timeLimitS: 900 });
        expect(job?.opts.attempts).toBe(2);
      } finally {
        await queue.close();
      }
    });

    it('shows the run to its owner with its spec, layer summary and place in the queue', async () => {
      const res = await api().get(`/api/experiments/${secondRunId}`).set(as(aliceToken)).expect(200);
      const run = res.body as TExperiment;
      expect(run).toMatchObject({
        id: secondRunId,
        status: 'queued',
        queuePosition: 2,
        ownerName: 'Alice Martin',
        parameterCount: 121_930,
        evaluation: null,
        hasModel: false,
      });
      expect(run.layers.map((l) => l.type)).toContain('conv2d');
      const list = await api().get('/api/experiments').set(as(aliceToken)).expect(200);
      expect((list.body as TExperimentSummary[]).map((r) => r.id)).toEqual([secondRunId, firstRunId]);
    });

    it("gives student B a 404 (not 403) on A's run, its model and its cancel", async () => {
      const res = await api().get(`/api/experiments/${firstRunId}`).set(as(bobToken)).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await api().get(`/api/experiments/${firstRunId}/model`).set(as(bobToken)).expect(404);
      await api().post(`/api/experiments/${firstRunId}/cancel`).set(as(bobToken)).expect(404);
      await api().get('/api/experiments/00000000-0000-4000-8000-000000000000').set(as(bobToken)).expect(404);
      await api().get('/api/experiments/not-a-uuid').set(as(bobToken)).expect(404);
      const list = await api().get('/api/experiments').set(as(bobToken)).expect(200);
      expect(list.body).toEqual([]);
    });

    it("lets the teacher see their class's runs, and no other teacher", async () => {
      const byClass = await api()
        .get(`/api/experiments?classId=${klass.id}`)
        .set(as(teacherToken))
        .expect(200);
      expect((byClass.body as TExperimentSummary[]).map((r) => r.id).sort()).toEqual(
        [firstRunId, secondRunId].sort(),
      );
      const all = await api().get('/api/experiments').set(as(teacherToken)).expect(200);
      expect(all.body).toHaveLength(2);
      await api().get(`/api/experiments/${firstRunId}`).set(as(teacherToken)).expect(200);

      await api().get(`/api/experiments?classId=${klass.id}`).set(as(otherTeacherToken)).expect(404);
      await api().get(`/api/experiments/${firstRunId}`).set(as(otherTeacherToken)).expect(404);
      await api().get(`/api/experiments?classId=${klass.id}`).set(as(aliceToken)).expect(404);
      const bad = await api().get('/api/experiments?classId=abc').set(as(teacherToken)).expect(400);
      expect(bad.body.fields[0].field).toBe('classId');
    });

    it('cancels a queued run: removed from the queue, CANCELLED, then not cancellable again', async () => {
      const res = await api().post(`/api/experiments/${secondRunId}/cancel`).set(as(aliceToken)).expect(200);
      expect(res.body).toMatchObject({ id: secondRunId, status: 'cancelled', queuePosition: null });
      const queue = new Queue(h.config.TRAINING_QUEUE_NAME, { connection: { url: REDIS_URL } });
      try {
        expect(await queue.getJob(secondRunId)).toBeUndefined();
      } finally {
        await queue.close();
      }
      const again = await api()
        .post(`/api/experiments/${secondRunId}/cancel`)
        .set(as(aliceToken))
        .expect(409);
      expect(again.body.code).toBe('NOT_CANCELLABLE');
      const first = await api().get(`/api/experiments/${firstRunId}`).set(as(aliceToken)).expect(200);
      expect(first.body.queuePosition).toBe(1);
    });

    it('has no model before training (409 MODEL_NOT_READY), answered as JSON for weights.bin too', async () => {
      const res = await api().get(`/api/experiments/${firstRunId}/model`).set(as(aliceToken)).expect(409);
      expect(res.body.code).toBe('MODEL_NOT_READY');
      const weights = await api()
        .get(`/api/experiments/${firstRunId}/model/weights.bin`)
        .set(as(aliceToken))
        .expect(409)
        .expect('Content-Type', /application\/json/);
      expect(weights.body.code).toBe('MODEL_NOT_READY');
      const hidden = await api()
        .get(`/api/experiments/${firstRunId}/model/weights.bin`)
        .set(as(bobToken))
        .expect(404)
        .expect('Content-Type', /application\/json/);
      expect(hidden.body.code).toBe('NOT_FOUND');
    });
  });

  it('GET /api/datasets/mnist describes MNIST with labelled example images', async () => {
    const res = await api().get('/api/datasets/mnist').set(as(aliceToken)).expect(200);
    expect(res.body).toMatchObject({
      id: 'mnist',
      trainCount: 60_000,
      testCount: 10_000,
      imageSize: 28,
      classes: 10,
    });
    expect(res.body.examples).toHaveLength(24);
    expect(res.body.examples[0].pixels).toHaveLength(784);
    expect(res.body.examples[0].label).toBe(5); // the first MNIST training digit is a 5
  });

  it('GET /api/docs-json documents every route', async () => {
    const res = await api().get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths).sort();
    expect(paths).toEqual(
      [
        '/api/admin/classes',
        '/api/admin/queue',
        '/api/admin/queue/pause',
        '/api/admin/queue/resume',
        '/api/admin/quotas/{target}/{id}',
        '/api/admin/runs',
        '/api/admin/runs/{id}/cancel',
        '/api/admin/runs/{id}/retry',
        '/api/admin/settings',
        '/api/admin/workers',
        '/api/auth/join',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/classes',
        '/api/classes/{classId}',
        '/api/classes/{classId}/broadcast',
        '/api/classes/{classId}/code',
        '/api/classes/{classId}/students',
        '/api/classes/{classId}/students/{studentId}',
        '/api/classes/{classId}/students/{studentId}/pin',
        '/api/classical-runs',
        '/api/classical-runs/{id}',
        '/api/classical-runs/{id}/cancel',
        '/api/classical-runs/{id}/real-world',
        '/api/classes/{classId}/deliverables/{deliverableId}/return',
        '/api/classes/{classId}/deliverables',
        '/api/classes/{classId}/deliverables/{deliverableId}',
        '/api/classes/{classId}/deliverables/{deliverableId}/finalise',
        '/api/classes/{classId}/deliverables/{deliverableId}/grade',
        '/api/classes/{classId}/grades.csv',
        '/api/classes/{classId}/rubrics',
        '/api/classes/{classId}/rubrics/{kind}',
        '/api/classes/{classId}/students/{studentId}/report',
        '/api/classes/presence',
        '/api/classes/{classId}/progress',
        '/api/classes/{classId}/hands',
        '/api/classes/{classId}/hands/{handId}/ack',
        '/api/classes/{classId}/phases/{number}',
        '/api/classes/{classId}/quiz-bank',
        '/api/classes/{classId}/quiz-settings',
        '/api/classes/{classId}/quiz/results',
        '/api/classes/{classId}/run-defaults',
        '/api/content',
        '/api/datasets/{id}',
        '/api/deliverables/{kind}',
        '/api/deliverables/{kind}/check',
        '/api/deliverables/{kind}/submit',
        '/api/experiments',
        '/api/experiments/{id}',
        '/api/experiments/{id}/cancel',
        '/api/experiments/{id}/drawings',
        '/api/experiments/{id}/model',
        '/api/experiments/{id}/model/weights.bin',
        '/api/experiments/estimate',
        '/api/hands',
        '/api/hands/mine',
        '/api/hands/mine/lower',
        '/api/health',
        '/api/lesson',
        '/api/me',
        '/api/quiz',
        '/api/quiz/attempt',
        '/api/quiz/attempt/answers/{questionId}',
        '/api/quiz/attempt/submit',
      ].sort(),
    );
    const submit = res.body.paths['/api/experiments'].post;
    expect(submit.requestBody.content['application/json'].schema.properties.training).toBeDefined();
    expect(Object.keys(submit.responses)).toEqual(expect.arrayContaining(['202', '400', '401', '503']));
    expect(Object.keys(res.body.paths['/api/auth/join'].post.responses)).toContain('429');
    const saveDraft = res.body.paths['/api/deliverables/{kind}'].put;
    expect(saveDraft.requestBody.content['application/json'].schema.required).toEqual(['version', 'answers']);
    expect(Object.keys(saveDraft.responses)).toEqual(expect.arrayContaining(['200', '400', '409']));
  });

  describe('with a real worker', () => {
    beforeAll(async () => {
      await h.startWorker();
    });

    it('GET /api/health reports the database, Redis and the worker with its backend and why faster ones are missing (public)', async () => {
      const res = await api().get('/api/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', db: 'ok', redis: 'ok' });
      expect(res.body.workers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: `test-worker-${h.config.TRAINING_QUEUE_NAME}`,
            // npm test builds the native kernels; TensorFlow's native packages cannot install offline
            backend: 'native',
            unavailable: [
              { backend: 'tensorflow-gpu', reason: expect.any(String) },
              { backend: 'tensorflow', reason: expect.any(String) },
            ],
          }),
        ]),
      );
    });

    it('trains the queued run to the end; metrics, evaluation and the tfjs model are stored and served', async () => {
      let run: TExperiment | undefined;
      const deadline = Date.now() + 100_000;
      while (Date.now() < deadline) {
        run = (await api().get(`/api/experiments/${firstRunId}`).set(as(aliceToken)).expect(200))
          .body as TExperiment;
        if (run.status === 'succeeded' || run.status === 'failed') break;
        await sleep(500);
      }
      expect(run).toMatchObject({ status: 'succeeded', error: null, hasModel: true, queuePosition: null });
      if (!run?.evaluation) throw new Error('no evaluation');
      expect(run.backend).toEqual(expect.any(String));
      expect(run.durationMs).toBeGreaterThan(0);
      expect(run.epochs).toHaveLength(1);
      expect(run.epochs[0]).toMatchObject({
        epoch: 1,
        loss: expect.any(Number),
        valAccuracy: expect.any(Number),
      });
      const { evaluation } = run;
      expect(evaluation.testAccuracy).toBeGreaterThan(0.3); // far above chance (0.1) after 200 images
      expect(evaluation.confusionMatrix).toHaveLength(10);
      const evaluated = evaluation.confusionMatrix.flat().reduce((a, b) => a + b, 0);
      const correct = evaluation.confusionMatrix.reduce((sum, row, digit) => sum + (row[digit] ?? 0), 0);
      expect(correct / evaluated).toBeCloseTo(evaluation.testAccuracy, 5);
      expect(evaluation.perClass).toHaveLength(10);
      expect(evaluation.samples).toHaveLength(10);

      const teacherView = await api()
        .get(`/api/experiments?classId=${klass.id}`)
        .set(as(teacherToken))
        .expect(200);
      const summary = (teacherView.body as TExperimentSummary[]).find((r) => r.id === firstRunId);
      expect(summary).toMatchObject({ status: 'succeeded', testAccuracy: evaluation.testAccuracy });

      const model = await api().get(`/api/experiments/${firstRunId}/model`).set(as(aliceToken)).expect(200);
      expect(model.body).toMatchObject({
        format: 'layers-model',
        weightsManifest: [{ paths: ['model/weights.bin'] }],
      });
      const weights = await api()
        .get(`/api/experiments/${firstRunId}/model/weights.bin`)
        .set(as(aliceToken))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
        .expect('Content-Type', /application\/octet-stream/);
      const bytes = weights.body as Buffer;
      expect(bytes.byteLength).toBe(run.parameterCount * 4); // float32 weights

      // The browser's path: tf.loadLayersModel on model.json + weights.bin gives a working classifier.
      const tf = await import('@tensorflow/tfjs');
      // tfjs's pure-JS backend greets Node users with an advertisement for tfjs-node: keep the output clean.
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      const loaded = await tf.loadLayersModel(
        tf.io.fromMemory({
          modelTopology: model.body.modelTopology,
          weightSpecs: model.body.weightsManifest[0].weights,
          weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
        }),
      );
      const sample = evaluation.samples[0];
      if (!sample) throw new Error('no sample');
      const input = tf.tensor4d(
        sample.pixels.map((p) => p / 255),
        [1, 28, 28, 1],
      );
      const output = loaded.predict(input) as import('@tensorflow/tfjs').Tensor;
      const probabilities = Array.from(await output.data());
      expect(probabilities).toHaveLength(10);
      expect(probabilities.indexOf(Math.max(...probabilities))).toBe(sample.prediction);
      tf.dispose([input, output]);
      loaded.dispose();
      warn.mockRestore();
    });
  });

  it('never sends a query to a PostgreSQL connection that is still busy (pg DeprecationWarning)', () => {
    expect(queriesSeen.total).toBeGreaterThan(50);
    expect(queriesSeen.overlapping).toEqual([]);
  });
});
