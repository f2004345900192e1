import type { TClass, TRosterStudent } from '@dlclass/contracts';
import type { Prisma, PrismaClient, SeedMode } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';
import { unlessTaken } from '../../common/infra/unique-violation';

const classSelect = {
  id: true,
  name: true,
  code: true,
  archivedAt: true,
  seedMode: true,
  teacher: { select: { displayName: true } },
  _count: { select: { students: true } },
} satisfies Prisma.ClassSelect;

type ClassRow = Prisma.ClassGetPayload<{ select: typeof classSelect }>;

const toClass = (row: ClassRow): TClass => ({
  id: row.id,
  name: row.name,
  code: row.code,
  studentCount: row._count.students,
  archived: row.archivedAt !== null,
  teacherName: row.teacher.displayName,
  seedMode: row.seedMode === 'STUDENT' ? 'student' : 'class',
});

@Injectable()
export class ClassesRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Classes with their student count, oldest first; all of them when `teacherId` is null. */
  async list(teacherId: string | null): Promise<TClass[]> {
    const rows = await this.prisma.class.findMany({
      where: teacherId ? { teacherId } : {},
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: classSelect,
    });
    return rows.map(toClass);
  }

  /** A new class; null when its code is already taken (the caller draws another). */
  async create(input: { teacherId: string; name: string; code: string }): Promise<TClass | null> {
    const row = await unlessTaken(() => this.prisma.class.create({ data: input, select: classSelect }));
    return row && toClass(row);
  }

  /** Renames and/or archives (a date) or brings back (null) the class, and/or changes its seed mode. */
  async update(
    id: string,
    changes: { name?: string; archivedAt?: Date | null; seedMode?: SeedMode },
  ): Promise<TClass> {
    return toClass(await this.prisma.class.update({ where: { id }, data: changes, select: classSelect }));
  }

  /** Gives the class a new join code; null when that code is already taken. */
  async setCode(id: string, code: string): Promise<TClass | null> {
    const row = await unlessTaken(() =>
      this.prisma.class.update({ where: { id }, data: { code }, select: classSelect }),
    );
    return row && toClass(row);
  }

  /** The class's students in the order they joined, with how much work each has. */
  async roster(classId: string): Promise<TRosterStudent[]> {
    const rows = await this.prisma.user.findMany({
      where: { classId, role: 'STUDENT' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        displayName: true,
        createdAt: true,
        _count: { select: { experiments: true, deliverables: true } },
      },
    });
    return rows.map((row) => ({
      id: row.id,
      displayName: row.displayName,
      joinedAt: row.createdAt.toISOString(),
      runCount: row._count.experiments,
      deliverableCount: row._count.deliverables,
    }));
  }

  /** Whether this user is a student of that class. */
  async isStudentOf(classId: string, studentId: string): Promise<boolean> {
    return (await this.prisma.user.count({ where: { id: studentId, classId, role: 'STUDENT' } })) === 1;
  }

  async setPinHash(studentId: string, pinHash: string): Promise<void> {
    await this.prisma.user.update({ where: { id: studentId }, data: { pinHash } });
  }

  /** Deletes the student with all their work and sessions; returns the ids of the sessions that were open. */
  async deleteStudent(studentId: string): Promise<string[]> {
    return this.prisma.$transaction(async (tx) => {
      const sessions = await tx.session.findMany({ where: { userId: studentId }, select: { id: true } });
      await tx.user.delete({ where: { id: studentId } });
      return sessions.map((session) => session.id);
    });
  }
}
