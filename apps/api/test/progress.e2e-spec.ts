import { SEANCE_1, templateFor, textFieldIds } from '@dlclass/content';
import type {
  TClassPresence,
  TClassProgress,
  TPresenceChangedEvent,
  TRosterChangedEvent,
  TStudentProgress,
} from '@dlclass/contracts';
import type { Prisma } from '@dlclass/db';
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

describe("The teacher's live view of a class: progress and presence (real PostgreSQL and Redis)", () => {
  let h: Harness;
  let classId: string;
  let classCode: string;
  let otherClassId: string;
  let teacherToken: string;
  let otherTeacherToken: string;
  let adminToken: string;
  const students: Record<'alice' | 'bob' | 'zoe' | 'carol', { id: string; token: string }> = {} as never;
  const sockets = new SocketClients();

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const slugs = SEANCE_1.phases.flatMap((phase) => phase.activities.map((activity) => activity.slug));

  const connect = (token: string) => sockets.connect(h.url, token);

  /** Every event of one kind a socket hears, and a wait for the next one (not yet waited for) that matches. */
  function listen<E extends 'presence:changed' | 'class:roster-changed'>(socket: ClientSocket, event: E) {
    type Payload = E extends 'presence:changed' ? TPresenceChangedEvent : TRosterChangedEvent;
    const heard: Payload[] = [];
    const unread: Payload[] = [];
    const waiters: { match: (p: Payload) => boolean; resolve: (p: Payload) => void }[] = [];
    (socket as unknown as { on(e: string, l: (p: Payload) => void): void }).on(event, (payload) => {
      heard.push(payload);
      const waiter = waiters.find((w) => w.match(payload));
      if (!waiter) return void unread.push(payload);
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(payload);
    });
    const next = (match: (p: Payload) => boolean) =>
      new Promise<Payload>((resolve) => {
        const index = unread.findIndex(match);
        if (index < 0) return void waiters.push({ match, resolve });
        resolve(unread.splice(index, 1)[0] as Payload);
      });
    return { heard, next };
  }

  async function subscribe(
    socket: ClientSocket,
    event: 'class:subscribe' | 'class:follow-roster',
    id: string,
  ) {
    const ack = await new Promise((resolve) => socket.emit(event, { classId: id }, resolve));
    expect(ack).toEqual({ ok: true });
  }

  const progress = async (token = teacherToken) =>
    (await api().get(`/api/classes/${classId}/progress`).set(as(token)).expect(200)).body as TClassProgress;
  const studentIn = (state: TClassProgress, id: string) =>
    state.students.find((student) => student.id === id) as TStudentProgress;

  beforeAll(async () => {
    h = await startHarness('progress');
    const teacher = await createTeacher(h.db.prisma);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    const klass = await createClass(h.db.prisma, teacher.id);
    classId = klass.id;
    classCode = klass.code;
    // created out of order: the list comes sorted by name, accents and case aside
    for (const [key, name] of [
      ['zoe', 'Zoé'],
      ['bob', 'bob'],
      ['alice', 'Alice'],
    ] as const) {
      const student = await createStudent(h.db.prisma, classId, { displayName: name });
      students[key] = { id: student.id, token: await issueSessionToken(h.db.prisma, student.id) };
    }
    const otherTeacher = await createTeacher(h.db.prisma);
    otherTeacherToken = await issueSessionToken(h.db.prisma, otherTeacher.id);
    otherClassId = (await createClass(h.db.prisma, otherTeacher.id)).id;
    const carol = await createStudent(h.db.prisma, otherClassId, { displayName: 'Carol' });
    students.carol = { id: carol.id, token: await issueSessionToken(h.db.prisma, carol.id) };
    adminToken = await issueSessionToken(h.db.prisma, (await createAdmin(h.db.prisma)).id);
  });

  afterAll(async () => {
    sockets.closeAll();
    await h?.close();
  });

  it('lists every student sorted by name, each activity with the status the student sees', async () => {
    const { alice, bob } = students;
    const run = await createExperiment(h.db.prisma, { id: alice.id, classId });
    await createExperiment(h.db.prisma, { id: bob.id, classId }, { status: 'RUNNING' });
    await api()
      .put('/api/deliverables/observation-sheet')
      .set(as(alice.token))
      .send({ version: 0, answers: { run: [run.id], learned: 'Une époque = un passage sur les données' } })
      .expect(200);
    await api()
      .post('/api/deliverables/observation-sheet/submit')
      .set(as(alice.token))
      .send({ version: 1 })
      .expect(200);
    await h.db.prisma.quizAttempt.create({
      data: {
        userId: alice.id,
        classId,
        number: 1,
        seed: 1,
        questionIds: [],
        optionOrder: {},
        deadline: new Date(Date.now() + 20 * 60_000),
      },
    });

    const state = await progress();
    expect(state.classId).toBe(classId);
    expect(state.students.map((s) => s.name)).toEqual(['Alice', 'bob', 'Zoé']);
    for (const student of state.students) {
      expect(Object.keys(student.activities).sort()).toEqual([...slugs].sort());
      expect(student.online).toBe(false);
    }
    // the teacher sees exactly what each student's own lesson page says
    for (const key of ['alice', 'bob', 'zoe'] as const) {
      const own = await api().get('/api/lesson').set(as(students[key].token)).expect(200);
      expect(studentIn(state, students[key].id).activities).toEqual(own.body.progress);
    }
    const a = studentIn(state, alice.id);
    expect(a.activities).toMatchObject({
      'hello-world': 'done',
      'fiche-observation': 'done',
      qcm: 'in-progress',
      synthese: 'not-started',
    });
    expect(Date.now() - Date.parse(a.lastActivityAt as string)).toBeLessThan(60_000);
    expect(studentIn(state, bob.id).activities['hello-world']).toBe('in-progress');
    const zoe = studentIn(state, students.zoe.id);
    expect(new Set(Object.values(zoe.activities))).toEqual(new Set(['not-started']));
    expect(zoe.lastActivityAt).toBeNull();
  });

  it("shows a class's progress and presence to its teacher and an admin only", async () => {
    await progress(adminToken);
    await api().get(`/api/classes/${classId}/progress`).set(as(otherTeacherToken)).expect(404);
    const student = await api()
      .get(`/api/classes/${classId}/progress`)
      .set(as(students.alice.token))
      .expect(403);
    expect(student.body.code).toBe('FORBIDDEN');
    await api().get('/api/classes/pas-un-uuid/progress').set(as(teacherToken)).expect(404);
    await api().get(`/api/classes/${classId}/progress`).expect(401);

    await api().get('/api/classes/presence').set(as(students.alice.token)).expect(403);
    const own = (await api().get('/api/classes/presence').set(as(teacherToken)).expect(200)).body;
    expect(own).toEqual([{ classId, online: [] }]);
    const all = (await api().get('/api/classes/presence').set(as(adminToken)).expect(200))
      .body as TClassPresence[];
    expect(all.map((c) => c.classId).sort()).toEqual([classId, otherClassId].sort());
  });

  it('tells the teacher live when a student comes online and when their last page closes, nobody else', async () => {
    const teacher = await connect(teacherToken);
    await subscribe(teacher, 'class:subscribe', classId);
    const heard = listen(teacher, 'presence:changed');
    const other = await connect(otherTeacherToken);
    await subscribe(other, 'class:subscribe', otherClassId);
    await subscribe(other, 'class:follow-roster', otherClassId);
    const otherHeard = listen(other, 'presence:changed');
    // a classmate's socket, and one trying to follow the class like a teacher: refused
    const bob = await connect(students.bob.token);
    const bobHeard = listen(bob, 'presence:changed');
    expect(
      await new Promise((resolve) => bob.emit('class:follow-roster', { classId }, resolve)),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    await heard.next((e) => e.studentId === students.bob.id && e.online);

    const alice = students.alice;
    const first = await connect(alice.token);
    expect(await heard.next((e) => e.studentId === alice.id)).toEqual({
      classId,
      studentId: alice.id,
      online: true,
    });
    expect(studentIn(await progress(), alice.id).online).toBe(true);
    const presence = (await api().get('/api/classes/presence').set(as(teacherToken)).expect(200))
      .body as TClassPresence[];
    expect(presence[0]?.online.sort()).toEqual([alice.id, students.bob.id].sort());

    // a second tab: closing one leaves her online
    const second = await connect(alice.token);
    await heard.next((e) => e.studentId === alice.id && e.online);
    second.disconnect();
    expect(await heard.next((e) => e.studentId === alice.id)).toMatchObject({ online: true });
    expect(studentIn(await progress(), alice.id).online).toBe(true);

    first.disconnect();
    expect(await heard.next((e) => e.studentId === alice.id)).toEqual({
      classId,
      studentId: alice.id,
      online: false,
    });
    expect(studentIn(await progress(), alice.id).online).toBe(false);
    expect(studentIn(await progress(), students.bob.id).online).toBe(true);

    // a student of another class comes and goes: only their own teacher hears it
    const carol = await connect(students.carol.token);
    expect(await otherHeard.next((e) => e.studentId === students.carol.id)).toMatchObject({
      classId: otherClassId,
      online: true,
    });
    carol.disconnect();
    await otherHeard.next((e) => e.studentId === students.carol.id && !e.online);
    expect(heard.heard.filter((e) => e.classId !== classId)).toEqual([]);
    expect(otherHeard.heard.filter((e) => e.classId !== otherClassId)).toEqual([]);
    expect(bobHeard.heard).toEqual([]);
  });

  it("tells the class's teachers when a student joins or is removed, from the class's card alone", async () => {
    const card = await connect(teacherToken);
    await subscribe(card, 'class:follow-roster', classId);
    const roster = listen(card, 'class:roster-changed');
    const presence = listen(card, 'presence:changed');
    const other = await connect(otherTeacherToken);
    const otherHeard = listen(other, 'class:roster-changed');

    const joined = await api()
      .post('/api/auth/join')
      .send({ classCode, displayName: 'Nina', pin: '4321' })
      .expect(200);
    expect(await roster.next(() => true)).toEqual({ classId });
    expect((await progress()).students.map((s) => s.name)).toEqual(['Alice', 'bob', 'Nina', 'Zoé']);

    const nina = await connect(joined.body.token);
    await presence.next((e) => e.studentId === joined.body.user.id && e.online);
    await api()
      .delete(`/api/classes/${classId}/students/${joined.body.user.id}`)
      .set(as(teacherToken))
      .expect(204);
    expect(await roster.next(() => true)).toEqual({ classId });
    // removed: their pages are signed out, so they go offline
    await presence.next((e) => e.studentId === joined.body.user.id && !e.online);
    expect(nina.connected).toBe(false);
    expect(otherHeard.heard).toEqual([]);
  });

  it('reads which fields are answered in the database: blank text, lists and tables are not answers', async () => {
    const zoe = students.zoe;
    const template = templateFor('demonstrations');
    if (!template) throw new Error('no demonstrations template');
    const fields = textFieldIds(template);
    const save = (answers: Prisma.InputJsonObject) =>
      h.db.prisma.deliverable.upsert({
        where: { userId_activity: { userId: zoe.id, activity: 'demonstrations' } },
        create: { userId: zoe.id, classId, activity: 'demonstrations', answers },
        update: { answers },
      });
    const status = async () => {
      const own = await api().get('/api/lesson').set(as(zoe.token)).expect(200);
      expect(studentIn(await progress(), zoe.id).activities).toEqual(own.body.progress);
      return own.body.progress.demonstrations;
    };
    // every character trim() removes, in a text, a table's cell; and an empty list
    const blank = '\t\n\u00a0\u2003\u2028\u3000\ufeff ';
    await save({
      ...Object.fromEntries(fields.map((id) => [id, blank])),
      table: { 'a.b': blank },
      runs: [],
    });
    expect(await status()).toBe('not-started');
    const [last, ...others] = fields;
    await save({ ...Object.fromEntries(others.map((id) => [id, 'Oui'])), [last as string]: blank });
    expect(await status()).toBe('in-progress');
    await save({ table: { 'a.b': blank, 'a.c': ' x ' } });
    expect(await status()).toBe('in-progress');
    await save({ runs: ['00000000-0000-4000-8000-000000000001'] });
    expect(await status()).toBe('in-progress');
    await save(Object.fromEntries(fields.map((id) => [id, ' Oui '])));
    expect(await status()).toBe('done');
  });
});
