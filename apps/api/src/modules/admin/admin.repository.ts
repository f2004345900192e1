import type { TAdminClass, TAdminRun, TAdminRunsQuery } from '@dlclass/contracts';
import type { ExperimentStatus, Prisma, PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';

const RUNS_LISTED = 200;

const runSelect = {
  id: true,
  kind: true,
  name: true,
  status: true,
  error: true,
  createdAt: true,
  startedAt: true,
  durationMs: true,
  retriedAsId: true,
  user: { select: { displayName: true } },
  class: { select: { name: true } },
} satisfies Prisma.ExperimentSelect;

/** The admin pages' reads over every class (no ownership: the service lets admins only through). */
@Injectable()
export class AdminRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The latest runs, unfinished first. */
  async runs(query: TAdminRunsQuery): Promise<TAdminRun[]> {
    const rows = await this.prisma.experiment.findMany({
      where: query.status ? { status: query.status.toUpperCase() as ExperimentStatus } : {},
      orderBy: { createdAt: 'desc' },
      take: RUNS_LISTED,
      select: runSelect,
    });
    const unfinished = (status: string) => (status === 'QUEUED' || status === 'RUNNING' ? 0 : 1);
    return rows
      .sort((a, b) => unfinished(a.status) - unfinished(b.status))
      .map((row) => ({
        id: row.id,
        kind: row.kind === 'CLASSICAL' ? 'classical' : 'network',
        name: row.name,
        ownerName: row.user.displayName,
        className: row.class?.name ?? null,
        status: row.status.toLowerCase() as TAdminRun['status'],
        error: row.error,
        createdAt: row.createdAt.toISOString(),
        startedAt: row.startedAt?.toISOString() ?? null,
        durationMs: row.durationMs,
        retriedAsId: row.retriedAsId,
      }));
  }

  /**
   * Mean wait (start − submit) of the runs started since, and mean run time of those finished since; a run
   * that copied a finished identical one ("déjà calculé") neither waited nor ran.
   */
  async timingsSince(since: Date): Promise<{
    started: number;
    finished: number;
    meanWaitMs: number | null;
    meanRunMs: number | null;
  }> {
    const [waits, runs] = await Promise.all([
      this.prisma.$queryRaw<{ count: bigint; mean: number | null }[]>`
        SELECT count(*) AS count,
               avg(extract(epoch FROM ("startedAt" - "createdAt")) * 1000)::float8 AS mean
        FROM "Experiment" WHERE "startedAt" >= ${since} AND "reusedFromId" IS NULL`,
      this.prisma.experiment.aggregate({
        where: { finishedAt: { gte: since }, durationMs: { not: null }, reusedFromId: null },
        _count: { _all: true },
        _avg: { durationMs: true },
      }),
    ]);
    const wait = waits[0];
    return {
      started: Number(wait?.count ?? 0),
      finished: runs._count._all,
      meanWaitMs: wait?.mean ?? null,
      meanRunMs: runs._avg.durationMs,
    };
  }

  /** How many runs are in each status, for the metrics. */
  async runsByStatus(): Promise<{ status: ExperimentStatus; count: number }[]> {
    const groups = await this.prisma.experiment.groupBy({ by: ['status'], _count: { _all: true } });
    return groups.map((group) => ({ status: group.status, count: group._count._all }));
  }

  /** Durations of the runs finished after `since` (oldest first), for the run-duration histogram. */
  async durationsSince(since: Date): Promise<{ finishedAt: Date; durationMs: number }[]> {
    const rows = await this.prisma.experiment.findMany({
      where: { finishedAt: { gt: since }, durationMs: { not: null } },
      orderBy: { finishedAt: 'asc' },
      select: { finishedAt: true, durationMs: true },
    });
    return rows.flatMap((row) =>
      row.finishedAt && row.durationMs !== null
        ? [{ finishedAt: row.finishedAt, durationMs: row.durationMs }]
        : [],
    );
  }

  /** Every class that is not archived, with its students, for the quota editor. */
  async classes(): Promise<TAdminClass[]> {
    const rows = await this.prisma.class.findMany({
      where: { archivedAt: null },
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        teacher: { select: { displayName: true } },
        students: { orderBy: { displayName: 'asc' }, select: { id: true, displayName: true } },
      },
    });
    return rows.map(({ teacher, ...row }) => ({ ...row, teacherName: teacher.displayName }));
  }
}
