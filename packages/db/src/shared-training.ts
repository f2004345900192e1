import { type ExperimentKind, ExperimentStatus, Prisma, type PrismaClient } from './generated/prisma/client';

/**
 * Shared trainings: within a class, runs that ask for the same computation (the same training key, see
 * trainingIdentity in @dlclass/contracts) share one training. The run that started it owns its BullMQ job
 * (job id = its id: the training's id); the runs that attached to it while it was queued or running point at
 * it (attachedToId), and get its status, epochs and results as their own. A run that leaves is CANCELLED
 * alone; the job stops when none is left.
 */

/** The runs of one training: the run whose job it is, and those attached to it. */
export const trainingRunsWhere = (trainingId: string) =>
  ({ OR: [{ id: trainingId }, { attachedToId: trainingId }] }) satisfies Prisma.ExperimentWhereInput;

/** The id of the training a run belongs to: its job's id. */
export const trainingIdOf = (run: { id: string; attachedToId: string | null }): string =>
  run.attachedToId ?? run.id;

/**
 * Within a transaction, until it ends: serialises every change to the trainings of one identity in a class (a
 * run attaching, detaching or copying a finished one; the worker moving the runs of a training on), so that a
 * run attaching can never miss a status, an epoch or the results.
 */
export async function lockTrainingIdentity(
  tx: Prisma.TransactionClient,
  classId: string,
  trainingKey: string,
): Promise<void> {
  const lock = `training:${classId}:${trainingKey}`;
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lock}, 0))::text`;
}

/** lockTrainingIdentity for the training's identity; nothing to lock for a run that shares nothing. */
export async function lockTraining(tx: Prisma.TransactionClient, trainingId: string): Promise<void> {
  const shared = await tx.experiment.findFirst({
    where: { ...trainingRunsWhere(trainingId), classId: { not: null }, trainingKey: { not: null } },
    select: { classId: true, trainingKey: true },
  });
  if (shared?.classId && shared.trainingKey)
    await lockTrainingIdentity(tx, shared.classId, shared.trainingKey);
}

/**
 * What a class's run of that identity would share: an identical training queued or running ('live': the run
 * found, its training is trainingIdOf(run)), else an identical run finished with its model ('done': the one to
 * copy, the latest), else nothing. A training the last of its runs is leaving (cancel requested) takes no one
 * new. Under lockTrainingIdentity the answer holds until the transaction ends; without, it is a guess (an
 * estimate).
 */
export async function identicalTraining(
  prisma: Prisma.TransactionClient | PrismaClient,
  identity: { classId: string; trainingKey: string; kind: ExperimentKind },
): Promise<
  | {
      found: 'live';
      run: {
        id: string;
        attachedToId: string | null;
        status: ExperimentStatus;
        backend: string | null;
        device: string | null;
      };
    }
  | { found: 'done'; id: string }
  | null
> {
  const live = await prisma.experiment.findFirst({
    where: {
      ...identity,
      status: { in: [ExperimentStatus.QUEUED, ExperimentStatus.RUNNING] },
      cancelRequested: false,
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, attachedToId: true, status: true, backend: true, device: true },
  });
  if (live) return { found: 'live', run: live };
  const done = await prisma.experiment.findFirst({
    where: { ...identity, status: ExperimentStatus.SUCCEEDED, model: { isNot: null } },
    orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  return done ? { found: 'done', id: done.id } : null;
}

/** Raw SQL: the run aliased `alias` belongs to that training. */
export const inTrainingSql = (alias: string, trainingId: string) =>
  Prisma.sql`(${Prisma.raw(alias)}."id" = ${trainingId}::uuid OR ${Prisma.raw(alias)}."attachedToId" = ${trainingId}::uuid)`;
