'use strict';
// Steps shared by `npm start`, `npm test` and the browser test: dependencies, Prisma client, migrations,
// demo seed, web build.
const { spawn } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { createLogger } = require('./log.cjs');
const { run } = require('./process.cjs');
const { ROOT } = require('./services.cjs');
const log = createLogger('setup');

/** `npm install` when node_modules is missing (a fresh clone). */
async function ensureDependencies() {
  if (existsSync(path.join(ROOT, 'node_modules', '.package-lock.json'))) return;
  log.info('node_modules is missing: running npm install (a few minutes the first time)…');
  const code = await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: ROOT });
  if (code !== 0) throw new Error('npm install failed');
}

/** Generates the Prisma client (offline; about 2 s). */
async function generatePrismaClient() {
  const code = await run(process.execPath, [path.join(ROOT, 'packages/db/scripts/generate.mjs'), '--quiet'], {
    cwd: ROOT,
  });
  if (code !== 0) throw new Error('prisma generate failed');
}

/** Applies pending migrations (creating the database if needed), like `prisma migrate deploy`. */
async function applyMigrations(databaseUrl) {
  const code = await run(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      '--experimental-wasm-modules',
      path.join(ROOT, 'packages/db/scripts/migrate.mjs'),
      'apply',
      databaseUrl,
    ],
    { cwd: ROOT },
  );
  if (code !== 0) throw new Error('database migration failed');
}

/** Seeds the demo accounts and class (idempotent); returns seedDemo's result (logins, class code). */
async function seedDemoData(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/seed-cli.ts'], {
      cwd: path.join(ROOT, 'packages/db'),
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error('demo seed failed'));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch {
        reject(new Error(`demo seed printed no result: ${out}`));
      }
    });
  });
}

// Tests are not part of the web build: editing one must not make the next `npm test` rebuild the app; nor is
// the typecheck's own cache, which every `tsc` run rewrites.
const NOT_BUILT = /\.(e2e-)?spec\.tsx?$|\.tsbuildinfo$/;

function newestMtime(dir, skip = new Set(['node_modules', '.turbo', 'dist', 'generated', 'e2e'])) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Build outputs: .next and the per-API-address .next-* folders.
    if (skip.has(entry.name) || entry.name.startsWith('.next') || NOT_BUILT.test(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, skip));
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const WEB_DIR = path.join(ROOT, 'apps/web');

/**
 * Builds the web app (`next build`) unless a build exists that is newer than the sources it depends on and
 * was made for the same API address (Next bakes its rewrites and NEXT_PUBLIC_* values in at build time).
 */
async function ensureWebBuild(env) {
  const stamp = {
    apiInternalUrl: env.API_INTERNAL_URL ?? '',
    publicApiUrl: env.NEXT_PUBLIC_API_URL ?? '',
    publicApiPort: env.NEXT_PUBLIC_API_PORT ?? '',
  };
  // apps/web/next.config.ts builds into NEXT_DIST_DIR (default .next).
  const distDir = path.join(WEB_DIR, env.NEXT_DIST_DIR || '.next');
  const buildId = path.join(distDir, 'BUILD_ID');
  const buildStamp = path.join(distDir, 'dlclass-build.json');
  let reason = null;
  if (!existsSync(buildId)) reason = 'no build yet';
  else {
    const builtAt = statSync(buildId).mtimeMs;
    const sources = [WEB_DIR, ...['contracts', 'ml', 'content'].map((p) => path.join(ROOT, 'packages', p))];
    if (sources.some((dir) => newestMtime(dir) > builtAt)) reason = 'sources changed since the last build';
    else {
      let previous = null;
      try {
        previous = JSON.parse(readFileSync(buildStamp, 'utf8'));
      } catch {
        previous = null;
      }
      if (JSON.stringify(previous) !== JSON.stringify(stamp)) reason = 'built for another API address';
    }
  }
  if (!reason) return false;
  log.info(`building the web app (${reason}); this takes a few minutes on a small machine…`);
  const nextBin = require.resolve('next/dist/bin/next', { paths: [WEB_DIR] });
  const code = await run(process.execPath, [nextBin, 'build'], {
    cwd: WEB_DIR,
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (code !== 0) throw new Error('next build failed');
  writeFileSync(buildStamp, `${JSON.stringify(stamp)}\n`);
  return true;
}

module.exports = { ensureDependencies, generatePrismaClient, applyMigrations, seedDemoData, ensureWebBuild };
