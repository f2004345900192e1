// The orchestration behind `npm start` (scripts/lib): boots the API and a worker on spare ports against a
// fresh test database and the test Redis, checks they answer and see each other, then stops them cleanly.
import type { THealth } from '@dlclass/contracts';
import { createTestDatabase, type TestDatabase } from '@dlclass/db/testing';

type Stack = { apiUrl: string; processes: { name: string; hasExited: boolean }[]; stop(): Promise<void> };
const { startStack, fetchHealth } = require('../lib/stack.cjs') as {
  startStack(options: Record<string, unknown>): Promise<Stack>;
  fetchHealth(apiUrl: string): Promise<THealth | null>;
};
const { freePort } = require('../lib/net.cjs') as { freePort(): Promise<number> };

describe('startStack (npm start orchestration)', () => {
  let db: TestDatabase;
  let stack: Stack | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.drop();
  });

  it('starts api and worker, which report healthy, and stops them', async () => {
    const apiPort = await freePort();
    const workerId = `stack-test-${process.pid}`;
    stack = await startStack({
      apiPort,
      webPort: await freePort(),
      databaseUrl: db.url,
      redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
      web: false,
      quiet: true,
      env: { TRAINING_QUEUE_NAME: workerId, WORKER_ID: workerId, LOG_LEVEL: 'warn' },
    });
    expect(stack.apiUrl).toBe(`http://127.0.0.1:${apiPort}`);

    let health = await fetchHealth(stack.apiUrl);
    const ours = () => health?.workers.some((w) => w.id === workerId);
    for (let i = 0; i < 60 && !ours(); i++) {
      await new Promise((r) => setTimeout(r, 500));
      health = await fetchHealth(stack.apiUrl);
    }
    expect(health).toMatchObject({ status: 'ok', db: 'ok', redis: 'ok' });
    expect(ours()).toBe(true);

    await stack.stop();
    expect(stack.processes.every((p) => p.hasExited)).toBe(true);
    stack = undefined;
    expect(await fetchHealth(`http://127.0.0.1:${apiPort}`)).toBeNull();
  });
});
