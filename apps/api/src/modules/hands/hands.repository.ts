import type { THand } from '@dlclass/contracts';
import type { Prisma, PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';

const handSelect = {
  id: true,
  classId: true,
  userId: true,
  raisedAt: true,
  acknowledgedAt: true,
  loweredAt: true,
  user: { select: { displayName: true } },
} satisfies Prisma.HandRaiseSelect;

type HandRow = Prisma.HandRaiseGetPayload<{ select: typeof handSelect }>;

const toHand = (row: HandRow): THand => ({
  id: row.id,
  classId: row.classId,
  studentId: row.userId,
  studentName: row.user.displayName,
  raisedAt: row.raisedAt.toISOString(),
  acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
  loweredAt: row.loweredAt?.toISOString() ?? null,
});

const OPEN = { acknowledgedAt: null, loweredAt: null } as const;

@Injectable()
export class HandsRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async openOf(userId: string): Promise<THand | null> {
    const row = await this.prisma.handRaise.findFirst({
      where: { userId, ...OPEN },
      orderBy: { raisedAt: 'desc' },
      select: handSelect,
    });
    return row && toHand(row);
  }

  /** The student's open hand, raised now if none is. */
  async raise(userId: string, classId: string): Promise<THand> {
    return (
      (await this.openOf(userId)) ??
      toHand(await this.prisma.handRaise.create({ data: { userId, classId }, select: handSelect }))
    );
  }

  /** Puts the student's open hand down; null when none was up. */
  async lower(userId: string): Promise<THand | null> {
    const open = await this.openOf(userId);
    if (!open) return null;
    return toHand(
      await this.prisma.handRaise.update({
        where: { id: open.id },
        data: { loweredAt: new Date() },
        select: handSelect,
      }),
    );
  }

  /** The class's open hands, first raised first. */
  async openInClass(classId: string): Promise<THand[]> {
    const rows = await this.prisma.handRaise.findMany({
      where: { classId, ...OPEN },
      orderBy: [{ raisedAt: 'asc' }, { id: 'asc' }],
      select: handSelect,
    });
    return rows.map(toHand);
  }

  /** Acknowledges an open hand of the class; null when there is no such hand, or it is already down. */
  async acknowledge(classId: string, handId: string): Promise<THand | null> {
    const { count } = await this.prisma.handRaise.updateMany({
      where: { id: handId, classId, ...OPEN },
      data: { acknowledgedAt: new Date() },
    });
    if (count === 0) return null;
    return toHand(
      await this.prisma.handRaise.findUniqueOrThrow({ where: { id: handId }, select: handSelect }),
    );
  }
}
