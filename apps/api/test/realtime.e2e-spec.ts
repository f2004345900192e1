import type { AddressInfo } from 'node:net';
import type { TAck, TExperimentProgressEvent, TExperimentStatusEvent } from '@dlclass/contracts';
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { type Harness, startHarness, tinyRun } from './harness';
import { type ClientSocket, connected, SocketClients } from './sockets';

describe('Socket.IO realtime (real Redis adapter, real worker)', () => {
  let h: Harness;
  let aliceToken: string;
  let bobToken: string;
  let teacherToken: string;
  let classId: string;
  let classCode: string;
  const sockets = new SocketClients();

  const connect = (auth: Record<string, unknown>, extraHeaders?: Record<string, string>) =>
    sockets.open(h.url, auth, extraHeaders);

  beforeAll(async () => {
    h = await startHarness('realtime');
    const teacher = await createTeacher(h.db.prisma);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    const klass = await createClass(h.db.prisma, teacher.id);
    classId = klass.id;
    classCode = klass.code;
    const alice = await createStudent(h.db.prisma, klass.id, { displayName: 'Alice' });
    const bob = await createStudent(h.db.prisma, klass.id, { displayName: 'Bob' });
    aliceToken = await issueSessionToken(h.db.prisma, alice.id);
    bobToken = await issueSessionToken(h.db.prisma, bob.id);
    await h.startWorker();
  });

  afterAll(async () => {
    sockets.closeAll();
    await h?.close();
  });

  it('refuses a handshake without a valid token', async () => {
    await expect(connected(connect({}))).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
    await expect(connected(connect({ token: 'forged' }))).rejects.toMatchObject({
      message: 'UNAUTHENTICATED',
    });
  });

  it('refuses a WebSocket handshake from an origin outside WEB_ORIGINS (CORS does not cover WebSockets)', async () => {
    const evil = connect({ token: aliceToken }, { Origin: 'http://evil.example' });
    await expect(connected(evil)).rejects.toBeInstanceOf(Error);
    expect(evil.connected).toBe(false);
    const evilCookie = connect(
      {},
      { Origin: 'http://evil.example', Cookie: `dlclass_session=${aliceToken}` },
    );
    await expect(connected(evilCookie)).rejects.toBeInstanceOf(Error);

    const allowed = connect({ token: aliceToken }, { Origin: 'http://localhost:3000' });
    await expect(connected(allowed)).resolves.toBeUndefined();
    allowed.disconnect();
  });

  it("logout disconnects that session's sockets, on every API instance, and only those", async () => {
    // a second API instance on the same database and Redis: the disconnection goes through the adapter
    const second = await createApp(h.config);
    try {
      await second.listen(0, '127.0.0.1');
      const { port } = second.getHttpServer().address() as AddressInfo;
      const login = await request(h.server)
        .post('/api/auth/join')
        .send({ classCode, displayName: 'Alice', pin: '1234' })
        .expect(200);
      const token: string = login.body.token;
      const here = connect({ token });
      const there = sockets.open(`http://127.0.0.1:${port}`, { token });
      const otherSession = connect({ token: aliceToken });
      await Promise.all([connected(here), connected(there), connected(otherSession)]);
      const closed = (socket: ClientSocket) =>
        new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
      const hereClosed = closed(here);
      const thereClosed = closed(there);

      await request(h.server).post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
      expect(await hereClosed).toBe('io server disconnect');
      expect(await thereClosed).toBe('io server disconnect');
      expect(otherSession.connected).toBe(true);
      await expect(connected(connect({ token }))).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
    } finally {
      await second.close();
    }
  });

  it('accepts the session cookie in the handshake', async () => {
    const socket = connect({}, { Cookie: `dlclass_session=${aliceToken}` });
    await expect(connected(socket)).resolves.toBeUndefined();
    socket.disconnect();
  });

  it("streams a run's progress in order to its owner and its teacher; others are refused", async () => {
    const alice = connect({ token: aliceToken });
    const bob = connect({ token: bobToken });
    const teacher = connect({ token: teacherToken });
    await Promise.all([connected(alice), connected(bob), connected(teacher)]);
    const teacherAck = await teacher.emitWithAck('class:subscribe', { classId });
    expect(teacherAck).toEqual({ ok: true });
    const bobClassAck = await bob.emitWithAck('class:subscribe', { classId });
    expect(bobClassAck).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const progress: TExperimentProgressEvent[] = [];
    const aliceStatuses: TExperimentStatusEvent[] = [];
    const teacherStatuses: TExperimentStatusEvent[] = [];
    const bobHeard: unknown[] = [];
    alice.on('experiment:progress', (event) => progress.push(event));
    alice.on('experiment:status', (event) => aliceStatuses.push(event));
    teacher.on('experiment:status', (event) => teacherStatuses.push(event));
    bob.on('experiment:status', (event) => bobHeard.push(event));
    bob.on('experiment:progress', (event) => bobHeard.push(event));
    const done = new Promise<void>((resolve) => {
      alice.on('experiment:status', (event) => {
        if (event.status === 'succeeded' || event.status === 'failed' || event.status === 'cancelled')
          resolve();
      });
    });

    const submitted = await request(h.server)
      .post('/api/experiments')
      .set('Authorization', `Bearer ${aliceToken}`)
      .send(tinyRun({ epochs: 2, trainSize: 400, batchSize: 16 }))
      .expect(202);
    const experimentId: string = submitted.body.id;
    const ack: TAck = await alice.emitWithAck('experiment:subscribe', { experimentId });
    expect(ack).toEqual({ ok: true });

    const refused: TAck = await bob.emitWithAck('experiment:subscribe', { experimentId });
    expect(refused).toEqual({ ok: false, code: 'NOT_FOUND', message: expect.any(String) });
    const malformed: TAck = await bob.emitWithAck('experiment:subscribe', { experimentId: 'nope' });
    expect(malformed).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });

    await done;
    expect(aliceStatuses.map((s) => s.status)).toEqual(['queued', 'running', 'succeeded']);
    expect(aliceStatuses.every((s) => s.experimentId === experimentId && s.kind === 'network')).toBe(true);
    expect(aliceStatuses.at(-1)?.testAccuracy).toEqual(expect.any(Number));
    // the teacher hears the lifecycle of the class's runs
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(teacherStatuses.map((s) => s.status)).toEqual(['queued', 'running', 'succeeded']);
    expect(bobHeard).toEqual([]);

    // progress: in order (seq strictly increasing), batches and then each epoch
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((p) => p.experimentId === experimentId)).toBe(true);
    const seqs = progress.map((p) => p.seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] as number);
    const epochs = progress.filter((p) => p.kind === 'epoch');
    expect(epochs.map((p) => p.epoch)).toEqual([1, 2]);
    expect(epochs.every((p) => p.kind === 'epoch' && p.epochs === 2)).toBe(true);
    expect(progress.some((p) => p.kind === 'batch')).toBe(true);

    // what streamed live is what was stored
    const stored = await request(h.server)
      .get(`/api/experiments/${experimentId}`)
      .set('Authorization', `Bearer ${aliceToken}`)
      .expect(200);
    expect(stored.body.epochs.map((e: { loss: number }) => e.loss)).toEqual(
      epochs.map((e) => (e.kind === 'epoch' ? e.loss : null)),
    );
  });
});
