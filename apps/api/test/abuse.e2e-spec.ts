import { randomInt } from 'node:crypto';
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  DEFAULT_CLASS_RUN_DEFAULTS,
  DEFAULT_QUIZ_SETTINGS,
  QUIZ_MARKDOWN_MAX_BYTES,
  SESSION_COOKIE,
  type TClassicalSpecInput,
  type TDeliverable,
} from '@dlclass/contracts';
import {
  createAdmin,
  createClass,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import request from 'supertest';
import { type Harness, startHarness, tinyRun } from './harness';
import { SocketClients } from './sockets';

interface Student {
  id: string;
  token: string;
}

/** A client address of its own (the test's API trusts X-Forwarded-For from loopback, as behind a reverse proxy). */
const freshAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

const classicalRun: TClassicalSpecInput = {
  model: { algorithm: 'knn', k: 3 },
  features: 'zones',
  trainSize: 200,
};

describe('Abuse (real PostgreSQL and Redis): rate limits, CSRF, headers, bodies, foreign ids, rooms', () => {
  let h: Harness;
  let teacherA: string;
  let teacherB: string;
  let admin: string;
  let teacherEmail: string;
  let classA: { id: string; code: string };
  let classB: { id: string; code: string };
  let alice: Student;
  let classmate: Student;
  let bob: Student;
  /** Sends the malformed and over-assigned bodies (they count towards his run limit). */
  let mallory: Student;
  const sockets = new SocketClients();

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function student(classId: string, name: string): Promise<Student> {
    const user = await createStudent(h.db.prisma, classId, { displayName: name });
    return { id: user.id, token: await issueSessionToken(h.db.prisma, user.id) };
  }

  beforeAll(async () => {
    h = await startHarness('abuse', {
      env: {
        TRUST_PROXY: 'loopback',
        RATE_LIMIT_LOGIN_PER_IP: '3',
        RATE_LIMIT_JOIN_PER_IP: '4',
        RATE_LIMIT_JOIN_PER_CODE: '3',
        RATE_LIMIT_RUNS_PER_USER: '2',
        RATE_LIMIT_CLASSICAL_RUNS_PER_USER: '2',
      },
    });
    const ownerA = await createTeacher(h.db.prisma);
    teacherEmail = ownerA.email as string;
    teacherA = await issueSessionToken(h.db.prisma, ownerA.id);
    classA = await createClass(h.db.prisma, ownerA.id, { lockedPhases: [] });
    const ownerB = await createTeacher(h.db.prisma);
    teacherB = await issueSessionToken(h.db.prisma, ownerB.id);
    admin = await issueSessionToken(h.db.prisma, (await createAdmin(h.db.prisma)).id);
    classB = await createClass(h.db.prisma, ownerB.id, { lockedPhases: [] });
    alice = await student(classA.id, 'Alice');
    classmate = await student(classA.id, 'Camille');
    bob = await student(classB.id, 'Bob');
    mallory = await student(classA.id, 'Mallory');
  });

  afterAll(async () => {
    sockets.closeAll();
    await h?.close();
  });

  describe('rate limits (429 RATE_LIMITED with Retry-After, in French)', () => {
    function expectRateLimited(res: request.Response) {
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/réessayez/) });
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(res.body.details).toEqual({ retryAfterS: retryAfter });
    }

    it('limits logins per client address, then per account whatever the address', async () => {
      const address = freshAddress();
      const login = (email: string, from: string) =>
        api().post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password: 'mauvais' });
      for (let i = 0; i < 3; i++) await login(`nobody-${i}@test.local`, address).expect(401);
      expectRateLimited(await login('nobody-4@test.local', address));
      // Another address is not held back by that one.
      await login('nobody-5@test.local', freshAddress()).expect(401);

      // The account itself: 5 wrong passwords from 5 addresses, then refused even with the right one.
      for (let i = 0; i < 5; i++) await login(teacherEmail, freshAddress()).expect(401);
      const locked = await api()
        .post('/api/auth/login')
        .set('X-Forwarded-For', freshAddress())
        .send({ email: teacherEmail, password: 'teacher-password' })
        .expect(429);
      expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    });

    it('limits class joins per client address and per class code', async () => {
      const address = freshAddress();
      const join = (classCode: string, from: string, displayName = 'Zoé') =>
        api()
          .post('/api/auth/join')
          .set('X-Forwarded-For', from)
          .send({ classCode, displayName, pin: '1234' });
      // Guessing codes from one address: each code is new, the address is what adds up.
      for (let i = 0; i < 4; i++) await join(`NOPE${i}X`, address).expect(404);
      expectRateLimited(await join('NOPE9X', address));

      // One class code from many addresses.
      for (let i = 0; i < 3; i++) await join(classB.code, freshAddress(), `Élève ${i}`).expect(200);
      expectRateLimited(await join(classB.code.toLowerCase(), freshAddress(), 'Élève 4'));
    });

    it('limits the runs a user submits, networks and classical models apart', async () => {
      const runner = await student(classA.id, 'Rapide');
      for (let i = 0; i < 2; i++) {
        await api().post('/api/experiments').set(as(runner.token)).send(tinyRun()).expect(202);
      }
      const refused = await api().post('/api/experiments').set(as(runner.token)).send(tinyRun());
      expectRateLimited(refused);
      expect(await h.db.prisma.experiment.count({ where: { userId: runner.id } })).toBe(2);

      for (let i = 0; i < 2; i++) {
        await api().post('/api/classical-runs').set(as(runner.token)).send(classicalRun).expect(202);
      }
      expectRateLimited(await api().post('/api/classical-runs').set(as(runner.token)).send(classicalRun));
      // Someone else's budget is their own.
      const other = await student(classA.id, 'Patient');
      await api().post('/api/experiments').set(as(other.token)).send(tinyRun()).expect(202);
    });
  });

  describe('CSRF protection of cookie sessions', () => {
    const cookie = (token: string) => `${SESSION_COOKIE}=${token}`;

    it('refuses a state-changing cookie request without the CSRF header, accepts it with', async () => {
      const bare = await api().post('/api/hands').set('Cookie', cookie(classmate.token)).expect(403);
      expect(bare.body).toMatchObject({
        code: 'CSRF_REJECTED',
        message: expect.stringContaining(CSRF_HEADER),
      });
      expect(await h.db.prisma.handRaise.count({ where: { userId: classmate.id } })).toBe(0);

      await api()
        .post('/api/hands')
        .set('Cookie', cookie(classmate.token))
        .set(CSRF_HEADER, CSRF_HEADER_VALUE)
        .set('Origin', 'http://localhost:3000')
        .expect(200);
      await api().post('/api/hands/mine/lower').set('Cookie', cookie(classmate.token)).expect(403);
      // Reading needs nothing more.
      await api().get('/api/me').set('Cookie', cookie(classmate.token)).expect(200);
      // A bearer token is never sent by the browser on its own: no header needed.
      await api().post('/api/hands/mine/lower').set(as(classmate.token)).expect(200);
    });

    it('lets Bull Board, which cannot add the header, act with its Origin only', async () => {
      const action = () => api().put('/api/admin/queues/api/queues/pause').set('Cookie', cookie(admin));
      expect((await action().expect(403)).body.code).toBe('CSRF_REJECTED');
      const sameSite = await action().set('Origin', 'http://localhost:3000');
      expect(sameSite.body.code).not.toBe('CSRF_REJECTED');
      expect(sameSite.status).toBeLessThan(500);
    });

    it('refuses a state-changing request from a foreign origin, even with the header', async () => {
      const res = await api()
        .post('/api/hands')
        .set('Cookie', cookie(classmate.token))
        .set(CSRF_HEADER, CSRF_HEADER_VALUE)
        .set('Origin', 'https://evil.example')
        .expect(403);
      expect(res.body.code).toBe('CSRF_REJECTED');
      const login = await api()
        .post('/api/auth/login')
        .set('Origin', 'https://evil.example')
        .send({ email: 'x@test.local', password: 'x' })
        .expect(403);
      expect(login.body.code).toBe('CSRF_REJECTED');
    });
  });

  describe('security headers, body size, malformed JSON', () => {
    it('sends the security headers on the JSON API and on the docs', async () => {
      const res = await api().get('/api/health');
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': expect.stringContaining("default-src 'none'"),
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
      const docs = await api().get('/api/docs').expect(200);
      expect(docs.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(docs.headers['content-security-policy']).not.toContain("script-src 'unsafe-inline'");
      expect(docs.headers['x-frame-options']).toBe('DENY');
    });

    it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE, and lets the largest legitimate one through', async () => {
      const huge = await api()
        .put(`/api/classes/${classA.id}/quiz-bank`)
        .set(as(teacherA))
        .send({ markdown: 'x'.repeat(1_100_000) })
        .expect(413);
      expect(huge.body).toMatchObject({
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'Le corps de la requête est trop volumineux.',
        correlationId: expect.any(String),
      });
      // The largest quiz import, all accents and line breaks (escaped, about 2.5 times its bytes as JSON).
      const line = 'é"\n';
      const markdown = line.repeat(Math.floor(QUIZ_MARKDOWN_MAX_BYTES / 4));
      const big = await api().put(`/api/classes/${classA.id}/quiz-bank`).set(as(teacherA)).send({ markdown });
      expect(big.status).toBe(400);
      expect(big.body.code).toBe('VALIDATION_FAILED');
      expect(big.body.fields).toBeDefined();
    });

    it('answers malformed JSON with 400 VALIDATION_FAILED, never 500', async () => {
      const clumsy = await student(classA.id, 'Maladroit');
      const bodies = ['{"email":', '{', 'nul', '{"a":1,}', '\u0000'];
      for (const body of bodies) {
        for (const [method, path] of [
          ['post', '/api/auth/login'],
          ['post', '/api/experiments'],
          ['put', '/api/deliverables/observation-sheet'],
        ] as const) {
          const res = await api()
            [method](path)
            .set(as(clumsy.token))
            .set('Content-Type', 'application/json')
            .send(body);
          expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
        }
      }
      const notAnObject = await api()
        .post('/api/experiments')
        .set(as(clumsy.token))
        .set('Content-Type', 'application/json')
        .send('[1, 2]');
      expect(notAnObject.status).toBe(400);
      const wrongType = await api()
        .post('/api/experiments')
        .set(as(clumsy.token))
        .type('text')
        .send('bonjour');
      expect(wrongType.status).toBe(400);
    });
  });

  describe('mass assignment: fields the caller may not set are refused', () => {
    it.each([
      [
        'post',
        '/api/auth/join',
        () => ({ classCode: classA.code, displayName: 'Intrus', pin: '1234', role: 'teacher' }),
      ],
      ['post', '/api/classes', () => ({ name: 'Ma classe', teacherId: bob.id })],
      ['patch', '/api/classes/:classA', () => ({ name: 'Renommée', code: 'AAAA1111' })],
      ['post', '/api/experiments', () => ({ ...tinyRun(), userId: bob.id, status: 'succeeded' })],
      ['post', '/api/classical-runs', () => ({ ...classicalRun, classId: classB.id })],
      [
        'put',
        '/api/deliverables/observation-sheet',
        () => ({ version: 0, answers: {}, status: 'finalised', grade: 20 }),
      ],
      ['post', '/api/deliverables/observation-sheet/submit', () => ({ version: 0, userId: bob.id })],
    ] as const)('%s %s with extra fields → 400', async (method, path, body) => {
      const token = path.startsWith('/api/classes') ? teacherA : mallory.token;
      const res = await api()
        [method](path.replace(':classA', classA.id))
        .set('X-Forwarded-For', freshAddress())
        .set(as(token))
        .send(body());
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]),
      );
    });

    it('changed nothing on the way', async () => {
      const klass = await h.db.prisma.class.findUniqueOrThrow({ where: { id: classA.id } });
      expect(klass.code).toBe(classA.code);
      expect(await h.db.prisma.experiment.count({ where: { userId: bob.id } })).toBe(0);
      expect(await h.db.prisma.user.count({ where: { displayName: 'Intrus' } })).toBe(0);
    });
  });

  describe("another user's ids, on every documented route that takes one", () => {
    /** Route parameters that name the caller's own things (no one else's can be reached through them). */
    const CALLER_SCOPED = [
      '/api/datasets/{id}',
      '/api/deliverables/{kind}',
      '/api/deliverables/{kind}/check',
      '/api/deliverables/{kind}/submit',
      '/api/quiz/attempt/answers/{questionId}',
    ];
    const ids: Record<string, string> = {};
    /** A valid body for each route that takes one: a 400 must not hide a missing ownership check. */
    const bodies: Record<string, unknown> = {
      'PATCH /api/classes/{classId}': { name: 'Piratée' },
      'PUT /api/classes/{classId}/phases/{number}': { locked: true },
      'POST /api/classes/{classId}/broadcast': { message: 'Bonjour' },
      'PUT /api/classes/{classId}/rubrics/{kind}': {
        criteria: [{ id: 'tout', label: 'Tout', points: 10 }],
      },
      'PUT /api/classes/{classId}/deliverables/{deliverableId}/grade': {
        scores: {},
        sectionComments: {},
        comment: '',
        competences: {},
      },
      'PUT /api/classes/{classId}/quiz-settings': DEFAULT_QUIZ_SETTINGS,
      'PUT /api/classes/{classId}/run-defaults': DEFAULT_CLASS_RUN_DEFAULTS,
      'PUT /api/classes/{classId}/quiz-bank': { markdown: '# QCM\n' },
      'PUT /api/admin/quotas/{target}/{id}': { runsPerHour: 1000 },
      'POST /api/experiments/{id}/drawings': {
        pixels: new Array(784).fill(0),
        intended: 1,
        predicted: 1,
        probabilities: Array.from({ length: 10 }, (_, d) => (d === 1 ? 1 : 0)),
        consent: true,
      },
    };

    beforeAll(async () => {
      ids.classId = classA.id;
      ids.studentId = alice.id;
      ids.experimentId = (
        await api().post('/api/experiments').set(as(alice.token)).send(tinyRun()).expect(202)
      ).body.id;
      ids.classicalId = (
        await api().post('/api/classical-runs').set(as(alice.token)).send(classicalRun).expect(202)
      ).body.id;
      ids.handId = (await api().post('/api/hands').set(as(alice.token)).expect(200)).body.id;
      const draft = await api()
        .put('/api/deliverables/observation-sheet')
        .set(as(alice.token))
        .send({ version: 0, answers: { learned: 'Les époques' } })
        .expect(200);
      await api()
        .post('/api/deliverables/observation-sheet/submit')
        .set(as(alice.token))
        .send({ version: draft.body.version })
        .expect(200);
      ids.deliverableId = (
        (await api().get('/api/deliverables/observation-sheet').set(as(alice.token)).expect(200))
          .body as TDeliverable
      ).id as string;
    });

    /** The seeded value of a path parameter: `{id}` names a different thing under each prefix. */
    function paramValue(path: string, name: string): string {
      const key =
        name !== 'id'
          ? name
          : path.startsWith('/api/classical-runs')
            ? 'classicalId'
            : path.startsWith('/api/admin/quotas')
              ? 'classId'
              : 'experimentId';
      const fixed: Record<string, string> = { kind: 'observation-sheet', number: '2', target: 'class' };
      const value = fixed[key] ?? ids[key];
      if (value === undefined) throw new Error(`No seeded id for {${name}} in ${path}: seed one`);
      return value;
    }

    const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => paramValue(path, name));

    async function routes(): Promise<{ method: string; path: string; url: string; body: unknown }[]> {
      const doc = (await api().get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, { requestBody?: unknown }>>;
      };
      const withIds = Object.keys(doc.paths).filter((path) => path.includes('{'));
      expect(withIds.filter((path) => CALLER_SCOPED.includes(path)).sort()).toEqual(
        [...CALLER_SCOPED].sort(),
      );
      return withIds
        .filter((path) => !CALLER_SCOPED.includes(path))
        .flatMap((path) =>
          Object.entries(doc.paths[path] ?? {}).map(([method, operation]) => {
            const key = `${method.toUpperCase()} ${path}`;
            if (operation.requestBody && !(key in bodies))
              throw new Error(`No valid body for ${key}: add one`);
            return { method, path, url: fill(path), body: bodies[key] };
          }),
        );
    }

    it('refuses every route with 403 or 404 to a teacher of another class and to other students', async () => {
      const all = await routes();
      expect(all.length).toBeGreaterThan(30);
      // The ids are real: their owner (the teacher, or the student for the student's routes) reaches them.
      for (const route of all.filter((r) => r.method === 'get')) {
        const owner = route.path.startsWith('/api/admin')
          ? admin
          : route.path.startsWith('/api/classes')
            ? teacherA
            : alice.token;
        const { status } = await api().get(route.url).set(as(owner));
        // 409: the run's model is not trained yet (no worker here), which the route says only to its owner.
        expect(`${route.url}: ${status}`).toMatch(/: (200|409)$/);
      }
      const callers = {
        'teacher of class B': teacherB,
        'student of class B': bob.token,
        classmate: classmate.token,
      };
      const answers: string[] = [];
      for (const route of all) {
        for (const [who, token] of Object.entries(callers)) {
          const call = (api() as unknown as Record<string, (url: string) => request.Test>)[route.method]?.(
            route.url,
          );
          if (!call) throw new Error(`Unknown method ${route.method}`);
          const res = await call.set(as(token)).send(route.body as object);
          answers.push(`${route.method.toUpperCase()} ${route.path} as ${who}: ${res.status}`);
        }
      }
      expect(answers.filter((answer) => !/: (403|404)$/.test(answer))).toEqual([]);
      // Nothing was changed on the way.
      expect(await h.db.prisma.user.count({ where: { id: alice.id } })).toBe(1);
      expect((await h.db.prisma.class.findUniqueOrThrow({ where: { id: classA.id } })).name).not.toBe(
        'Piratée',
      );
    });
  });

  describe('Socket.IO rooms of others', () => {
    const connect = (token: string) => sockets.connect(h.url, token);

    it("refuses joining another class's rooms or another student's run", async () => {
      const run = await h.db.prisma.experiment.findFirstOrThrow({ where: { userId: alice.id } });
      const other = await connect(teacherB);
      const outsider = await connect(bob.token);
      const mate = await connect(classmate.token);
      const refused = { ok: false, code: 'NOT_FOUND', message: expect.any(String) };
      for (const socket of [other, outsider, mate]) {
        expect(await socket.emitWithAck('class:subscribe', { classId: classA.id })).toEqual(refused);
        expect(await socket.emitWithAck('class:follow-roster', { classId: classA.id })).toEqual(refused);
        expect(await socket.emitWithAck('experiment:subscribe', { experimentId: run.id })).toEqual(refused);
      }
      const owner = await connect(teacherA);
      expect(await owner.emitWithAck('class:subscribe', { classId: classA.id })).toEqual({ ok: true });
    });
  });
});
