import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_DATABASE_URL } from './client';

/** The migrator script (Prisma's WebAssembly schema engine); see its header. */
export const MIGRATE_SCRIPT = path.resolve(__dirname, '../scripts/migrate.mjs');

/** Node flags the migrator needs (it imports a .wasm module). */
export const MIGRATE_NODE_FLAGS = ['--disable-warning=ExperimentalWarning', '--experimental-wasm-modules'];

/**
 * Applies the pending migrations of prisma/migrations to the database (created when missing), exactly like
 * `prisma migrate deploy`. Runs in a child process because Node 20 needs --experimental-wasm-modules.
 * Resolves with the migrator's output; rejects with it when it fails.
 */
export function migrateDatabase(
  databaseUrl: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...MIGRATE_NODE_FLAGS, MIGRATE_SCRIPT, 'apply', databaseUrl], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output.trim());
      else reject(new Error(`Database migration failed (exit ${code}): ${output.trim()}`));
    });
  });
}
