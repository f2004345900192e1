import type { PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';

@Injectable()
export class ProgressRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The students of the class. */
  async students(classId: string): Promise<{ id: string; displayName: string }[]> {
    return this.prisma.user.findMany({
      where: { classId, role: 'STUDENT' },
      select: { id: true, displayName: true },
    });
  }

  /** The ids of the classes a teacher teaches (null: an admin, every class). */
  async classIds(teacherId: string | null): Promise<string[]> {
    const rows = await this.prisma.class.findMany({
      where: teacherId ? { teacherId } : {},
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }
}
