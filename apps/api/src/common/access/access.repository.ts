import type { PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../infra/tokens';

/** The ownership facts the access helper needs. Abstract so that unit tests pass typed fakes. */
export abstract class AccessRepository {
  /** Ids among `experimentIds` whose owner is `userId`. */
  abstract experimentsOwnedBy(userId: string, experimentIds: string[]): Promise<string[]>;
  /** Ids among `experimentIds` belonging to a class taught by `teacherId`. */
  abstract experimentsInClassesOf(teacherId: string, experimentIds: string[]): Promise<string[]>;
  /** Ids among `classIds` taught by `teacherId`. */
  abstract classesTaughtBy(teacherId: string, classIds: string[]): Promise<string[]>;
  /** The phase numbers the class's teacher has locked (none for an unknown class). */
  abstract lockedPhases(classId: string): Promise<number[]>;
}

@Injectable()
export class PrismaAccessRepository extends AccessRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {
    super();
  }

  async experimentsOwnedBy(userId: string, experimentIds: string[]): Promise<string[]> {
    const rows = await this.prisma.experiment.findMany({
      where: { id: { in: experimentIds }, userId },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  async experimentsInClassesOf(teacherId: string, experimentIds: string[]): Promise<string[]> {
    const rows = await this.prisma.experiment.findMany({
      where: { id: { in: experimentIds }, class: { teacherId } },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  async classesTaughtBy(teacherId: string, classIds: string[]): Promise<string[]> {
    const rows = await this.prisma.class.findMany({
      where: { id: { in: classIds }, teacherId },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  async lockedPhases(classId: string): Promise<number[]> {
    const row = await this.prisma.class.findUnique({
      where: { id: classId },
      select: { lockedPhases: true },
    });
    return row?.lockedPhases ?? [];
  }
}
