import {
  SESSION_COOKIE,
  type TExperimentSpec,
  type TRunEstimate,
  type TSubmitExperimentQuery,
  ZExperimentSpec,
  ZRunEstimate,
  ZSubmitExperimentQuery,
} from '@dlclass/contracts';
import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { RateLimit } from '../../common/rate-limit';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { RunEstimatesService } from './run-estimates.service';

@ApiTags('experiments')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('experiments')
export class RunEstimatesController {
  constructor(private readonly service: RunEstimatesService) {}

  @Post('estimate')
  @HttpCode(200)
  @RateLimit('estimates')
  @ApiOperation({
    summary:
      "Estime, avant de le soumettre, la durée d'un entraînement et quand il commencerait dans la file actuelle ; s'il partagerait l'entraînement identique de la classe (en cours ou en file : ses temps ; déjà calculé : immédiat), il le dit (sharing)",
  })
  @ApiQuery({
    name: 'fresh',
    required: false,
    description: 'true : estimer un nouvel entraînement, sans partager',
  })
  @ApiZodBody(ZExperimentSpec)
  @ApiZodResponse(
    200,
    ZRunEstimate,
    'Durée estimée, début estimé, base de l’estimation (mesurée ou a priori) et entraînement partagé',
  )
  @ApiErrors(400, 401, 429)
  estimate(
    @Auth() auth: AuthContext,
    @Body(new ZodValidationPipe(ZExperimentSpec)) spec: TExperimentSpec,
    @Query(new ZodValidationPipe(ZSubmitExperimentQuery)) query: TSubmitExperimentQuery,
  ): Promise<TRunEstimate> {
    return this.service.estimate(auth, spec, query);
  }
}
