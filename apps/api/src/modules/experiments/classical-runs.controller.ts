import {
  SESSION_COOKIE,
  type TClassicalRun,
  type TClassicalRunSummary,
  type TClassicalSpec,
  type TListExperimentsQuery,
  type TRealWorldDrawing,
  type TSubmitExperimentResponse,
  ZClassicalRun,
  ZClassicalRunSummary,
  ZClassicalSpec,
  ZListExperimentsQuery,
  ZRealWorldDrawing,
  ZSubmitExperimentResponse,
} from '@dlclass/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { CorrelationId } from '../../common/correlation';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { RateLimit } from '../../common/rate-limit';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { ExperimentsService } from './experiments.service';

/** Classical models (random forest, k-NN, logistic regression): queued and trained like networks. */
@ApiTags('experiments')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('classical-runs')
export class ClassicalRunsController {
  constructor(private readonly service: ExperimentsService) {}

  @Post()
  @HttpCode(202)
  @RateLimit('classicalRuns')
  @ApiOperation({ summary: "Soumet l'entraînement d'un modèle classique : il est mis en file d'attente" })
  @ApiZodBody(ZClassicalSpec)
  @ApiZodResponse(202, ZSubmitExperimentResponse, "Accepté, avec la place dans la file d'attente")
  @ApiErrors(400, 401, 429, 503)
  submit(
    @Auth() auth: AuthContext,
    @Body(new ZodValidationPipe(ZClassicalSpec)) spec: TClassicalSpec,
    @CorrelationId() correlationId: string,
  ): Promise<TSubmitExperimentResponse> {
    return this.service.submitClassical(auth, spec, correlationId);
  }

  @Get()
  @ApiOperation({
    summary: 'Mes modèles classiques ; un enseignant voit aussi ceux de ses classes (filtre ?classId=)',
  })
  @ApiQuery({ name: 'classId', required: false, description: "Identifiant d'une classe de l'enseignant" })
  @ApiZodResponse(200, ZClassicalRunSummary.array(), 'Modèles classiques, les plus récents en premier')
  @ApiErrors(400, 401, 404)
  list(
    @Auth() auth: AuthContext,
    @Query(new ZodValidationPipe(ZListExperimentsQuery)) query: TListExperimentsQuery,
  ): Promise<TClassicalRunSummary[]> {
    return this.service.listClassical(auth, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Un modèle classique : spécification, état, évaluation, erreurs fréquentes, temps',
  })
  @ApiZodResponse(200, ZClassicalRun, 'Modèle classique')
  @ApiErrors(401, 404)
  get(@Auth() auth: AuthContext, @Param('id') id: string): Promise<TClassicalRun> {
    return this.service.getClassical(auth, id);
  }

  @Get(':id/real-world')
  @ApiOperation({
    summary:
      'Les dessins de la classe (avec consentement) sur lesquels le modèle classique a été testé, et ses réponses',
  })
  @ApiZodResponse(200, ZRealWorldDrawing.array(), 'Dessins, les plus récents en premier')
  @ApiErrors(401, 404)
  realWorld(@Auth() auth: AuthContext, @Param('id') id: string): Promise<TRealWorldDrawing[]> {
    return this.service.realWorld(auth, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Annule un modèle classique en file d'attente ou en cours (en cours : à la fin de son ajustement)",
  })
  @ApiZodResponse(200, ZClassicalRun, "Le modèle après la demande d'annulation")
  @ApiErrors(401, 404, 409, 503)
  cancel(@Auth() auth: AuthContext, @Param('id') id: string): Promise<TClassicalRun> {
    return this.service.cancelClassical(auth, id);
  }
}
