/**
 * Runs once before all test files: checks that PostgreSQL and Redis are reachable (with a message saying
 * what to do when they are not) and prepares the migrated template database the test databases are cloned
 * from (packages/db/src/testing.ts).
 */
import net from 'node:net';
import { prepareTestTemplate, testServerUrl } from '../packages/db/src/testing';

const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Sends PING over a raw socket: no client library needed, and a clear yes/no. */
function pingRedis(redisUrl: string, timeoutMs = 3000): Promise<void> {
  const url = new URL(redisUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname || '127.0.0.1', port: Number(url.port) || 6379 });
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error('timeout')));
    socket.on('error', fail);
    socket.on('connect', () => {
      const password = decodeURIComponent(url.password);
      const user = decodeURIComponent(url.username);
      if (password) socket.write(`AUTH ${user ? `${user} ` : ''}${password}\r\n`);
      socket.write('PING\r\n');
    });
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('PONG')) {
        socket.end();
        resolve();
      } else if (reply.startsWith('-')) fail(new Error(reply.trim()));
    });
  });
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

export default async function globalSetup(): Promise<void> {
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const problems: string[] = [];
  try {
    await prepareTestTemplate();
  } catch (error) {
    problems.push(`PostgreSQL at ${redact(testServerUrl())}: ${(error as Error).message}`);
  }
  try {
    await pingRedis(redisUrl);
  } catch (error) {
    problems.push(`Redis at ${redact(redisUrl)}: ${(error as Error).message}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `The tests need a real PostgreSQL and Redis.\n  - ${problems.join('\n  - ')}\n` +
        'Run them with `npm test` (it starts embedded ones when none is reachable), or set DATABASE_URL / ' +
        'TEST_DATABASE_URL and REDIS_URL to running servers.',
    );
  }
}
