import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createTestDatabase, type TestDatabase } from '@dlclass/db/testing';
import IORedis from 'ioredis';
import request from 'supertest';
import { freePort, startRedis, stopRedis } from '../../../jest/redis-server';
import { sleep } from './harness';

describe('API process on SIGTERM (npm start, its own redis-server)', () => {
  let db: TestDatabase;
  let redisServer: ChildProcess;
  let redisPort: number;
  let api: ChildProcess;
  let url: string;
  let output = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    redisPort = await freePort();
    redisServer = await startRedis(redisPort);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: `${__dirname}/..`,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        API_PORT: String(port),
        LOG_LEVEL: 'info',
        WEB_ORIGINS: 'http://localhost:3000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [api.stdout, api.stderr]) stream?.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 90_000;
    for (;;) {
      const up = await request(url)
        .get('/api/health')
        .then((res) => res.status === 200)
        .catch(() => false);
      if (up) break;
      if (Date.now() > deadline || api.exitCode !== null)
        throw new Error(`the API did not start:\n${output}`);
      await sleep(200);
    }
  }, 120_000);

  afterAll(async () => {
    if (api && api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
    await stopRedis(redisServer);
    await db?.drop();
  });

  it('closes its database and Redis connections, then exits', async () => {
    const redis = new IORedis({ host: '127.0.0.1', port: redisPort });
    try {
      expect(String(await redis.client('LIST'))).toContain('name=dlclass-api ');
      const exited = once(api, 'exit');
      api.kill('SIGTERM');
      const [code, signal] = await exited;
      expect(output).toMatch(/"signal":"SIGTERM".*"msg":"Closing database and Redis connections"/);
      // Nest re-raises the signal once its shutdown hooks ran
      expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
      expect(String(await redis.client('LIST'))).not.toContain('name=dlclass-api');
    } finally {
      redis.disconnect();
    }
  });
});
