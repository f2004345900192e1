import {
  SESSION_COOKIE,
  type TExperimentSpec,
  type TRunEstimate,
  ZExperimentSpec,
  ZRunEstimate,
} from '@dlclass/contracts';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
      "Estime, avant de le soumettre, la durée d'un entraînement et quand il commencerait dans la file actuelle",
  })
  @ApiZodBody(ZExperimentSpec)
  @ApiZodResponse(
    200,
    ZRunEstimate,
    'Durée estimée, début estimé et base de l’estimation (mesurée ou a priori)',
  )
  @ApiErrors(400, 401, 429)
  estimate(
    @Auth() auth: AuthContext,
    @Body(new ZodValidationPipe(ZExperimentSpec)) spec: TExperimentSpec,
  ): Promise<TRunEstimate> {
    return this.service.estimate(auth, spec);
  }
}
