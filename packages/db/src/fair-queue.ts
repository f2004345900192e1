import { type ExperimentKind, Prisma, type PrismaClient } from './generated/prisma/client';

/**
 * Fair sharing of the training queue, in one place for the API (its producer, the queue places it shows)
 * and the worker (its reconciler re-adds lost jobs).
 *
 * A run's fair-share rank is k when it was its owner's k-th unfinished run at submission: 1 + the owner's
 * runs created before it and not finished when it was created. Its job's BullMQ priority is that rank
 * (lower first, FIFO within a rank), so the k-th run of any student starts before the (k+1)-th of any
 * other. The rank is fixed at submission and computed from the table alone: a later queued run keeps it
 * when an earlier one finishes (it had been queued behind the others' k-th runs), and a re-added or
 * retried job gets the same priority back.
 */
const rankOf = (run: Prisma.Sql) => Prisma.sql`1 + (
  SELECT count(*) FROM "Experiment" e
  WHERE e."userId" = ${run}."userId"
    AND (e."createdAt" < ${run}."createdAt" OR (e."createdAt" = ${run}."createdAt" AND e."id" < ${run}."id"))
    AND (e."finishedAt" IS NULL OR e."finishedAt" > ${run}."createdAt")
)::int`;

/** The run's fair-share rank (see above); 1 for a run that no longer exists. */
export async function fairShareRank(prisma: PrismaClient, experimentId: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ rank: number }[]>`
    SELECT ${rankOf(Prisma.raw('r'))} AS "rank" FROM "Experiment" r WHERE r."id" = ${experimentId}::uuid`;
  return rows[0]?.rank ?? 1;
}

/**
 * Every QUEUED run with its place (1 = next to start), in the order the queue starts them: by rank, then
 * by creation. Computed from the table, not from Redis, so it holds while the queue is unreachable.
 */
export async function queuePlaces(prisma: PrismaClient): Promise<Map<string, number>> {
  const rows = await prisma.$queryRaw<{ id: string; place: number }[]>`
    WITH queued AS (
      SELECT q."id", q."createdAt", ${rankOf(Prisma.raw('q'))} AS "rank"
      FROM "Experiment" q WHERE q."status" = 'QUEUED'
    )
    SELECT "id", (row_number() OVER (ORDER BY "rank", "createdAt", "id"))::int AS "place" FROM queued`;
  return new Map(rows.map((row) => [row.id, row.place]));
}

/** Mean time of the runs that ended well since that date (from start to end); null when none did. */
export async function meanRunMsSince(prisma: PrismaClient, since: Date): Promise<number | null> {
  const rows = await prisma.$queryRaw<{ mean: number | null }[]>`
    SELECT (avg(EXTRACT(EPOCH FROM ("finishedAt" - "startedAt")) * 1000))::float8 AS "mean"
    FROM "Experiment"
    WHERE "status" = 'SUCCEEDED' AND "startedAt" IS NOT NULL AND "finishedAt" >= ${since}`;
  return rows[0]?.mean ?? null;
}

/**
 * The trainings the queue holds, for the launch-time estimates: those running (since when) and those queued,
 * in the order they will start (rank, then creation), each with its kind and spec. A run attached to another's
 * training trains nothing of its own and is left out.
 */
export async function queuedTrainings(prisma: PrismaClient): Promise<{
  running: { startedAt: Date | null; kind: ExperimentKind; spec: unknown }[];
  queued: { rank: number; kind: ExperimentKind; spec: unknown }[];
}> {
  const [running, queued] = await Promise.all([
    prisma.experiment.findMany({
      where: { status: 'RUNNING', attachedToId: null },
      select: { startedAt: true, kind: true, spec: true },
    }),
    prisma.$queryRaw<{ rank: number; kind: ExperimentKind; spec: unknown }[]>`
      SELECT ${rankOf(Prisma.raw('q'))} AS "rank", q."kind", q."spec"
      FROM "Experiment" q WHERE q."status" = 'QUEUED' AND q."attachedToId" IS NULL
      ORDER BY 1, q."createdAt", q."id"`,
  ]);
  return { running, queued };
}

/** A user's rank if they submitted a run now: 1 + their runs not finished yet. */
export async function nextFairShareRank(prisma: PrismaClient, userId: string): Promise<number> {
  return 1 + (await prisma.experiment.count({ where: { userId, status: { in: ['QUEUED', 'RUNNING'] } } }));
}
