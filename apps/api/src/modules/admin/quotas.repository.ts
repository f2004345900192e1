import type { TPlatformSettings, TQuotaOverride } from '@dlclass/contracts';
import type { PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';

/** A quota's target: exactly one class or one student. */
export type QuotaTarget = { classId: string } | { userId: string };

const overrideSelect = {
  concurrentRuns: true,
  runsPerHour: true,
  maxEpochs: true,
  maxParameters: true,
  maxRunTimeS: true,
} as const;

const SETTINGS_ID = 1;

@Injectable()
export class QuotasRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async override(target: QuotaTarget): Promise<TQuotaOverride | null> {
    return this.prisma.quota.findUnique({ where: target, select: overrideSelect });
  }

  /** A student's class override and own override, in that order (the most specific last). */
  async overridesOfStudent(userId: string, classId: string | null): Promise<(TQuotaOverride | null)[]> {
    const rows = await this.prisma.quota.findMany({
      where: { OR: [{ userId }, ...(classId ? [{ classId }] : [])] },
      select: { ...overrideSelect, userId: true },
    });
    return [rows.find((row) => !row.userId) ?? null, rows.find((row) => row.userId) ?? null];
  }

  async setOverride(target: QuotaTarget, override: TQuotaOverride): Promise<TQuotaOverride> {
    return this.prisma.quota.upsert({
      where: target,
      create: { ...target, ...override },
      update: override,
      select: overrideSelect,
    });
  }

  async deleteOverride(target: QuotaTarget): Promise<void> {
    await this.prisma.quota.deleteMany({ where: target });
  }

  async classExists(classId: string): Promise<boolean> {
    return (await this.prisma.class.count({ where: { id: classId } })) > 0;
  }

  /** The student's class (null: not a student). */
  async studentClass(userId: string): Promise<{ classId: string | null } | null> {
    return this.prisma.user.findFirst({ where: { id: userId, role: 'STUDENT' }, select: { classId: true } });
  }

  /** The user's runs queued or training now, and those submitted over the last hour. */
  async settings(): Promise<TPlatformSettings> {
    const row = await this.prisma.platformSettings.findUnique({
      where: { id: SETTINGS_ID },
      select: { globalConcurrency: true },
    });
    return row ?? { globalConcurrency: null };
  }

  async saveSettings(settings: TPlatformSettings): Promise<TPlatformSettings> {
    return this.prisma.platformSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, ...settings },
      update: settings,
      select: { globalConcurrency: true },
    });
  }
}
