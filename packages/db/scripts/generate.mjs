#!/usr/bin/env node
// Generates the Prisma client into packages/db/src/generated/prisma, offline.
// `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to point at an existing file (it never runs it),
// which keeps the CLI from downloading the native schema engine. Configuration: prisma.config.ts (repo root).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(path.join(root, 'package.json'));
const prismaCli = require.resolve('prisma/build/index.js');

const quiet = process.argv.includes('--quiet');
const result = spawnSync(process.execPath, [prismaCli, 'generate', '--config', 'prisma.config.ts'], {
  cwd: root,
  stdio: quiet ? 'pipe' : 'inherit',
  encoding: 'utf8',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
if (result.status !== 0) {
  if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  console.error('prisma generate failed');
  process.exit(result.status ?? 1);
}
