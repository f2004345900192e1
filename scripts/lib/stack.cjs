'use strict';
// Boots the platform's processes (api, worker, web) against given PostgreSQL/Redis: used by `npm start`
// and by the browser end-to-end test (on other ports).
const { existsSync } = require('node:fs');
const path = require('node:path');
const { createLogger } = require('./log.cjs');
const { isPortOpen, waitForUrl } = require('./net.cjs');
const { spawnSupervised } = require('./process.cjs');
const { lanAddresses, ROOT } = require('./services.cjs');
const { ensureWebBuild } = require('./setup.cjs');
const log = createLogger('start');

/** Origins allowed to open Socket.IO on the API: localhost, 127.0.0.1 and the LAN addresses, on webPort. */
async function webOrigins(webPort) {
  const hosts = ['localhost', '127.0.0.1', ...(await lanAddresses())];
  return hosts.map((host) => `http://${host}:${webPort}`).join(',');
}

/**
 * Starts api, worker and web (each optional) and waits until the API and the web answer.
 * Options: { apiPort=3001, webPort=3000, databaseUrl, redisUrl, env={}, api=true, worker=true, web=true,
 * build=true (next build when needed), quiet=false (hide the children's logs), timeoutMs }.
 * Returns { apiUrl, webUrl, env, processes, failed: Promise<name> (a child exited on its own), stop() }.
 * The database must already be migrated.
 */
async function startStack({
  apiPort = 3001,
  webPort = 3000,
  databaseUrl,
  redisUrl,
  env: extraEnv = {},
  api = true,
  worker = true,
  web = true,
  build = true,
  quiet = false,
  timeoutMs = 180_000,
} = {}) {
  if (!databaseUrl || !redisUrl) throw new Error('startStack needs databaseUrl and redisUrl');
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    API_PORT: String(apiPort),
    WEB_PORT: String(webPort),
    WEB_ORIGINS: await webOrigins(webPort),
    API_INTERNAL_URL: apiUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    // Next bakes the API address in at build time: a stack on another API port gets its own build folder,
    // so it neither rebuilds nor breaks the default one (apps/web/.next).
    ...(apiPort !== 3001
      ? { NEXT_PUBLIC_API_PORT: String(apiPort), NEXT_DIST_DIR: `.next-api-${apiPort}` }
      : {}),
    ...extraEnv,
  };

  const processes = [];
  let stopping = false;
  let reportFailure;
  const failed = new Promise((resolve) => {
    reportFailure = resolve;
  });
  const supervise = (proc) => {
    processes.push(proc);
    proc.exited.then(({ code, signal }) => {
      if (stopping) return;
      log.error(`${proc.name} exited unexpectedly (${signal ?? `code ${code}`})`);
      reportFailure(proc.name);
    });
    return proc;
  };
  const stop = async () => {
    stopping = true;
    // Web first (it talks to the API), then API and worker together.
    const web = processes.find((p) => p.name === 'web');
    if (web) await web.stop(10_000);
    await Promise.all(processes.filter((p) => p.name !== 'web').map((p) => p.stop(20_000)));
  };

  const entry = (app) => path.join(ROOT, 'apps', app, 'src', 'main.ts');
  const tsNode = (app) => {
    if (!existsSync(entry(app))) {
      log.warn(`apps/${app}/src/main.ts does not exist yet: ${app} not started`);
      return null;
    }
    return supervise(
      spawnSupervised(app, process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
        cwd: path.join(ROOT, 'apps', app),
        env,
        quiet,
      }),
    );
  };

  for (const [wanted, port, variable] of [
    [api, apiPort, 'API_PORT'],
    [web, webPort, 'WEB_PORT'],
  ]) {
    if (wanted && (await isPortOpen(port))) {
      throw new Error(`port ${port} is already in use (another npm start?): stop it or set ${variable}`);
    }
  }

  try {
    if (web && build) await ensureWebBuild(env);
    if (api) tsNode('api');
    if (worker) tsNode('worker');
    const waits = [];
    if (api && existsSync(entry('api'))) {
      waits.push(waitForUrl(`${apiUrl}/api/health`, { timeoutMs, ok: () => true }));
    }
    if (web) {
      const nextBin = require.resolve('next/dist/bin/next', { paths: [path.join(ROOT, 'apps/web')] });
      supervise(
        spawnSupervised('web', process.execPath, [nextBin, 'start', '-p', String(webPort)], {
          cwd: path.join(ROOT, 'apps/web'),
          env,
          quiet,
        }),
      );
      waits.push(waitForUrl(`${webUrl}/`, { timeoutMs }));
    }
    await Promise.race([
      Promise.all(waits),
      failed.then((name) => {
        throw new Error(`${name} exited during start-up`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { apiUrl, webUrl, env, processes, failed, stop };
}

/** GET /api/health as JSON (null when it does not answer). */
async function fetchHealth(apiUrl) {
  try {
    const response = await fetch(`${apiUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
    return await response.json();
  } catch {
    return null;
  }
}

module.exports = { webOrigins, startStack, fetchHealth };
