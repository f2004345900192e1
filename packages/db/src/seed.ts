import { CLASS_CODE_PATTERN } from '@dlclass/contracts';
import { hashSecret, verifySecret } from './credentials';
import type { PrismaClient } from './generated/prisma/client';

export interface SeedDemoOptions {
  adminEmail?: string;
  adminPassword?: string;
  teacherEmail?: string;
  teacherPassword?: string;
  classCode?: string;
  className?: string;
}

export interface SeedDemoResult {
  admin: { id: string; email: string; password: string };
  teacher: { id: string; email: string; password: string };
  class: { id: string; name: string; code: string };
}

/** Demonstration defaults; DEMO_* environment variables override them. */
export function demoOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<SeedDemoOptions> {
  return {
    adminEmail: env.DEMO_ADMIN_EMAIL || 'admin@demo.local',
    adminPassword: env.DEMO_ADMIN_PASSWORD || 'admin-demo',
    teacherEmail: env.DEMO_TEACHER_EMAIL || 'prof@demo.local',
    teacherPassword: env.DEMO_TEACHER_PASSWORD || 'prof-demo',
    classCode: env.DEMO_CLASS_CODE || 'DEMO2026',
    className: env.DEMO_CLASS_NAME || 'BTS SIO — classe de démonstration',
  };
}

async function upsertAccount(
  prisma: PrismaClient,
  role: 'ADMIN' | 'TEACHER',
  email: string,
  password: string,
  displayName: string,
): Promise<string> {
  const existing = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true },
  });
  if (existing) {
    // The printed password must work: reset it when it was changed (hash only when needed).
    const same = existing.passwordHash ? await verifySecret(password, existing.passwordHash) : false;
    if (!same) {
      await prisma.user.update({
        where: { id: existing.id },
        data: { passwordHash: await hashSecret(password) },
      });
    }
    return existing.id;
  }
  const created = await prisma.user.create({
    data: { role, email, displayName, passwordHash: await hashSecret(password) },
    select: { id: true },
  });
  return created.id;
}

/**
 * Seeds the demonstration accounts, idempotently: an admin, the teacher (prof@demo.local) and one class
 * with its join code. Running it again keeps the data and resets the demo passwords to the configured ones.
 * Returns what `npm start` prints.
 */
export async function seedDemo(prisma: PrismaClient, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const o = { ...demoOptionsFromEnv(), ...stripUndefined(options) };
  const adminEmail = o.adminEmail.trim().toLowerCase();
  const teacherEmail = o.teacherEmail.trim().toLowerCase();
  const code = o.classCode.trim().toUpperCase();
  if (!CLASS_CODE_PATTERN.test(code)) {
    throw new Error(`DEMO_CLASS_CODE "${o.classCode}" must be 4 to 12 letters or digits`);
  }
  const adminId = await upsertAccount(prisma, 'ADMIN', adminEmail, o.adminPassword, 'Administrateur');
  const teacherId = await upsertAccount(
    prisma,
    'TEACHER',
    teacherEmail,
    o.teacherPassword,
    'Professeur démo',
  );
  const klass = await prisma.class.upsert({
    where: { code },
    // The demo shows the whole lesson: every phase open (created so; a teacher's later locks are kept).
    create: { code, name: o.className, teacherId, lockedPhases: [] },
    update: { teacherId },
    select: { id: true, name: true, code: true },
  });
  return {
    admin: { id: adminId, email: adminEmail, password: o.adminPassword },
    teacher: { id: teacherId, email: teacherEmail, password: o.teacherPassword },
    class: klass,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
