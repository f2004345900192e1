import {
  ErrorCode,
  type TAdminClass,
  type TAdminRun,
  type TAdminRunsQuery,
  type TAdminWorker,
  type TPlatformSettings,
  type TQueueStats,
  type TQuotaOverride,
  type TQuotaTarget,
  type TQuotaView,
  type TSubmitExperimentResponse,
  WORKER_HEARTBEAT_TTL_S,
} from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AccessService } from '../../common/access/access.service';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { createLogger } from '../../common/logger';
import { ExperimentsService } from '../experiments/experiments.service';
import { HealthRepository } from '../health/health.repository';
import { AdminRepository } from './admin.repository';
import { QuotasRepository } from './quotas.repository';
import { QuotasService } from './quotas.service';
import { TrainingQueueAdmin } from './training-queue.admin';

const HOUR_MS = 3600_000;

const requireUuid = (id: string) => {
  if (!z.uuid().safeParse(id).success) throw new DomainError(ErrorCode.NotFound);
};

/** The admin pages: workers, queue, runs across every class, settings and quotas. */
@Injectable()
export class AdminService {
  private readonly logger = createLogger(AdminService.name);

  constructor(
    private readonly access: AccessService,
    private readonly repository: AdminRepository,
    private readonly health: HealthRepository,
    private readonly queue: TrainingQueueAdmin,
    private readonly quotas: QuotasService,
    private readonly settingsRepository: QuotasRepository,
    private readonly experiments: ExperimentsService,
  ) {}

  async workers(auth: AuthContext): Promise<TAdminWorker[]> {
    this.access.requireAdmin(auth);
    const heartbeats = await this.health.heartbeats().catch(() => {
      throw new DomainError(ErrorCode.QueueUnavailable);
    });
    return heartbeats
      .map(({ info, ttlMs }) => ({
        id: info.id,
        host: info.host ?? null,
        backend: info.backend,
        device: info.device,
        unavailable: info.unavailable ?? [],
        concurrency: info.concurrency ?? null,
        running: info.running ?? (info.experimentId ? [info.experimentId] : []),
        gpu: info.gpu ?? null,
        startedAt: info.startedAt,
        heartbeatAgeS: Math.max(0, Math.round((WORKER_HEARTBEAT_TTL_S * 1000 - ttlMs) / 100) / 10),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  async queueStats(auth: AuthContext, now = new Date()): Promise<TQueueStats> {
    this.access.requireAdmin(auth);
    const [counts, paused, globalConcurrency, lastHour] = await Promise.all([
      this.queue.counts(),
      this.queue.isPaused(),
      this.queue.globalConcurrency(),
      this.repository.timingsSince(new Date(now.getTime() - HOUR_MS)),
    ]);
    return { counts, paused, globalConcurrency, lastHour };
  }

  async pause(auth: AuthContext): Promise<TQueueStats> {
    this.access.requireAdmin(auth);
    await this.queue.pause();
    this.logger.info({ adminId: auth.user.id }, 'Training queue paused');
    return this.queueStats(auth);
  }

  async resume(auth: AuthContext): Promise<TQueueStats> {
    this.access.requireAdmin(auth);
    await this.queue.resume();
    this.logger.info({ adminId: auth.user.id }, 'Training queue resumed');
    return this.queueStats(auth);
  }

  async runs(auth: AuthContext, query: TAdminRunsQuery): Promise<TAdminRun[]> {
    this.access.requireAdmin(auth);
    return this.repository.runs(query);
  }

  /** The experiments module's own cancel (a queued run withdrawn, a running one stopped by its worker). */
  async cancel(auth: AuthContext, id: string): Promise<void> {
    this.access.requireAdmin(auth);
    requireUuid(id);
    await this.experiments.cancelAny(auth, id);
  }

  async retry(auth: AuthContext, id: string, correlationId: string): Promise<TSubmitExperimentResponse> {
    this.access.requireAdmin(auth);
    requireUuid(id);
    const retried = await this.experiments.retry(id, correlationId);
    this.logger.info({ adminId: auth.user.id, experimentId: id, retryId: retried.id }, 'Failed run retried');
    return retried;
  }

  async settings(auth: AuthContext): Promise<TPlatformSettings> {
    this.access.requireAdmin(auth);
    return this.settingsRepository.settings();
  }

  /** Saved, then applied to the queue at once (and again at every API boot). */
  async saveSettings(auth: AuthContext, settings: TPlatformSettings): Promise<TPlatformSettings> {
    this.access.requireAdmin(auth);
    const saved = await this.settingsRepository.saveSettings(settings);
    await this.queue.applyGlobalConcurrency(saved.globalConcurrency);
    this.logger.info({ adminId: auth.user.id, ...saved }, 'Platform settings saved');
    return saved;
  }

  async classes(auth: AuthContext): Promise<TAdminClass[]> {
    this.access.requireAdmin(auth);
    return this.repository.classes();
  }

  async quota(auth: AuthContext, target: TQuotaTarget, id: string): Promise<TQuotaView> {
    this.access.requireAdmin(auth);
    return target === 'class' ? this.quotas.classQuota(id) : this.quotas.studentQuota(id);
  }

  async setQuota(
    auth: AuthContext,
    target: TQuotaTarget,
    id: string,
    override: TQuotaOverride,
  ): Promise<TQuotaView> {
    this.access.requireAdmin(auth);
    this.logger.info({ adminId: auth.user.id, target, id, ...override }, 'Quota set');
    return target === 'class'
      ? this.quotas.setClassQuota(id, override)
      : this.quotas.setStudentQuota(id, override);
  }

  async clearQuota(auth: AuthContext, target: TQuotaTarget, id: string): Promise<TQuotaView> {
    this.access.requireAdmin(auth);
    return target === 'class' ? this.quotas.clearClassQuota(id) : this.quotas.clearStudentQuota(id);
  }
}
