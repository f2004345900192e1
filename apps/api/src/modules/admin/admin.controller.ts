import {
  SESSION_COOKIE,
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
  ZAdminClass,
  ZAdminRun,
  ZAdminRunsQuery,
  ZAdminWorker,
  ZPlatformSettings,
  ZQueueStats,
  ZQuotaOverride,
  ZQuotaTarget,
  ZQuotaView,
  ZSubmitExperimentResponse,
} from '@dlclass/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { CorrelationId } from '../../common/correlation';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { AdminService } from './admin.service';

/** Every route: admins only (anyone else signed in: 403). */
@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('admin')
export class AdminController {
  constructor(private readonly service: AdminService) {}

  @Get('workers')
  @ApiOperation({ summary: 'Les workers vivants : machine, backend, GPU, runs en cours, âge du heartbeat' })
  @ApiZodResponse(200, ZAdminWorker.array(), 'Workers')
  @ApiErrors(401, 403, 503)
  workers(@Auth() auth: AuthContext): Promise<TAdminWorker[]> {
    return this.service.workers(auth);
  }

  @Get('queue')
  @ApiOperation({
    summary: "La file d'entraînement : compteurs, pause, attente et durée moyennes sur l'heure",
  })
  @ApiZodResponse(200, ZQueueStats, 'Statistiques de la file')
  @ApiErrors(401, 403, 503)
  queue(@Auth() auth: AuthContext): Promise<TQueueStats> {
    return this.service.queueStats(auth);
  }

  @Post('queue/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Met la file en pause : les runs en cours finissent, aucun autre ne démarre' })
  @ApiZodResponse(200, ZQueueStats, 'La file, en pause')
  @ApiErrors(401, 403, 503)
  pause(@Auth() auth: AuthContext): Promise<TQueueStats> {
    return this.service.pause(auth);
  }

  @Post('queue/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reprend la file' })
  @ApiZodResponse(200, ZQueueStats, 'La file, reprise')
  @ApiErrors(401, 403, 503)
  resume(@Auth() auth: AuthContext): Promise<TQueueStats> {
    return this.service.resume(auth);
  }

  @Get('runs')
  @ApiOperation({ summary: 'Les derniers runs de toutes les classes, les runs en cours en premier' })
  @ApiZodResponse(200, ZAdminRun.array(), 'Runs')
  @ApiErrors(400, 401, 403)
  runs(
    @Auth() auth: AuthContext,
    @Query(new ZodValidationPipe(ZAdminRunsQuery)) query: TAdminRunsQuery,
  ): Promise<TAdminRun[]> {
    return this.service.runs(auth, query);
  }

  @Post('runs/:id/cancel')
  @HttpCode(204)
  @ApiOperation({ summary: 'Annule un run (réseau ou classique), en attente ou en cours' })
  @ApiErrors(401, 403, 404, 409, 503)
  cancel(@Auth() auth: AuthContext, @Param('id') id: string): Promise<void> {
    return this.service.cancel(auth, id);
  }

  @Post('runs/:id/retry')
  @HttpCode(201)
  @ApiOperation({
    summary: "Relance un run en échec : un nouveau run, même spec, même élève (l'ancien reste)",
  })
  @ApiZodResponse(201, ZSubmitExperimentResponse, 'Le nouveau run, en attente')
  @ApiErrors(401, 403, 404, 409, 503)
  retry(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @CorrelationId() correlationId: string,
  ): Promise<TSubmitExperimentResponse> {
    return this.service.retry(auth, id, correlationId);
  }

  @Get('settings')
  @ApiOperation({ summary: 'Réglages de la plateforme (concurrence globale des workers)' })
  @ApiZodResponse(200, ZPlatformSettings, 'Réglages')
  @ApiErrors(401, 403)
  settings(@Auth() auth: AuthContext): Promise<TPlatformSettings> {
    return this.service.settings(auth);
  }

  @Put('settings')
  @ApiOperation({ summary: 'Change les réglages ; la concurrence globale s’applique aussitôt à la file' })
  @ApiZodBody(ZPlatformSettings)
  @ApiZodResponse(200, ZPlatformSettings, 'Réglages enregistrés')
  @ApiErrors(400, 401, 403, 503)
  saveSettings(
    @Auth() auth: AuthContext,
    @Body(new ZodValidationPipe(ZPlatformSettings)) settings: TPlatformSettings,
  ): Promise<TPlatformSettings> {
    return this.service.saveSettings(auth, settings);
  }

  @Get('classes')
  @ApiOperation({ summary: 'Les classes et leurs élèves, pour les quotas' })
  @ApiZodResponse(200, ZAdminClass.array(), 'Classes')
  @ApiErrors(401, 403)
  classes(@Auth() auth: AuthContext): Promise<TAdminClass[]> {
    return this.service.classes(auth);
  }

  @Get('quotas/:target/:id')
  @ApiOperation({ summary: "Le quota d'une classe (target=class) ou d'un élève (target=student)" })
  @ApiZodResponse(200, ZQuotaView, 'Surcharge et quota effectif')
  @ApiErrors(401, 403, 404)
  quota(
    @Auth() auth: AuthContext,
    @Param('target', new ZodValidationPipe(ZQuotaTarget)) target: TQuotaTarget,
    @Param('id') id: string,
  ): Promise<TQuotaView> {
    return this.service.quota(auth, target, id);
  }

  @Put('quotas/:target/:id')
  @ApiOperation({ summary: 'Surcharge le quota ; un champ null hérite (de la classe, puis des défauts)' })
  @ApiZodBody(ZQuotaOverride)
  @ApiZodResponse(200, ZQuotaView, 'Surcharge et quota effectif')
  @ApiErrors(400, 401, 403, 404)
  setQuota(
    @Auth() auth: AuthContext,
    @Param('target', new ZodValidationPipe(ZQuotaTarget)) target: TQuotaTarget,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(ZQuotaOverride)) override: TQuotaOverride,
  ): Promise<TQuotaView> {
    return this.service.setQuota(auth, target, id, override);
  }

  @Delete('quotas/:target/:id')
  @ApiOperation({ summary: 'Supprime la surcharge : le quota hérité s’applique' })
  @ApiZodResponse(200, ZQuotaView, 'Quota effectif')
  @ApiErrors(401, 403, 404)
  clearQuota(
    @Auth() auth: AuthContext,
    @Param('target', new ZodValidationPipe(ZQuotaTarget)) target: TQuotaTarget,
    @Param('id') id: string,
  ): Promise<TQuotaView> {
    return this.service.clearQuota(auth, target, id);
  }
}
