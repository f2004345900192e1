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

/**
 * The fair-share rank of a training's job (see above, and shared-training.ts): the best rank of its runs, the
 * one that started it and those still attached to it, since it trains for each of them (a student's first
 * run attached to another's third is not kept behind everyone's second runs). For a run trained alone, its own
 * rank; 1 for a run that no longer exists.
 */
export async function fairShareRank(prisma: PrismaClient, trainingId: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ rank: number | null }[]>`
    SELECT min(${rankOf(Prisma.raw('r'))}) AS "rank" FROM "Experiment" r
    WHERE r."id" = ${trainingId}::uuid
       OR (r."attachedToId" = ${trainingId}::uuid AND r."status" IN ('QUEUED', 'RUNNING'))`;
  return rows[0]?.rank ?? 1;
}

/**
 * Every QUEUED run with its place (1 = next to start), in the order the queue starts their trainings: by
 * rank (a shared training's best), then by creation; the runs of one shared training have the same place.
 * Computed from the table, not from Redis, so it holds while the queue is unreachable.
 */
export async function queuePlaces(prisma: PrismaClient): Promise<Map<string, number>> {
  const rows = await prisma.$queryRaw<{ id: string; place: number }[]>`
    WITH queued AS (
      SELECT q."id", q."createdAt", COALESCE(q."attachedToId", q."id") AS "training",
             ${rankOf(Prisma.raw('q'))} AS "rank"
      FROM "Experiment" q WHERE q."status" = 'QUEUED'
    ), trainings AS (
      SELECT "training", min("rank") AS "rank", min("createdAt") AS "createdAt" FROM queued GROUP BY "training"
    ), placed AS (
      SELECT "training", (row_number() OVER (ORDER BY "rank", "createdAt", "training"))::int AS "place"
      FROM trainings
    )
    SELECT queued."id", placed."place" FROM queued JOIN placed USING ("training")`;
  return new Map(rows.map((row) => [row.id, row.place]));
}

/**
 * Mean time of the trainings that ended well since that date (from start to end): one per training, however
 * many runs shared it, and none for a run that copied a finished one; null when none did.
 */
export async function meanRunMsSince(prisma: PrismaClient, since: Date): Promise<number | null> {
  const rows = await prisma.$queryRaw<{ mean: number | null }[]>`
    SELECT avg("ms")::float8 AS "mean" FROM (
      SELECT max(EXTRACT(EPOCH FROM ("finishedAt" - "startedAt")) * 1000) AS "ms"
      FROM "Experiment"
      WHERE "status" = 'SUCCEEDED' AND "startedAt" IS NOT NULL AND "finishedAt" >= ${since}
        AND "reusedFromId" IS NULL
      GROUP BY COALESCE("attachedToId", "id")
    ) trainings`;
  return rows[0]?.mean ?? null;
}

/** A training running now, for the launch-time estimates. */
export interface RunningTraining {
  /** Its id: its job's (see shared-training.ts). */
  trainingId: string;
  /** When it started: its first run's start (a run joining it late starts later). */
  startedAt: Date | null;
  /** The epochs it has done so far (0: none yet). */
  epochsDone: number;
  kind: ExperimentKind;
  spec: unknown;
}

/** A training waiting in the queue, for the launch-time estimates: its place is by (rank, createdAt). */
export interface QueuedTraining {
  trainingId: string;
  /** Its job's priority: the best rank of its runs (see fairShareRank). */
  rank: number;
  /** Its first run's creation. */
  createdAt: Date;
  kind: ExperimentKind;
  spec: unknown;
}

/**
 * The trainings the queue holds, for the launch-time estimates: those running and those queued, in the order
 * they will start (as queuePlaces: best rank of their runs, then creation). One per training, however many
 * runs share it, whichever of them are left (the run that started it may have been cancelled or deleted).
 */
export async function queuedTrainings(
  prisma: PrismaClient,
): Promise<{ running: RunningTraining[]; queued: QueuedTraining[] }> {
  const [running, queued] = await Promise.all([
    prisma.$queryRaw<RunningTraining[]>`
      WITH running AS (
        SELECT DISTINCT COALESCE("attachedToId", "id") AS "trainingId" FROM "Experiment" WHERE "status" = 'RUNNING'
      )
      SELECT r."trainingId"::text AS "trainingId", min(e."startedAt") AS "startedAt",
             COALESCE(max(done."epoch"), 0)::int AS "epochsDone",
             (array_agg(e."kind") FILTER (WHERE e."status" = 'RUNNING'))[1] AS "kind",
             (array_agg(e."spec") FILTER (WHERE e."status" = 'RUNNING'))[1] AS "spec"
      FROM running r
      JOIN "Experiment" e ON e."id" = r."trainingId" OR e."attachedToId" = r."trainingId"
      LEFT JOIN LATERAL (
        SELECT max("epoch") AS "epoch" FROM "ExperimentEpoch" WHERE "experimentId" = e."id"
      ) done ON true
      GROUP BY r."trainingId"`,
    prisma.$queryRaw<QueuedTraining[]>`
      WITH queued AS (
        SELECT COALESCE(q."attachedToId", q."id") AS "trainingId", q."createdAt", q."kind", q."spec",
               ${rankOf(Prisma.raw('q'))} AS "rank"
        FROM "Experiment" q WHERE q."status" = 'QUEUED'
      )
      SELECT "trainingId"::text AS "trainingId", min("rank")::int AS "rank", min("createdAt") AS "createdAt",
             (array_agg("kind"))[1] AS "kind", (array_agg("spec"))[1] AS "spec"
      FROM queued GROUP BY "trainingId"
      ORDER BY 2, 3, 1`,
  ]);
  return { running, queued };
}

/** A user's rank if they submitted a run now: 1 + their runs not finished yet. */
export async function nextFairShareRank(prisma: PrismaClient, userId: string): Promise<number> {
  return 1 + (await prisma.experiment.count({ where: { userId, status: { in: ['QUEUED', 'RUNNING'] } } }));
}
