/**
 * Test helpers against a real PostgreSQL (never a mock).
 *
 * Each test file gets its own database, cloned (CREATE DATABASE … TEMPLATE, a file copy: milliseconds) from a
 * template database migrated once per test run. The server is TEST_DATABASE_URL's, else DATABASE_URL's, else
 * the local default; only databases named dlclass_test_* are created or dropped there.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  REFERENCE_EXPERIMENT,
  type TEvaluation,
  type TExperimentSpec,
  type TExperimentSpecInput,
} from '@dlclass/contracts';
import { Client } from 'pg';
import { createPrismaClient, DEFAULT_DATABASE_URL } from './client';
import { createSession, displayKeyOf, hashSecret } from './credentials';
import type { Class, Experiment, PrismaClient, SeedMode, User } from './generated/prisma/client';
import { migrateDatabase } from './migrate';

export const TEST_TEMPLATE_DATABASE = 'dlclass_test_template';
const TEST_DATABASE_PREFIX = 'dlclass_test_';
/** pg advisory lock key guarding the template (arbitrary constant). */
const TEMPLATE_LOCK_KEY = 7_310_452_118;
const MIGRATIONS_DIR = path.resolve(__dirname, '../../../prisma/migrations');

export interface TestDatabase {
  /** Connection string of the fresh database (give it to the app under test as DATABASE_URL). */
  url: string;
  prisma: PrismaClient;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

/** The server the test databases live on. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

function databaseUrl(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withMaintenanceClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Hash of the migration files: the template is rebuilt when they change. */
function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const dir of readdirSync(MIGRATIONS_DIR).sort()) {
    const file = path.join(MIGRATIONS_DIR, dir, 'migration.sql');
    try {
      hash.update(dir).update(readFileSync(file));
    } catch {
      // migration_lock.toml and stray files are not migrations.
    }
  }
  return `dlclass migrations ${hash.digest('hex')}`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes sure the template database exists and is migrated with the current migrations (rebuilt when they
 * changed), and drops the test databases left behind by test processes that died. Called once per test run
 * by Jest's globalSetup; createTestDatabase also calls it (cheap when up to date).
 */
