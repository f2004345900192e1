import { createHash } from 'node:crypto';
import { studentSeed, type TExperimentSpec, trainingIdentity, withSeed } from '@dlclass/contracts';
import { type ExperimentStatus, SeedMode, trainingIdOf } from '@dlclass/db';
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth.types';
import { ExperimentsRepository, type TrainingSharing } from './experiments.repository';

/** Whose run it is: its class is the student's (none for a teacher's or an admin's). */
export type RunOwner = { userId: string; classId: string | null };
export const ownerOf = (auth: AuthContext): RunOwner => ({
  userId: auth.user.id,
  classId: auth.user.role === 'student' ? auth.user.classId : null,
});

/** What a run would share if submitted now (see identicalTraining in @dlclass/db). */
export type IdenticalTraining =
  | { found: 'live'; trainingId: string; status: ExperimentStatus }
  | { found: 'done' }
  | null;

/**
 * Identical runs of a class share one training (see shared-training.ts in @dlclass/db): how a run gets its
 * effective seed and its training key, for its submission and for its launch-time estimate alike.
 */
@Injectable()
export class SharedTrainingsService {
  constructor(private readonly repository: ExperimentsRepository) {}

  /**
   * A class's network run with its effective seed: its spec's own, else the class's (one seed for the class),
   * else the student's own, derived from the class's (one seed per student); stored in its spec, so that its
   * details show it. With what it may share: in the one-seed-per-student mode every run is trained, and
   * `fresh` (a student's "retrain anyway") trains it anew.
   */
  async seeded(
    owner: RunOwner,
    spec: TExperimentSpec,
    fresh: boolean,
  ): Promise<{ spec: TExperimentSpec; sharing?: TrainingSharing }> {
    const seeding = owner.classId ? await this.repository.classSeeding(owner.classId) : null;
    if (!seeding) return { spec };
    const perStudent = seeding.seedMode === SeedMode.STUDENT;
    const seeded = withSeed(spec, perStudent ? studentSeed(seeding.seed, owner.userId) : seeding.seed);
    const trainingKey = createHash('sha256').update(trainingIdentity(seeded)).digest('hex');
    return { spec: seeded, sharing: { trainingKey, share: !perStudent && !fresh } };
  }

  /** The training a run seeded so (see seeded) would share if submitted now; null: one of its own. */
  async identical(owner: RunOwner, sharing: TrainingSharing | undefined): Promise<IdenticalTraining> {
    if (!owner.classId || !sharing?.share) return null;
    const found = await this.repository.identicalTraining(owner.classId, sharing.trainingKey);
    if (found?.found === 'live')
      return { found: 'live', trainingId: trainingIdOf(found.run), status: found.run.status };
    return found && { found: 'done' };
  }
}
