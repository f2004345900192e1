#!/usr/bin/env node
// `npm test`: everything CI checks, against real PostgreSQL and Redis.
//   dependencies → Prisma client → PostgreSQL + Redis (DATABASE_URL / REDIS_URL, else the machine's own on
//   the standard ports, else embedded ones exactly like npm start) → biome → typecheck → jest unit → jest e2e.
// Every step runs even when an earlier one failed; the summary says which failed; exit code 1 if any.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bold, createLogger } from './lib/log.cjs';
import { ensureNativeKernels } from './lib/native.cjs';
import { onShutdownSignal, run } from './lib/process.cjs';
import { ensureDebianPackage, ensureServices, findOnPath, ROOT } from './lib/services.cjs';
import { ensureDependencies, generatePrismaClient } from './lib/setup.cjs';

const log = createLogger('test');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const results = [];
let services = null;

onShutdownSignal(async (signal) => {
  log.info(`${signal}: stopping…`);
  await services?.stop();
  process.exit(130);
});

async function step(name, fn) {
  const started = Date.now();
  log.info(bold(`▶ ${name}`));
  let outcome;
  try {
    outcome = await fn();
  } catch (error) {
    log.error(error?.message ?? error);
    outcome = { ok: false };
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push({
    name,
    ok: outcome.ok,
    detail: outcome.detail ?? '',
    seconds,
    passed: outcome.passed ?? 0,
    failed: outcome.failed ?? 0,
  });
  log.info(`${outcome.ok ? '✔' : '✘'} ${name} (${seconds} s)`);
  return outcome.ok;
}

async function jest(project, env, extraArgs) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dlclass-jest-'));
  const outputFile = path.join(dir, 'results.json');
  const code = await run(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/jest/bin/jest.js'),
      '--selectProjects',
      project,
      '--json',
      '--outputFile',
      outputFile,
      ...extraArgs,
      ...process.argv.slice(2),
    ],
    { cwd: ROOT, env },
  );
  let detail = 'no results';
  let passed = 0;
  let failed = 0;
  try {
    const r = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed = r.numPassedTests;
    failed = r.numFailedTests;
    detail = `${passed}/${r.numTotalTests} tests passed in ${r.numTotalTestSuites} files`;
    if (failed) detail += `, ${failed} failed`;
  } catch {
    failed = 1;
  }
  rmSync(dir, { recursive: true, force: true });
  return { ok: code === 0 && passed > 0, detail, passed, failed };
}

async function main() {
  const started = Date.now();
  await ensureDependencies();
  await generatePrismaClient();
  // the native kernels' tests fail, saying why, when they could not be built
  await ensureNativeKernels('test');
  // What the tests need from Debian: Chromium for the browser tests, Fashion-MNIST for the second data set.
  const chromium = await ensureDebianPackage(
    'chromium',
    () => process.env.CHROMIUM_PATH || findOnPath('chromium') || findOnPath('chromium-browser'),
    'or set CHROMIUM_PATH.',
  );
  await ensureDebianPackage(
    'dataset-fashion-mnist',
    () => {
      const dir = process.env.FASHION_MNIST_DIR || '/usr/share/datasets/fashion-mnist';
      return existsSync(path.join(dir, 'train-images-idx3-ubyte.gz')) ? dir : null;
    },
    'or set FASHION_MNIST_DIR to a folder with its IDX files.',
  );
  services = await ensureServices({ preferLocal: true });
  log.info(`PostgreSQL: ${services.databaseUrl.replace(/:[^:@/]+@/, ':***@')}   Redis: ${services.redisUrl}`);
  const env = {
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    CHROMIUM_PATH: chromium,
    TURBO_TELEMETRY_DISABLED: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: process.stdout.isTTY ? '1' : '0',
  };

  await step('lint and format (biome check)', async () => ({
    ok: (await run(bin('biome'), ['check', '.'], { cwd: ROOT, env })) === 0,
  }));
  await step('typecheck (tsc in every workspace, then jest/, scripts/ and the browser tests)', async () => {
    const workspaces = await run(
      bin('turbo'),
      ['run', 'typecheck', '--concurrency=2', '--output-logs=errors-only'],
      { cwd: ROOT, env },
    );
    const tools = await run(bin('tsc'), ['-p', 'tsconfig.tools.json'], { cwd: ROOT, env });
    return { ok: workspaces === 0 && tools === 0 };
  });
  // Two cores: unit files in 2 workers; end-to-end files (real worker training, browser) one at a time.
  await step('unit tests (jest: *.spec.ts)', () => jest('unit', env, ['--maxWorkers=2']));
  await step('end-to-end tests (jest: *.e2e-spec.ts)', () => jest('e2e', env, ['--runInBand']));

  await services.stop();
  services = null;
  const failed = results.filter((r) => !r.ok);
  const total = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\n${bold('Summary')}`);
  for (const r of results)
    console.log(`  ${r.ok ? '✔' : '✘'} ${r.name}${r.detail ? `: ${r.detail}` : ''} (${r.seconds} s)`);
  const count = (key) => results.reduce((sum, r) => sum + r[key], 0);
  // The plain closing line CI reads: "tests: N passed, N failed".
  console.log(`\ntests: ${count('passed')} passed, ${count('failed')} failed`);
  console.log(
    failed.length === 0
      ? bold(`\nnpm test: all ${results.length} steps passed in ${total} s.`)
      : bold(`\nnpm test: FAILED (${failed.map((r) => r.name).join('; ')}) after ${total} s.`),
  );
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch(async (error) => {
  log.error(error?.message ?? error);
  await services?.stop();
  console.log(bold('\nnpm test: FAILED before the checks could run.'));
  process.exit(1);
});