export async function prepareTestTemplate(): Promise<void> {
  const fingerprint = migrationsFingerprint();
  await withMaintenanceClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const { rows } = await client.query<{ comment: string | null }>(
        'SELECT shobj_description(oid, $2) AS comment FROM pg_database WHERE datname = $1',
        [TEST_TEMPLATE_DATABASE, 'pg_database'],
      );
      if (rows[0]?.comment !== fingerprint) {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(TEST_TEMPLATE_DATABASE)} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${quoteIdent(TEST_TEMPLATE_DATABASE)}`);
        await migrateDatabase(databaseUrl(TEST_TEMPLATE_DATABASE));
        await client.query(
          `COMMENT ON DATABASE ${quoteIdent(TEST_TEMPLATE_DATABASE)} IS ${client.escapeLiteral(fingerprint)}`,
        );
      }
      const stale = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'dlclass\\_test\\_%' AND datname <> $1",
        [TEST_TEMPLATE_DATABASE],
      );
      for (const { datname } of stale.rows) {
        const pid = Number(/^dlclass_test_(\d+)_/.exec(datname)?.[1]);
        if (pid && !processIsAlive(pid)) {
          await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
}

let templateReady: Promise<void> | undefined;

/** A fresh, migrated, empty database for one test file. Call drop() in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  templateReady ??= prepareTestTemplate();
  await templateReady;
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(6).toString('hex')}`;
  await withMaintenanceClient(async (client) => {
    // Shared lock: clones run in parallel, never while the template is being rebuilt.
    await client.query('SELECT pg_advisory_lock_shared($1)', [TEMPLATE_LOCK_KEY]);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query(
            `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(TEST_TEMPLATE_DATABASE)}`,
          );
          break;
        } catch (error) {
          // 55006: "source database is being accessed by other users" (a concurrent clone): retry.
          if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
          await new Promise((r) => setTimeout(r, 100 * attempt));
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock_shared($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  const url = databaseUrl(name);
  const prisma = createPrismaClient(url);
  let dropped = false;
  return {
    url,
    prisma,
    async drop() {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect();
      await withMaintenanceClient((client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      );
    },
  };
}

const uniqueSuffix = () => randomBytes(4).toString('hex');

export async function createTeacher(
  prisma: PrismaClient,
  overrides: { email?: string; password?: string; displayName?: string } = {},
): Promise<User & { password: string }> {
  const password = overrides.password ?? 'teacher-password';
  const user = await prisma.user.create({
    data: {
      role: 'TEACHER',
      email: (overrides.email ?? `teacher-${uniqueSuffix()}@test.local`).toLowerCase(),
      displayName: overrides.displayName ?? 'Professeur test',
      passwordHash: await hashSecret(password),
    },
  });
  return { ...user, password };
}

export async function createAdmin(
  prisma: PrismaClient,
  overrides: { email?: string; password?: string } = {},
): Promise<User & { password: string }> {
  const password = overrides.password ?? 'admin-password';
  const user = await prisma.user.create({
    data: {
      role: 'ADMIN',
      email: (overrides.email ?? `admin-${uniqueSuffix()}@test.local`).toLowerCase(),
      displayName: 'Admin test',
      passwordHash: await hashSecret(password),
    },
  });
  return { ...user, password };
}

/**
 * A class of the teacher. Its identical runs share one training (the default seed mode); `seedMode: 'STUDENT'`
 * trains every run for itself, for a test about the queue rather than about sharing.
 */
export function createClass(
  prisma: PrismaClient,
  teacherId: string,
  overrides: { name?: string; code?: string; lockedPhases?: number[]; seedMode?: SeedMode } = {},
): Promise<Class> {
  return prisma.class.create({
    data: {
      teacherId,
      name: overrides.name ?? 'Classe test',
      code: (overrides.code ?? `T${uniqueSuffix().toUpperCase()}`).toUpperCase(),
      ...(overrides.lockedPhases ? { lockedPhases: overrides.lockedPhases } : {}),
      ...(overrides.seedMode ? { seedMode: overrides.seedMode } : {}),
    },
  });
}

export async function createStudent(
  prisma: PrismaClient,
  classId: string,
  overrides: { displayName?: string; pin?: string } = {},
): Promise<User & { pin: string }> {
  const pin = overrides.pin ?? '1234';
  const displayName = overrides.displayName ?? `Élève ${uniqueSuffix()}`;
  const user = await prisma.user.create({
    data: {
      role: 'STUDENT',
      classId,
      displayName,
      displayKey: displayKeyOf(displayName),
      pinHash: await hashSecret(pin),
    },
  });
  return { ...user, pin };
}

/** A valid session for the user; returns the bearer token (also usable as the session cookie). */
export async function issueSessionToken(prisma: PrismaClient, userId: string): Promise<string> {
  return (await createSession(prisma, userId)).token;
}

/** Ten test digits (0-9), the model right on `correct` of them. */
export function sampleEvaluation(testAccuracy: number, correct = 10): TEvaluation {
  return {
    testAccuracy,
    testLoss: 0.05,
    confusionMatrix: Array.from({ length: 10 }, (_, digit) =>
      Array.from({ length: 10 }, (_, predicted) => (digit === predicted ? 100 : 0)),
    ),
    perClass: Array.from({ length: 10 }, (_, digit) => ({ digit, precision: 1, recall: 1, support: 100 })),
    samples: Array.from({ length: 10 }, (_, digit) => ({
      testIndex: digit,
      label: digit,
      prediction: digit < correct ? digit : (digit + 1) % 10,
      confidence: 0.9,
      pixels: new Array(784).fill(0),
    })),
  };
}

function storedEvaluation({ testAccuracy: _accuracy, testLoss: _loss, ...rest }: TEvaluation) {
  return rest;
}

/** A run small enough to train in seconds on two CPU cores. */
export function tinyRun(patch: Partial<TExperimentSpecInput['training']> = {}): TExperimentSpecInput {
  return {
    name: 'Petit MLP',
    dataset: 'mnist',
    model: { layers: [{ type: 'dense', units: 32, activation: 'relu' }] },
    training: {
      epochs: 1,
      batchSize: 32,
      optimizer: 'adam',
      learningRate: 0.01,
      validationSplit: 0.1,
      trainSize: 200,
      seed: 7,
      ...patch,
    },
  };
}

/**
 * A run row as the worker leaves it (no training): SUCCEEDED by default, with its epochs and evaluation,
 * owned by `user` (a student's run belongs to their class).
 */
export async function createExperiment(
  prisma: PrismaClient,
  user: { id: string; classId: string | null },
  overrides: {
    name?: string;
    spec?: TExperimentSpec;
    status?: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
    parameterCount?: number;
    testAccuracy?: number;
    /** Of the ten test digits shown after the run. */
    correctSamples?: number;
    durationMs?: number;
    epochs?: { accuracy: number; valAccuracy: number | null }[];
  } = {},
): Promise<Experiment> {
  const status = overrides.status ?? 'SUCCEEDED';
  const succeeded = status === 'SUCCEEDED';
  const testAccuracy = overrides.testAccuracy ?? 0.98;
  const epochs = overrides.epochs ?? [
    { accuracy: 0.9, valAccuracy: 0.91 },
    { accuracy: 0.96, valAccuracy: 0.97 },
  ];
  const spec = overrides.spec ?? REFERENCE_EXPERIMENT;
  return prisma.experiment.create({
    data: {
      userId: user.id,
      classId: user.classId,
      name: overrides.name ?? spec.name ?? 'Expérience test',
      spec,
      status,
      parameterCount: overrides.parameterCount ?? 1000,
      backend: succeeded ? 'cpu' : null,
      device: succeeded ? 'CPU (test)' : null,
      durationMs: succeeded ? (overrides.durationMs ?? 42_000) : null,
      testAccuracy: succeeded ? testAccuracy : null,
      testLoss: succeeded ? 0.05 : null,
      // stored as the worker stores it: the two scalars have their own columns
      evaluation: succeeded
        ? storedEvaluation(sampleEvaluation(testAccuracy, overrides.correctSamples))
        : undefined,
      finishedAt: succeeded ? new Date() : null,
      epochs: succeeded
        ? {
            create: epochs.map((e, i) => ({ epoch: i + 1, loss: 0.1, valLoss: 0.1, durationMs: 1000, ...e })),
          }
        : undefined,
    },
  });
}
