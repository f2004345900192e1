import type { ChildProcess } from 'node:child_process';
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import IORedis from 'ioredis';
import request from 'supertest';
import { freePort, startRedis, stopRedis } from '../../../jest/redis-server';
import { type Harness, sleep, startHarness, tinyRun } from './harness';

/** Waits until the API's named connections are back (ioredis retries with a back-off of up to 2 s). */
async function waitForClients(port: number, names: string[]): Promise<void> {
  const admin = new IORedis({ host: '127.0.0.1', port, lazyConnect: true });
  try {
    await admin.connect();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const list = String(await admin.client('LIST'));
      if (names.every((name) => list.includes(`name=${name} `))) return;
      await sleep(100);
    }
    throw new Error(`The API did not reconnect to Redis (${names.join(', ')})`);
  } finally {
    admin.disconnect();
  }
}

describe('Submitting while Redis is down (a dedicated redis-server, stopped by the test)', () => {
  let port: number;
  let redis: ChildProcess;
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    // Redis errors are the point here: keep them out of the test output (TEST_LOG_LEVEL shows them).
    h = await startHarness('queue-down', { redisUrl: `redis://127.0.0.1:${port}`, logLevel: 'silent' });
    const teacher = await createTeacher(h.db.prisma);
    const klass = await createClass(h.db.prisma, teacher.id, { seedMode: 'STUDENT' });
    const student = await createStudent(h.db.prisma, klass.id);
    token = await issueSessionToken(h.db.prisma, student.id);
  });

  afterAll(async () => {
    // Redis back first, and the API reconnected, so that everything closes cleanly.
    if (redis && (redis.exitCode !== null || redis.signalCode !== null)) {
      redis = await startRedis(port);
      await waitForClients(port, [
        'dlclass-api',
        'dlclass-api-io-pub',
        'dlclass-api-io-sub',
        'dlclass-api-queue',
      ]);
    }
    await h?.close();
    if (redis) await stopRedis(redis);
  });

  it('queues normally while Redis is up', async () => {
    await request(h.server)
      .post('/api/experiments')
      .set('Authorization', `Bearer ${token}`)
      .send(tinyRun())
      .expect(202);
  });

  it('answers 503 QUEUE_UNAVAILABLE at once, and the run is FAILED with a readable reason', async () => {
    await stopRedis(redis);
    const started = Date.now();
    const res = await request(h.server)
      .post('/api/experiments')
      .set('Authorization', `Bearer ${token}`)
      .send(tinyRun())
      .timeout(15_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ statusCode: 503, code: 'QUEUE_UNAVAILABLE' });
    expect(res.body.message).toMatch(/file d'attente.*indisponible/);

    const rows = await h.db.prisma.experiment.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => row.status)).toEqual(['QUEUED', 'FAILED']);
    expect(rows[1]?.error).toMatch(/indisponible.*Soumettez-la à nouveau/);
    expect(rows[1]?.finishedAt).toBeInstanceOf(Date);

    const run = await request(h.server)
      .get(`/api/experiments/${rows[1]?.id}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(run.body).toMatchObject({ status: 'failed', queuePosition: null });
  });

  it('answers a cancel with 503 QUEUE_UNAVAILABLE too, quickly', async () => {
    const queued = await h.db.prisma.experiment.findFirstOrThrow({ where: { status: 'QUEUED' } });
    const started = Date.now();
    const res = await request(h.server)
      .post(`/api/experiments/${queued.id}/cancel`)
      .set('Authorization', `Bearer ${token}`)
      .timeout(15_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('QUEUE_UNAVAILABLE');
  });

  it('accepts runs again once Redis is back (restarted empty), without restarting the API', async () => {
    redis = await startRedis(port);
    await waitForClients(port, ['dlclass-api', 'dlclass-api-queue']);
    await request(h.server)
      .post('/api/experiments')
      .set('Authorization', `Bearer ${token}`)
      .send(tinyRun())
      .expect(202);
  });
});
