import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import request from 'supertest';
import { CuttableRelay } from '../../../jest/tcp-relay';
import { type Harness, sleep, startHarness, tinyRun } from './harness';

describe('PostgreSQL down (the API reaches it through a relay the test cuts)', () => {
  let relay: CuttableRelay;
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    const server = new URL(process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/dlclass');
    relay = new CuttableRelay({ host: server.hostname, port: Number(server.port || 5432) });
    await relay.open();
    h = await startHarness('database-down', {
      // the database errors are the point here: keep them out of the test output (TEST_LOG_LEVEL shows them)
      logLevel: 'silent',
      routeDatabase: (url) => {
        const routed = new URL(url);
        routed.host = `127.0.0.1:${relay.port}`;
        return routed.toString();
      },
    });
    const teacher = await createTeacher(h.db.prisma);
    const klass = await createClass(h.db.prisma, teacher.id);
    const student = await createStudent(h.db.prisma, klass.id);
    token = await issueSessionToken(h.db.prisma, student.id);
  });

  afterAll(async () => {
    await relay?.open().catch(() => undefined);
    await h?.close();
    await relay?.cut();
  });

  const listRuns = () => request(h.server).get('/api/experiments').set('Authorization', `Bearer ${token}`);

  it('answers normally while PostgreSQL is reachable', async () => {
    await listRuns().expect(200);
  });

  it('answers 503 DATABASE_UNAVAILABLE with a French message while it is down, reads and writes alike', async () => {
    await relay.cut();
    for (const res of [
      await listRuns(),
      await request(h.server)
        .post('/api/experiments')
        .set('Authorization', `Bearer ${token}`)
        .send(tinyRun()),
    ]) {
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(res.body.message).toMatch(/base de données est momentanément indisponible/);
    }
    const health = await request(h.server).get('/api/health');
    expect(health.body).toMatchObject({ status: 'degraded', db: 'down' });
  });

  it('recovers once PostgreSQL is back, without a restart', async () => {
    await relay.open();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = (await listRuns()).status;
      if (status !== 200) await sleep(100);
    }
    expect(status).toBe(200);
    await request(h.server)
      .post('/api/experiments')
      .set('Authorization', `Bearer ${token}`)
      .send(tinyRun())
      .expect(202);
  });
});
