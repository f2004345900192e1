import {
  ErrorCode,
  effectiveQuota,
  estimateRunSeconds,
  type TLayerSummary,
  type TQuota,
  type TQuotaOverride,
  type TQuotaView,
  type TTrainingConfig,
} from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { QuotasRepository } from './quotas.repository';

/** What a submission asks of the workers; a classical run has no network to size. */
export type RunDemand =
  | { kind: 'network'; parameterCount: number; layers: readonly TLayerSummary[]; training: TTrainingConfig }
  | { kind: 'classical' };

/** A student's run-count limits, checked in the same transaction as the run's creation (see `countRefusal`). */
export interface RunCountLimits {
  concurrentRuns: number;
  runsPerHour: number;
}

/** What a submission may do: train this long, within these count limits (null: not a student, none). */
export interface RunAdmission {
  timeLimitS: number;
  counts: RunCountLimits | null;
}

/** Throws the refusal (429) when the student's runs already reach a count limit. */
export function assertCountsWithin(
  counts: { unfinished: number; lastHour: number },
  limits: RunCountLimits,
): void {
  if (counts.unfinished >= limits.concurrentRuns) {
    throw new DomainError(
      ErrorCode.TooManyRunsAtOnce,
      `Vous avez déjà ${counts.unfinished} runs en attente ou en cours (maximum ${limits.concurrentRuns}) : attendez qu’un run se termine ou annulez-en un.`,
      undefined,
      { limit: limits.concurrentRuns },
    );
  }
  if (counts.lastHour >= limits.runsPerHour) {
    throw new DomainError(
      ErrorCode.TooManyRunsPerHour,
      `Vous avez lancé ${counts.lastHour} runs dans la dernière heure (maximum ${limits.runsPerHour}) : attendez un peu avant d’en lancer un autre.`,
      undefined,
      { limit: limits.runsPerHour },
    );
  }
}

const fr = (value: number) => value.toLocaleString('fr-FR');
const isUuid = (id: string) => z.uuid().safeParse(id).success;

/**
 * Quotas: a student's runs are bounded by their own override, else their class's, else DEFAULT_QUOTA. Teachers
 * and admins are not students: no count limits for them, and the default sizes (spec limits, longest run).
 */
@Injectable()
export class QuotasService {
  constructor(private readonly repository: QuotasRepository) {}

  /**
   * Refuses a run beyond the caller's quota (400 naming the limit, 429 for the counts) and returns the
   * longest it may train, in seconds, for the worker to enforce.
   */
  async admit(auth: AuthContext, demand: RunDemand): Promise<RunAdmission> {
    const { user } = auth;
    const quota = await this.quotaOf({ userId: user.id, classId: user.classId });
    if (demand.kind === 'network') this.assertSize(quota, demand);
    return {
      timeLimitS: quota.maxRunTimeS,
      counts:
        user.role === 'student'
          ? { concurrentRuns: quota.concurrentRuns, runsPerHour: quota.runsPerHour }
          : null,
    };
  }

  /** The longest the owner's runs may train, in seconds. */
  async runTimeLimit(owner: { userId: string; classId: string | null }): Promise<number> {
    return (await this.quotaOf(owner)).maxRunTimeS;
  }

  /** Only students have overrides (an admin sets them): anyone else gets DEFAULT_QUOTA. */
  private async quotaOf(owner: { userId: string; classId: string | null }): Promise<TQuota> {
    return effectiveQuota(...(await this.repository.overridesOfStudent(owner.userId, owner.classId)));
  }

  private assertSize(quota: TQuota, demand: Extract<RunDemand, { kind: 'network' }>): void {
    if (demand.training.epochs > quota.maxEpochs) {
      const message = `${demand.training.epochs} époques demandées : le quota de votre classe est de ${quota.maxEpochs} au plus.`;
      throw new DomainError(ErrorCode.QuotaExceeded, message, [{ field: 'training.epochs', message }], {
        limit: quota.maxEpochs,
      });
    }
    if (demand.parameterCount > quota.maxParameters) {
      const message = `Le modèle a ${fr(demand.parameterCount)} paramètres : le quota de votre classe est de ${fr(quota.maxParameters)} au plus.`;
      throw new DomainError(ErrorCode.QuotaExceeded, message, [{ field: 'model.layers', message }], {
        limit: quota.maxParameters,
      });
    }
    const estimatedS = estimateRunSeconds(demand.layers, demand.training);
    if (estimatedS > quota.maxRunTimeS) {
      const message = `Ce run durerait environ ${fr(Math.ceil(estimatedS / 60))} min, au-delà de la limite de ${fr(Math.floor(quota.maxRunTimeS / 60))} min : réduisez les époques, la taille du jeu d'entraînement ou le modèle.`;
      throw new DomainError(ErrorCode.RunTooLong, message, [{ field: 'training', message }], {
        estimatedSeconds: estimatedS,
        limitSeconds: quota.maxRunTimeS,
      });
    }
  }

  async classQuota(classId: string): Promise<TQuotaView> {
    await this.requireClass(classId);
    const override = await this.repository.override({ classId });
    return { override, inherited: effectiveQuota(), effective: effectiveQuota(override) };
  }

  async studentQuota(userId: string): Promise<TQuotaView> {
    const { classId } = await this.requireStudent(userId);
    const [classOverride = null, override = null] = await this.repository.overridesOfStudent(userId, classId);
    return {
      override,
      inherited: effectiveQuota(classOverride),
      effective: effectiveQuota(classOverride, override),
    };
  }

  async setClassQuota(classId: string, override: TQuotaOverride): Promise<TQuotaView> {
    await this.requireClass(classId);
    await this.repository.setOverride({ classId }, override);
    return this.classQuota(classId);
  }

  async setStudentQuota(userId: string, override: TQuotaOverride): Promise<TQuotaView> {
    await this.requireStudent(userId);
    await this.repository.setOverride({ userId }, override);
    return this.studentQuota(userId);
  }

  async clearClassQuota(classId: string): Promise<TQuotaView> {
    await this.requireClass(classId);
    await this.repository.deleteOverride({ classId });
    return this.classQuota(classId);
  }

  async clearStudentQuota(userId: string): Promise<TQuotaView> {
    await this.requireStudent(userId);
    await this.repository.deleteOverride({ userId });
    return this.studentQuota(userId);
  }

  private async requireClass(classId: string): Promise<void> {
    if (!isUuid(classId) || !(await this.repository.classExists(classId))) {
      throw new DomainError(ErrorCode.NotFound);
    }
  }

  private async requireStudent(userId: string): Promise<{ classId: string | null }> {
    const student = isUuid(userId) ? await this.repository.studentClass(userId) : null;
    if (!student) throw new DomainError(ErrorCode.NotFound);
    return student;
  }
}
