import { SEANCE_1, templateFor, textFieldIds } from '@dlclass/content';
import type { TBroadcastEvent, THand, TLessonState, TPhasesChangedEvent } from '@dlclass/contracts';
import { REFERENCE_EXPERIMENT } from '@dlclass/contracts';
import { seedDemo } from '@dlclass/db';
import {
  createAdmin,
  createClass,
  createExperiment,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import request from 'supertest';
import { type Harness, startHarness } from './harness';
import { type ClientSocket, SocketClients } from './sockets';

describe('Lesson state: phase locks, live changes, progress (real PostgreSQL and Redis)', () => {
  let h: Harness;
  let classId: string;
  let otherClassId: string;
  let teacherToken: string;
  let otherTeacherToken: string;
  let adminToken: string;
  let alice: { id: string; classId: string | null; token: string };
  let carolToken: string;
  const sockets = new SocketClients();

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const slugs = SEANCE_1.phases.flatMap((phase) => phase.activities.map((activity) => activity.slug));

  const connect = (token: string) => sockets.connect(h.url, token);

  const nextPhasesEvent = (socket: ClientSocket) =>
    new Promise<TPhasesChangedEvent>((resolve) => socket.once('lesson:phases', resolve));

  beforeAll(async () => {
    h = await startHarness('lesson');
    const teacher = await createTeacher(h.db.prisma);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    classId = (await createClass(h.db.prisma, teacher.id)).id;
    const a = await createStudent(h.db.prisma, classId, { displayName: 'Alice' });
    alice = { id: a.id, classId: a.classId, token: await issueSessionToken(h.db.prisma, a.id) };
    const otherTeacher = await createTeacher(h.db.prisma);
    otherTeacherToken = await issueSessionToken(h.db.prisma, otherTeacher.id);
    otherClassId = (await createClass(h.db.prisma, otherTeacher.id)).id;
    const carol = await createStudent(h.db.prisma, otherClassId, { displayName: 'Carol' });
    carolToken = await issueSessionToken(h.db.prisma, carol.id);
    adminToken = await issueSessionToken(h.db.prisma, (await createAdmin(h.db.prisma)).id);
  });

  afterAll(async () => {
    sockets.closeAll();
    await h?.close();
  });

  it("gives a student their class's lesson: only phase 1 open in a new class, nothing started", async () => {
    const res = await api().get('/api/lesson').set(as(alice.token)).expect(200);
    const state = res.body as TLessonState;
    expect(state).toMatchObject({ lessonId: SEANCE_1.id, classId });
    expect(state.phases).toEqual([
      { number: 1, locked: false },
      { number: 2, locked: true },
      { number: 3, locked: true },
    ]);
    expect(Object.keys(state.progress).sort()).toEqual([...slugs].sort());
    expect(new Set(Object.values(state.progress))).toEqual(new Set(['not-started']));
  });

  it('makes a teacher name one of their classes, and shows them no progress', async () => {
    const missing = await api().get('/api/lesson').set(as(teacherToken)).expect(400);
    expect(missing.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/classe/),
    });
    const own = await api().get(`/api/lesson?classId=${classId}`).set(as(teacherToken)).expect(200);
    expect(own.body).toMatchObject({ classId, progress: {} });
    await api().get(`/api/lesson?classId=${classId}`).set(as(otherTeacherToken)).expect(404);
    await api().get(`/api/lesson?classId=${classId}`).set(as(adminToken)).expect(200);
    await api().get('/api/lesson?classId=pas-un-uuid').set(as(teacherToken)).expect(400);
    await api().get('/api/lesson').expect(401);
  });

  it("lets only the class's teacher (or an admin) lock and unlock phases", async () => {
    const student = await api()
      .put(`/api/classes/${classId}/phases/2`)
      .set(as(alice.token))
      .send({ locked: false })
      .expect(403);
    expect(student.body.code).toBe('FORBIDDEN');
    await api()
      .put(`/api/classes/${classId}/phases/2`)
      .set(as(otherTeacherToken))
      .send({ locked: false })
      .expect(404);
    await api()
      .put(`/api/classes/${classId}/phases/9`)
      .set(as(teacherToken))
      .send({ locked: false })
      .expect(404);
    const invalid = await api()
      .put(`/api/classes/${classId}/phases/2`)
      .set(as(teacherToken))
      .send({ locked: 'oui' })
      .expect(400);
    expect(invalid.body.fields).toEqual([{ field: 'locked', message: expect.any(String) }]);
    expect(
      (await h.db.prisma.class.findUniqueOrThrow({ where: { id: classId } })).lockedPhases.sort(),
    ).toEqual([2, 3]);
    const admin = await api()
      .put(`/api/classes/${classId}/phases/3`)
      .set(as(adminToken))
      .send({ locked: true })
      .expect(200);
    expect(admin.body.phases).toContainEqual({ number: 3, locked: true });
  });

  it("tells the class's students and teachers live when a phase opens, and only them", async () => {
    const student = await connect(alice.token);
    const teacher = await connect(teacherToken);
    expect(await teacher.emitWithAck('class:subscribe', { classId })).toEqual({ ok: true });
    const otherStudent = await connect(carolToken);
    const otherHeard: TPhasesChangedEvent[] = [];
    otherStudent.on('lesson:phases', (event) => otherHeard.push(event));
    const studentHears = nextPhasesEvent(student);
    const teacherHears = nextPhasesEvent(teacher);

    const res = await api()
      .put(`/api/classes/${classId}/phases/2`)
      .set(as(teacherToken))
      .send({ locked: false })
      .expect(200);
    const expected = {
      classId,
      phases: [
        { number: 1, locked: false },
        { number: 2, locked: false },
        { number: 3, locked: true },
      ],
    };
    expect(res.body).toMatchObject(expected);
    expect(await studentHears).toEqual(expected);
    expect(await teacherHears).toEqual(expected);

    // The other class's own change reaches its student, and is the first thing it hears: the first
    // class's event never did.
    const otherHears = nextPhasesEvent(otherStudent);
    await api()
      .put(`/api/classes/${otherClassId}/phases/3`)
      .set(as(otherTeacherToken))
      .send({ locked: false })
      .expect(200);
    expect((await otherHears).classId).toBe(otherClassId);
    expect(otherHeard.map((event) => event.classId)).toEqual([otherClassId]);

    const state = await api().get('/api/lesson').set(as(alice.token)).expect(200);
    expect(state.body.phases).toEqual(expected.phases);
  });

  it('broadcasts a message and a model to the class live, keeps it for latecomers, and checks it first', async () => {
    const student = await connect(alice.token);
    const otherStudent = await connect(carolToken);
    const otherHeard: TBroadcastEvent[] = [];
    otherStudent.on('lesson:broadcast', (event) => otherHeard.push(event));
    const studentHears = new Promise<TBroadcastEvent>((resolve) => student.once('lesson:broadcast', resolve));

    // nothing to send, a model that cannot train, another teacher's class, a student: refused, nothing kept
    const empty = await api()
      .post(`/api/classes/${classId}/broadcast`)
      .set(as(teacherToken))
      .send({})
      .expect(400);
    expect(empty.body.fields).toEqual([
      { field: '(corps)', message: 'Écrivez un message ou joignez un modèle' },
    ]);
    const impossible = {
      ...REFERENCE_EXPERIMENT,
      model: { layers: [{ type: 'flatten' }, { type: 'conv2d', filters: 8, kernelSize: 3 }] },
    };
    const refused = await api()
      .post(`/api/classes/${classId}/broadcast`)
      .set(as(teacherToken))
      .send({ spec: impossible })
      .expect(400);
    expect(refused.body.code).toBe('INVALID_ARCHITECTURE');
    await api()
      .post(`/api/classes/${classId}/broadcast`)
      .set(as(otherTeacherToken))
      .send({ message: 'x' })
      .expect(404);
    await api()
      .post(`/api/classes/${classId}/broadcast`)
      .set(as(alice.token))
      .send({ message: 'x' })
      .expect(403);
    expect((await api().get('/api/lesson').set(as(alice.token)).expect(200)).body.broadcast).toBeNull();

    const sent = await api()
      .post(`/api/classes/${classId}/broadcast`)
      .set(as(teacherToken))
      .send({ message: '  Chargez ce modèle et lancez 3 époques.  ', spec: REFERENCE_EXPERIMENT })
      .expect(200);
    const expected = {
      message: 'Chargez ce modèle et lancez 3 époques.',
      spec: REFERENCE_EXPERIMENT,
      from: 'Professeur test',
      sentAt: expect.any(String),
    };
    expect(sent.body.broadcast).toEqual(expected);
    expect(await studentHears).toEqual({ classId, ...expected });
    // a student who opens the page later finds it in the lesson state
    expect((await api().get('/api/lesson').set(as(alice.token)).expect(200)).body.broadcast).toEqual(
      expected,
    );
    expect(otherHeard).toEqual([]);
  });

  it("lets a student raise their hand: their class's teachers see it live and answer it", async () => {
    const student = await connect(alice.token);
    const teacher = await connect(teacherToken);
    expect(await teacher.emitWithAck('class:subscribe', { classId })).toEqual({ ok: true });
    const otherStudent = await connect(carolToken);
    const otherHeard: THand[] = [];
    otherStudent.on('hand:changed', (hand) => otherHeard.push(hand));
    const nextHand = (socket: ClientSocket) =>
      new Promise<THand>((resolve) => socket.once('hand:changed', resolve));

    const teacherHears = nextHand(teacher);
    const raised = (await api().post('/api/hands').set(as(alice.token)).expect(200)).body as THand;
    expect(raised).toMatchObject({
      classId,
      studentId: alice.id,
      studentName: 'Alice',
      acknowledgedAt: null,
    });
    expect(await teacherHears).toEqual(raised);
    // raising again while it is up is the same hand
    expect((await api().post('/api/hands').set(as(alice.token)).expect(200)).body.id).toBe(raised.id);
    expect((await api().get('/api/hands/mine').set(as(alice.token)).expect(200)).body).toEqual({
      hand: raised,
    });

    const open = await api().get(`/api/classes/${classId}/hands`).set(as(teacherToken)).expect(200);
    expect(open.body).toEqual([raised]);
    await api().get(`/api/classes/${classId}/hands`).set(as(otherTeacherToken)).expect(404);
    await api().get(`/api/classes/${classId}/hands`).set(as(alice.token)).expect(404);
    await api().post(`/api/classes/${classId}/hands/${raised.id}/ack`).set(as(alice.token)).expect(403);
    await api().post(`/api/classes/${classId}/hands/${raised.id}/ack`).set(as(otherTeacherToken)).expect(404);
    await api().post('/api/hands').set(as(teacherToken)).expect(403);

    const studentHears = nextHand(student);
    const answered = await api()
      .post(`/api/classes/${classId}/hands/${raised.id}/ack`)
      .set(as(teacherToken))
      .expect(200);
    expect(answered.body.acknowledgedAt).toEqual(expect.any(String));
    expect((await studentHears).acknowledgedAt).toBe(answered.body.acknowledgedAt);
    expect((await api().get(`/api/classes/${classId}/hands`).set(as(teacherToken)).expect(200)).body).toEqual(
      [],
    );
    await api().post(`/api/classes/${classId}/hands/${raised.id}/ack`).set(as(teacherToken)).expect(404);

    // raised again, then lowered by the student: gone from the teacher's list
    await api().post('/api/hands').set(as(alice.token)).expect(200);
    expect((await api().post('/api/hands/mine/lower').set(as(alice.token)).expect(200)).body).toEqual({
      hand: null,
    });
    expect((await api().get(`/api/classes/${classId}/hands`).set(as(teacherToken)).expect(200)).body).toEqual(
      [],
    );
    expect(otherHeard).toEqual([]);
  });

  it("reports the student's progress from their runs, saved work and QCM attempts", async () => {
    const progress = async () =>
      ((await api().get('/api/lesson').set(as(alice.token)).expect(200)).body as TLessonState).progress;

    await createExperiment(h.db.prisma, alice, { status: 'RUNNING' });
    expect((await progress())['hello-world']).toBe('in-progress');
    const run = await createExperiment(h.db.prisma, alice);
    expect((await progress())['hello-world']).toBe('done');

    await api()
      .put('/api/deliverables/observation-sheet')
      .set(as(alice.token))
      .send({ version: 0, answers: { run: [run.id], learned: 'Une époque = un passage sur les données' } })
      .expect(200);
    expect((await progress())['fiche-observation']).toBe('in-progress');
    await api()
      .post('/api/deliverables/observation-sheet/submit')
      .set(as(alice.token))
      .send({ version: 1 })
      .expect(200);
    expect((await progress())['fiche-observation']).toBe('done');

    const demonstrations = templateFor('demonstrations');
    if (!demonstrations) throw new Error('no demonstrations template');
    const [first, ...others] = textFieldIds(demonstrations);
    await api()
      .put('/api/deliverables/demonstrations')
      .set(as(alice.token))
      .send({ version: 0, answers: { [first as string]: 'Elle complète le code' } })
      .expect(200);
    expect((await progress()).demonstrations).toBe('in-progress');
    await api()
      .put('/api/deliverables/demonstrations')
      .set(as(alice.token))
      .send({
        version: 1,
        answers: Object.fromEntries([first, ...others].map((id) => [id as string, 'Ma réponse'])),
      })
      .expect(200);
    expect((await progress()).demonstrations).toBe('done');

    const attempt = {
      userId: alice.id,
      classId,
      seed: 1,
      questionIds: [],
      optionOrder: {},
      deadline: new Date(Date.now() + 20 * 60_000),
    };
    const active = await h.db.prisma.quizAttempt.create({ data: { ...attempt, number: 1 } });
    expect((await progress()).qcm).toBe('in-progress');
    await h.db.prisma.quizAttempt.update({ where: { id: active.id }, data: { submittedAt: new Date() } });
    expect((await progress()).qcm).toBe('done');
  });

  it('opens every phase of the seeded demonstration class', async () => {
    const seeded = await seedDemo(h.db.prisma, {
      classCode: 'LESSON1',
      teacherEmail: 'lesson-demo@test.local',
    });
    const klass = await h.db.prisma.class.findUniqueOrThrow({ where: { id: seeded.class.id } });
    expect(klass.lockedPhases).toEqual([]);
  });
});
