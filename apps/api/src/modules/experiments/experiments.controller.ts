import {
  SESSION_COOKIE,
  type TExperiment,
  type TExperimentSpec,
  type TExperimentSummary,
  type TListExperimentsQuery,
  type TSubmitExperimentQuery,
  type TSubmitExperimentResponse,
  ZExperiment,
  ZExperimentSpec,
  ZExperimentSummary,
  ZListExperimentsQuery,
  ZSubmitExperimentQuery,
  ZSubmitExperimentResponse,
} from '@dlclass/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { CorrelationId } from '../../common/correlation';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { RateLimit } from '../../common/rate-limit';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { ExperimentsService, type TfjsModelJson } from './experiments.service';

@ApiTags('experiments')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('experiments')
export class ExperimentsController {
  constructor(private readonly service: ExperimentsService) {}

  @Post()
  @HttpCode(202)
  @RateLimit('runs')
  @ApiOperation({
    summary:
      "Soumet un entraînement : il est mis en file d'attente, ou partage l'entraînement identique de la classe (en cours, ou déjà calculé : résultats immédiats ; ?fresh=true pour le refaire)",
  })
  @ApiQuery({ name: 'fresh', required: false, description: 'true : entraîner à nouveau, sans partager' })
  @ApiZodBody(ZExperimentSpec)
  @ApiZodResponse(202, ZSubmitExperimentResponse, "Accepté, avec la place dans la file d'attente")
  @ApiErrors(400, 401, 429, 503)
  submit(
    @Auth() auth: AuthContext,
    @Body(new ZodValidationPipe(ZExperimentSpec)) spec: TExperimentSpec,
    @Query(new ZodValidationPipe(ZSubmitExperimentQuery)) query: TSubmitExperimentQuery,
    @CorrelationId() correlationId: string,
  ): Promise<TSubmitExperimentResponse> {
    return this.service.submit(auth, spec, correlationId, query);
  }

  @Get()
  @ApiOperation({
    summary: 'Mes expériences ; un enseignant voit aussi celles de ses classes (filtre ?classId=)',
  })
  @ApiQuery({ name: 'classId', required: false, description: "Identifiant d'une classe de l'enseignant" })
  @ApiZodResponse(200, ZExperimentSummary.array(), 'Expériences, les plus récentes en premier')
  @ApiErrors(400, 401, 404)
  list(
    @Auth() auth: AuthContext,
    @Query(new ZodValidationPipe(ZListExperimentsQuery)) query: TListExperimentsQuery,
  ): Promise<TExperimentSummary[]> {
    return this.service.list(auth, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Une expérience : spécification, état, métriques par époque, évaluation' })
  @ApiZodResponse(200, ZExperiment, 'Expérience')
  @ApiErrors(401, 404)
  get(@Auth() auth: AuthContext, @Param('id') id: string): Promise<TExperiment> {
    return this.service.get(auth, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: "Annule une expérience en file d'attente ou en cours (arrêt entre deux batchs)" })
  @ApiZodResponse(200, ZExperiment, "L'expérience après la demande d'annulation")
  @ApiErrors(401, 404, 409, 503)
  cancel(@Auth() auth: AuthContext, @Param('id') id: string): Promise<TExperiment> {
    return this.service.cancel(auth, id);
  }

  @Get(':id/model')
  @Header('Cache-Control', 'private, no-cache')
  @ApiOperation({
    summary: 'Le modèle entraîné au format TensorFlow.js (model.json), pour tf.loadLayersModel',
  })
  @ApiResponse({ status: 200, description: 'model.json (format layers-model)' })
  @ApiErrors(401, 404, 409)
  model(@Auth() auth: AuthContext, @Param('id') id: string): Promise<TfjsModelJson> {
    return this.service.modelJson(auth, id);
  }

  @Get(':id/model/weights.bin')
  @Header('Cache-Control', 'private, no-cache')
  @ApiOperation({ summary: 'Les poids du modèle entraîné (octets bruts float32)' })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 200, description: 'weights.bin' })
  @ApiErrors(401, 404, 409)
  async weights(@Auth() auth: AuthContext, @Param('id') id: string): Promise<StreamableFile> {
    // The type goes with the bytes only: an error answer stays JSON (a @Header would apply to it too).
    const weights = await this.service.modelWeights(auth, id);
    return new StreamableFile(weights, { type: 'application/octet-stream', length: weights.byteLength });
  }
}
