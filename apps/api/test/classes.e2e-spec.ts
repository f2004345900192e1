import type { TApiError, TClass, TRosterStudent } from '@dlclass/contracts';
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

describe('Class management (real PostgreSQL): create, rename, archive, codes, roster, PINs', () => {
  let h: Harness;
  let teacherToken: string;
  let otherTeacherToken: string;
  let adminToken: string;
  let studentToken: string;
  let classId: string;
  let otherClassId: string;

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const join = (classCode: string, displayName: string, pin: string) =>
    api().post('/api/auth/join').send({ classCode, displayName, pin });

  beforeAll(async () => {
    h = await startHarness('classes');
    const teacher = await createTeacher(h.db.prisma, { displayName: 'Mme Durand' });
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    const other = await createTeacher(h.db.prisma);
    otherTeacherToken = await issueSessionToken(h.db.prisma, other.id);
    otherClassId = (await createClass(h.db.prisma, other.id, { name: 'Classe de M. Martin' })).id;
    adminToken = await issueSessionToken(h.db.prisma, (await createAdmin(h.db.prisma)).id);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('creates a class with a fresh, readable join code; a bad name gets 400 and writes nothing', async () => {
    const bad = await api().post('/api/classes').set(as(teacherToken)).send({ name: ' ' }).expect(400);
    expect((bad.body as TApiError).fields).toEqual([
      { field: 'name', message: 'Le nom de la classe doit contenir au moins 2 caractères' },
    ]);
    expect(await h.db.prisma.class.count()).toBe(1);

    const created = await api()
      .post('/api/classes')
      .set(as(teacherToken))
      .send({ name: '  BTS SIO 1 B ' })
      .expect(201);
    const klass = created.body as TClass;
    expect(klass).toMatchObject({
      name: 'BTS SIO 1 B',
      studentCount: 0,
      archived: false,
      teacherName: 'Mme Durand',
    });
    expect(klass.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    classId = klass.id;
    const list = (await api().get('/api/classes').set(as(teacherToken)).expect(200)).body as TClass[];
    expect(list.map((c) => c.id)).toEqual([classId]);

    const student = await join(klass.code, 'Léa Petit', '2468').expect(200);
    studentToken = student.body.token;
  });

  it('renames and archives: an archived code lets nobody join, and bringing it back reopens it', async () => {
    const renamed = await api()
      .patch(`/api/classes/${classId}`)
      .set(as(teacherToken))
      .send({ name: 'BTS SIO 1 — groupe B' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'BTS SIO 1 — groupe B', studentCount: 1 });
    await api().patch(`/api/classes/${classId}`).set(as(teacherToken)).send({}).expect(400);

    const archived = await api()
      .patch(`/api/classes/${classId}`)
      .set(as(teacherToken))
      .send({ archived: true })
      .expect(200);
    expect(archived.body.archived).toBe(true);
    const refused = await join(archived.body.code, 'Léa Petit', '2468').expect(404);
    expect(refused.body.fields).toEqual([
      {
        field: 'classCode',
        message: 'Cette classe est archivée : demandez à votre professeur le code de votre classe actuelle.',
      },
    ]);
    await api().patch(`/api/classes/${classId}`).set(as(teacherToken)).send({ archived: false }).expect(200);
    await join(archived.body.code, 'Léa Petit', '2468').expect(200);
  });

  it('regenerates the join code: the old one stops working, the students stay', async () => {
    const before = (await api().get('/api/classes').set(as(teacherToken)).expect(200)).body[0] as TClass;
    const after = (await api().post(`/api/classes/${classId}/code`).set(as(teacherToken)).expect(200))
      .body as TClass;
    expect(after.code).not.toBe(before.code);
    expect(after.studentCount).toBe(1);
    await join(before.code, 'Léa Petit', '2468').expect(404);
    await join(after.code, 'Léa Petit', '2468').expect(200);
  });

  it("lists the roster with each student's work, resets a PIN and removes a student", async () => {
    const klass = (await api().get('/api/classes').set(as(teacherToken)).expect(200)).body[0] as TClass;
    const tom = await createStudent(h.db.prisma, classId, { displayName: 'Tom Roux' });
    await createExperiment(h.db.prisma, tom);
    const roster = (await api().get(`/api/classes/${classId}/students`).set(as(teacherToken)).expect(200))
      .body as TRosterStudent[];
    expect(roster.map((s) => [s.displayName, s.runCount, s.deliverableCount])).toEqual([
      ['Léa Petit', 0, 0],
      ['Tom Roux', 1, 0],
    ]);

    const lea = roster[0]?.id as string;
    const reset = await api()
      .post(`/api/classes/${classId}/students/${lea}/pin`)
      .set(as(teacherToken))
      .expect(200);
    expect(reset.body.pin).toMatch(/^\d{6}$/);
    await join(klass.code, 'Léa Petit', '2468').expect(401);
    await join(klass.code, 'léa petit', reset.body.pin).expect(200);

    await api().delete(`/api/classes/${classId}/students/${tom.id}`).set(as(teacherToken)).expect(204);
    expect(await h.db.prisma.user.findUnique({ where: { id: tom.id } })).toBeNull();
    expect(await h.db.prisma.experiment.count({ where: { userId: tom.id } })).toBe(0);
    await api().delete(`/api/classes/${classId}/students/${tom.id}`).set(as(teacherToken)).expect(404);
    await api().post(`/api/classes/${classId}/students/not-a-uuid/pin`).set(as(teacherToken)).expect(404);
  });

  it('keeps every teacher to their own classes; students reach none of it; the admin reaches all', async () => {
    const lea = (
      (await api().get(`/api/classes/${classId}/students`).set(as(teacherToken))).body as TRosterStudent[]
    )[0]?.id as string;
    for (const [token, status] of [
      [otherTeacherToken, 404],
      [studentToken, 403],
    ] as const) {
      await api().patch(`/api/classes/${classId}`).set(as(token)).send({ name: 'Piratée' }).expect(status);
      await api().post(`/api/classes/${classId}/code`).set(as(token)).expect(status);
      await api().post(`/api/classes/${classId}/students/${lea}/pin`).set(as(token)).expect(status);
      await api().delete(`/api/classes/${classId}/students/${lea}`).set(as(token)).expect(status);
    }
    await api().get(`/api/classes/${classId}/students`).set(as(otherTeacherToken)).expect(404);
    await api().get(`/api/classes/${classId}/students`).set(as(studentToken)).expect(404);
    await api().post('/api/classes').set(as(studentToken)).send({ name: 'Ma classe' }).expect(403);
    // a student of the right class, named through another teacher's class: not found there
    await api()
      .post(`/api/classes/${otherClassId}/students/${lea}/pin`)
      .set(as(otherTeacherToken))
      .expect(404);
    expect((await h.db.prisma.class.findUniqueOrThrow({ where: { id: classId } })).name).toBe(
      'BTS SIO 1 — groupe B',
    );

    const all = (await api().get('/api/classes').set(as(adminToken)).expect(200)).body as TClass[];
    expect(all.map((c) => c.id).sort()).toEqual([classId, otherClassId].sort());
    await api()
      .patch(`/api/classes/${otherClassId}`)
      .set(as(adminToken))
      .send({ archived: true })
      .expect(200);
  });
});
