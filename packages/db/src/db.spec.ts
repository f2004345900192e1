import { Client } from 'pg';
import { hashSessionToken, SESSION_TTL_MS, verifySecret } from './credentials';
import { migrateDatabase } from './migrate';
import { seedDemo } from './seed';
import {
  createClass,
  createStudent,
  createTeacher,
  createTestDatabase,
  issueSessionToken,
  type TestDatabase,
} from './testing';

describe('@dlclass/db against a real PostgreSQL', () => {
  let db: TestDatabase;
  let other: TestDatabase;

  beforeAll(async () => {
    [db, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([db?.drop(), other?.drop()]);
  });

  it('gives a database with every migration applied and recorded like prisma migrate deploy', async () => {
    const rows = await db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]?.migration_name).toMatch(/^\d{14}_init$/);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    // Applying again is a no-op.
    await expect(migrateDatabase(db.url)).resolves.toMatch(/already up to date/);
  });

  it('stores and reads every model through the generated client', async () => {
    const teacher = await createTeacher(db.prisma);
    const klass = await createClass(db.prisma, teacher.id, { code: 'ABCD1234' });
    const student = await createStudent(db.prisma, klass.id, { displayName: 'Léa Martin', pin: '4321' });
    expect(student.displayKey).toBe('léa martin');
    await expect(verifySecret('4321', student.pinHash ?? '')).resolves.toBe(true);
    // displayKey is unique within a class.
    await expect(createStudent(db.prisma, klass.id, { displayName: 'LÉA  martin' })).rejects.toThrow();

    const experiment = await db.prisma.experiment.create({
      data: {
        userId: student.id,
        classId: klass.id,
        name: 'run',
        spec: { epochs: 1 },
        parameterCount: 101_770,
      },
    });
    expect(experiment.status).toBe('QUEUED');
    await db.prisma.experimentEpoch.create({
      data: { experimentId: experiment.id, epoch: 1, loss: 0.3, accuracy: 0.9, durationMs: 1000 },
    });
    await db.prisma.trainedModel.create({
      data: {
        experimentId: experiment.id,
        modelTopology: { class_name: 'Sequential' },
        weightSpecs: [],
        weightData: new Uint8Array([1, 2, 3]),
      },
    });
    const loaded = await db.prisma.experiment.findUniqueOrThrow({
      where: { id: experiment.id },
      include: { epochs: true, model: true },
    });
    expect(loaded.epochs).toHaveLength(1);
    expect(Array.from(loaded.model?.weightData ?? [])).toEqual([1, 2, 3]);
  });

  it('issues session tokens whose SHA-256 is stored, never the token', async () => {
    const teacher = await createTeacher(db.prisma);
    const token = await issueSessionToken(db.prisma, teacher.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await db.prisma.session.findUniqueOrThrow({
      where: { tokenHash: hashSessionToken(token) },
    });
    expect(session.userId).toBe(teacher.id);
    // the API's sessions last as long (SESSION_TTL_MS is the one definition: 30 days)
    expect(SESSION_TTL_MS).toBe(30 * 24 * 3_600_000);
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(SESSION_TTL_MS - 60_000);
    expect(session.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(SESSION_TTL_MS);
  });

  it('isolates test databases from each other', async () => {
    await createTeacher(db.prisma, { email: 'isolated@test.local' });
    expect(await other.prisma.user.count({ where: { email: 'isolated@test.local' } })).toBe(0);
    expect(db.url).not.toBe(other.url);
  });

  it('seeds the demo idempotently and resets a changed demo password', async () => {
    const options = { teacherPassword: 'secret-1', classCode: 'demo42' };
    const first = await seedDemo(other.prisma, options);
    expect(first.teacher.email).toBe('prof@demo.local');
    expect(first.class.code).toBe('DEMO42');
    const second = await seedDemo(other.prisma, options);
    expect(second).toEqual(first);
    expect(await other.prisma.user.count()).toBe(2);
    expect(await other.prisma.class.count()).toBe(1);

    const third = await seedDemo(other.prisma, { ...options, teacherPassword: 'secret-2' });
    const teacher = await other.prisma.user.findUniqueOrThrow({ where: { id: third.teacher.id } });
    expect(third.teacher.id).toBe(first.teacher.id);
    await expect(verifySecret('secret-2', teacher.passwordHash ?? '')).resolves.toBe(true);
    await expect(seedDemo(other.prisma, { classCode: 'no!' })).rejects.toThrow(/DEMO_CLASS_CODE/);
  });

  it('drops the database', async () => {
    const temp = await createTestDatabase();
    const name = new URL(temp.url).pathname.slice(1);
    await temp.drop();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    await client.end();
    expect(rowCount).toBe(0);
  });
});
