import type { TClass } from '@dlclass/contracts';
import type { PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';

@Injectable()
export class ClassesRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Classes with their student count; all of them when `teacherId` is null. */
  async list(teacherId: string | null): Promise<TClass[]> {
    const rows = await this.prisma.class.findMany({
      where: teacherId ? { teacherId } : {},
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, code: true, _count: { select: { students: true } } },
    });
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      code: row.code,
      studentCount: row._count.students,
    }));
  }
}
