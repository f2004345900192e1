import type { AddressInfo } from 'node:net';
import type {
  TBroadcastEvent,
  TClassPresence,
  TExperimentStatusEvent,
  THand,
  TPresenceChangedEvent,
} from '@dlclass/contracts';
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { type Harness, sleep, startHarness, tinyRun } from './harness';
import { type ClientSocket, SocketClients } from './sockets';

/**
 * Two API processes' worth of apps (A from the harness, B from the same configuration) on one database and
 * one Redis: what a client of one instance does reaches the clients of the other through the Socket.IO
 * Redis adapter, as behind a load balancer.
 */
describe('Two API instances behind one Redis (Socket.IO Redis adapter)', () => {
  let a: Harness;
  let b: NestExpressApplication;
  let bUrl: string;
  let classId: string;
  let teacherToken: string;
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  const sockets = new SocketClients();

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const connect = (url: string, token: string) => sockets.connect(url, token);

  /** The next event of that name the socket hears that matches. */
  function next<T>(socket: ClientSocket, event: string, match: (payload: T) => boolean = () => true) {
    const on = socket as unknown as {
      on(e: string, l: (p: T) => void): void;
      off(e: string, l: (p: T) => void): void;
    };
    return new Promise<T>((resolve) => {
      const listener = (payload: T) => {
        if (!match(payload)) return;
        on.off(event, listener);
        resolve(payload);
      };
      on.on(event, listener);
    });
  }

  beforeAll(async () => {
    a = await startHarness('two-instances');
    b = await createApp(a.config);
    await b.listen(0, '127.0.0.1');
    bUrl = `http://127.0.0.1:${(b.getHttpServer().address() as AddressInfo).port}`;
    const teacher = await createTeacher(a.db.prisma);
    teacherToken = await issueSessionToken(a.db.prisma, teacher.id);
    classId = (await createClass(a.db.prisma, teacher.id)).id;
    for (const [name, set] of [
      ['Alice', (s: typeof alice) => (alice = s)],
      ['Bob', (s: typeof bob) => (bob = s)],
    ] as const) {
      const student = await createStudent(a.db.prisma, classId, { displayName: name });
      set({ id: student.id, token: await issueSessionToken(a.db.prisma, student.id) });
    }
  });

  afterAll(async () => {
    sockets.closeAll();
    await b?.close();
    await a?.close();
  });

  it("a teacher on A hears a hand raised through B, and the student on B hears the teacher's answer given on A", async () => {
    const teacher = await connect(a.url, teacherToken);
    expect(await teacher.emitWithAck('class:subscribe', { classId })).toEqual({ ok: true });
    const student = await connect(bUrl, alice.token);

    const teacherHears = next<THand>(teacher, 'hand:changed');
    const raised = (await request(b.getHttpServer()).post('/api/hands').set(as(alice.token)).expect(200))
      .body as THand;
    expect(await teacherHears).toEqual(raised);

    const studentHears = next<THand>(student, 'hand:changed');
    const answered = await request(a.server)
      .post(`/api/classes/${classId}/hands/${raised.id}/ack`)
      .set(as(teacherToken))
      .expect(200);
    expect(await studentHears).toEqual(answered.body);
  });

  it("a broadcast sent through B reaches the class's students connected to A", async () => {
    const student = await connect(a.url, bob.token);
    const hears = next<TBroadcastEvent>(student, 'lesson:broadcast');
    const sent = await request(b.getHttpServer())
      .post(`/api/classes/${classId}/broadcast`)
      .set(as(teacherToken))
      .send({ message: 'Deux instances, un seul message.' })
      .expect(200);
    expect(await hears).toEqual({ classId, ...sent.body.broadcast });
  });

  it("a run submitted through B: its status reaches the teacher on A and the student's page on A", async () => {
    const teacher = await connect(a.url, teacherToken);
    expect(await teacher.emitWithAck('class:subscribe', { classId })).toEqual({ ok: true });
    const studentPage = await connect(a.url, alice.token);
    const isQueued = (event: TExperimentStatusEvent) =>
      event.userId === alice.id && event.status === 'queued';
    const teacherHears = next(teacher, 'experiment:status', isQueued);
    const pageHears = next(studentPage, 'experiment:status', isQueued);

    const submitted = await request(b.getHttpServer())
      .post('/api/experiments')
      .set(as(alice.token))
      .send(tinyRun())
      .expect(202);
    expect(await teacherHears).toMatchObject({ experimentId: submitted.body.id, status: 'queued' });
    expect(await pageHears).toMatchObject({ experimentId: submitted.body.id, status: 'queued' });
  });

  it('presence counts the sockets of every instance: a student on B is online for the teacher on A', async () => {
    const presence = async () =>
      (await request(a.server).get('/api/classes/presence').set(as(teacherToken)).expect(200))
        .body as TClassPresence[];
    // the earlier tests' pages close first: nobody online
    sockets.closeAll();
    while ((await presence())[0]?.online.length) await sleep(50);
    const teacher = await connect(a.url, teacherToken);
    expect(await teacher.emitWithAck('class:subscribe', { classId })).toEqual({ ok: true });
    const online = (event: TPresenceChangedEvent) => event.studentId === bob.id && event.online;
    const offline = (event: TPresenceChangedEvent) => event.studentId === bob.id && !event.online;

    const comesOnline = next(teacher, 'presence:changed', online);
    const onB = await connect(bUrl, bob.token);
    expect(await comesOnline).toEqual({ classId, studentId: bob.id, online: true });
    expect((await presence())[0]?.online).toEqual([bob.id]);

    // a second page of Bob's on A: closing the one on B leaves him online
    const secondPage = next(teacher, 'presence:changed', online);
    const onA = await connect(a.url, bob.token);
    await secondPage;
    const stillOnline = next(
      teacher,
      'presence:changed',
      (e: TPresenceChangedEvent) => e.studentId === bob.id,
    );
    onB.disconnect();
    expect(await stillOnline).toMatchObject({ online: true });
    expect((await presence())[0]?.online).toEqual([bob.id]);

    const goesOffline = next(teacher, 'presence:changed', offline);
    onA.disconnect();
    expect(await goesOffline).toEqual({ classId, studentId: bob.id, online: false });
    expect((await presence())[0]?.online).toEqual([]);
  });
});
