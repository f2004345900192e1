import {
  DEFAULT_CLASS_RUN_DEFAULTS,
  type TClassRunDefaults,
  type TExperiment,
  type TLessonState,
  type TRunEstimate,
  type TSubmitExperimentResponse,
} from '@dlclass/contracts';
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import request from 'supertest';
import { type Harness, sleep, startHarness, tinyRun } from './harness';

/**
 * Launch-time estimates (issue 15, item 4): before the click, how long a run would take and when it would start;
 * after it, the estimate kept beside the real times; and a class's default run size set by its teacher.
 */
describe('launch-time estimates and class run sizes (real PostgreSQL, Redis and worker)', () => {
  let h: Harness;
  let classId: string;
  let studentToken: string;
  let teacherToken: string;
  let otherTeacherToken: string;

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const estimate = async (token: string, spec: object = tinyRun()) =>
    (await api().post('/api/experiments/estimate').set(as(token)).send(spec).expect(200))
      .body as TRunEstimate;

  async function finished(id: string): Promise<TExperiment> {
    const deadline = Date.now() + 100_000;
    for (;;) {
      const run = (await api().get(`/api/experiments/${id}`).set(as(studentToken)).expect(200))
        .body as TExperiment;
      if (run.status !== 'queued' && run.status !== 'running') return run;
      if (Date.now() > deadline) throw new Error(`run ${id} still ${run.status}`);
      await sleep(300);
    }
  }

  beforeAll(async () => {
    h = await startHarness('estimates');
    const teacher = await createTeacher(h.db.prisma);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    otherTeacherToken = await issueSessionToken(h.db.prisma, (await createTeacher(h.db.prisma)).id);
    classId = (await createClass(h.db.prisma, teacher.id)).id;
    const student = await createStudent(h.db.prisma, classId);
    studentToken = await issueSessionToken(h.db.prisma, student.id);
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('POST /api/experiments/estimate', () => {
    it('needs a session', async () => {
      await api().post('/api/experiments/estimate').send(tinyRun()).expect(401);
    });

    it('checks the spec as a submission, with the fields to fix', async () => {
      const res = await api()
        .post('/api/experiments/estimate')
        .set(as(studentToken))
        .send(tinyRun({ epochs: 0 }))
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'training.epochs' })]);
      // schema-valid, but it could not be built
      const unbuildable = {
        ...tinyRun(),
        model: {
          layers: [
            { type: 'dense', units: 8 },
            { type: 'conv2d', filters: 4, kernelSize: 3 },
          ],
        },
      };
      const built = await api().post('/api/experiments/estimate').set(as(studentToken)).send(unbuildable);
      expect(built.status).toBe(400);
      expect(built.body.code).toBe('INVALID_ARCHITECTURE');
    });

    it('with no worker up: a rough duration, and no start (nothing would train it)', async () => {
      const rough = await estimate(studentToken);
      expect(rough).toMatchObject({ basis: 'prior', startInMs: null, slots: 0 });
      expect(rough.durationMs).toBeGreaterThan(0);
      // a teacher may ask too; a bigger run takes longer
      const bigger = await estimate(teacherToken, tinyRun({ epochs: 10, trainSize: 10_000 }));
      expect(bigger.durationMs).toBeGreaterThan(rough.durationMs);
    });

    it('once a worker measured a run, estimates its size from that measure, and a run keeps the estimate it got', async () => {
      await h.startWorker();
      const idle = await estimate(studentToken);
      expect(idle).toMatchObject({ basis: 'prior', startInMs: 0, sharing: null });
      expect(idle.slots).toBeGreaterThanOrEqual(1);

      const first = (await api().post('/api/experiments').set(as(studentToken)).send(tinyRun()).expect(202))
        .body as TSubmitExperimentResponse;
      const firstRun = await finished(first.id);
      expect(firstRun.status).toBe('succeeded');
      expect(firstRun.launchEstimate).toEqual({ durationMs: idle.durationMs, waitMs: 0, basis: 'prior' });

      // the same run again would get its results at once (see shared-training.e2e-spec.ts); another seed: a
      // training of its own
      expect(await estimate(studentToken)).toMatchObject({ sharing: 'reused', durationMs: 0 });
      const other = tinyRun({ seed: 8 });
      // the worker's next heartbeat (every 5 s) carries the speed it measured
      let measured = await estimate(studentToken, other);
      const deadline = Date.now() + 15_000;
      while (measured.basis !== 'measured' && Date.now() < deadline) {
        await sleep(500);
        measured = await estimate(studentToken, other);
      }
      expect(measured).toMatchObject({ basis: 'measured', startInMs: 0, sharing: null });
      expect(measured.durationMs).toBeGreaterThan(0);
      // a whole class at once: each run shares the worker's cores, none goes faster than alone
      expect(measured.fullLoadDurationMs).toBeGreaterThanOrEqual(measured.durationMs);

      const second = (await api().post('/api/experiments').set(as(studentToken)).send(other).expect(202))
        .body as TSubmitExperimentResponse;
      const secondRun = await finished(second.id);
      expect(secondRun.launchEstimate).toMatchObject({ basis: 'measured', waitMs: 0 });
      expect(secondRun.launchEstimate?.durationMs).toBeGreaterThan(0);
    });
  });

  describe('a class run size', () => {
    const mine: TClassRunDefaults = {
      hello: { epochs: 2, trainSize: 6_000 },
      challenge: { epochs: 1, trainSize: 1_000 },
    };
    const lesson = async (token: string, query = '') =>
      (await api().get(`/api/lesson${query}`).set(as(token)).expect(200)).body as TLessonState;
    const put = (token: string, body: object) =>
      api().put(`/api/classes/${classId}/run-defaults`).set(as(token)).send(body);

    it("starts from the platform's, is set by the class's teacher, and reaches its students", async () => {
      expect((await lesson(studentToken)).runDefaults).toEqual(DEFAULT_CLASS_RUN_DEFAULTS);
      const res = await put(teacherToken, mine).expect(200);
      expect((res.body as TLessonState).runDefaults).toEqual(mine);
      expect((await lesson(studentToken)).runDefaults).toEqual(mine);
      expect((await lesson(teacherToken, `?classId=${classId}`)).runDefaults).toEqual(mine);
    });

    it('stays within the limits of a run, with a message per field', async () => {
      const res = await put(teacherToken, { ...mine, challenge: { epochs: 31, trainSize: 50 } }).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'challenge.epochs',
        'challenge.trainSize',
      ]);
      expect((await lesson(studentToken)).runDefaults).toEqual(mine);
    });

    it("is the class's teacher's alone", async () => {
      expect((await put(studentToken, DEFAULT_CLASS_RUN_DEFAULTS)).status).toBe(403);
      await put(otherTeacherToken, DEFAULT_CLASS_RUN_DEFAULTS).expect(404);
      expect((await lesson(studentToken)).runDefaults).toEqual(mine);
    });
  });
});
