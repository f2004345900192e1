import {
  ErrorCode,
  SESSION_COOKIE,
  type TDeliverable,
  type TPlacementCheck,
  type TSaveDeliverableRequest,
  type TSaveDeliverableResponse,
  type TSubmitDeliverableRequest,
  WORKSHEET_ACTIVITY,
  WORKSHEET_KINDS,
  ZDeliverable,
  ZPlacementCheck,
  ZSaveDeliverableRequest,
  ZSaveDeliverableResponse,
  ZSubmitDeliverableRequest,
} from '@dlclass/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { DeliverablesService } from './deliverables.service';

/** The activity whose record a `:kind` of the routes names (404, listing the kinds, for any other). */
function activityOf(kind: string): string {
  if (!Object.hasOwn(WORKSHEET_ACTIVITY, kind))
    throw new DomainError(
      ErrorCode.NotFound,
      `Type de livrable inconnu « ${kind} » : ${WORKSHEET_KINDS.join(', ')}.`,
    );
  return WORKSHEET_ACTIVITY[kind as keyof typeof WORKSHEET_ACTIVITY];
}

@ApiTags('deliverables')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller()
export class DeliverablesController {
  constructor(private readonly service: DeliverablesService) {}

  @Get('deliverables/:kind')
  @ApiOperation({
    summary:
      "Mes réponses à une activité (version 0 vide si rien n'est enregistré), avec les valeurs mesurées",
  })
  @ApiZodResponse(200, ZDeliverable, 'Le livrable ou la fiche')
  @ApiErrors(401, 404)
  get(@Auth() auth: AuthContext, @Param('kind') kind: string): Promise<TDeliverable> {
    return this.service.get(auth, activityOf(kind));
  }

  @Put('deliverables/:kind')
  @ApiOperation({
    summary: 'Enregistre le brouillon (version + 1) ; 409 STALE_VERSION si une version plus récente existe',
  })
  @ApiZodBody(ZSaveDeliverableRequest)
  @ApiZodResponse(200, ZSaveDeliverableResponse, 'Enregistré')
  @ApiErrors(400, 401, 403, 404, 409)
  save(
    @Auth() auth: AuthContext,
    @Param('kind') kind: string,
    @Body(new ZodValidationPipe(ZSaveDeliverableRequest)) body: TSaveDeliverableRequest,
  ): Promise<TSaveDeliverableResponse> {
    return this.service.save(auth, activityOf(kind), body);
  }

  @Post('deliverables/:kind/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rend le livrable (idempotent) : il reste en lecture seule ensuite' })
  @ApiZodBody(ZSubmitDeliverableRequest)
  @ApiZodResponse(200, ZDeliverable, 'Le livrable rendu')
  @ApiErrors(400, 401, 404, 409)
  submit(
    @Auth() auth: AuthContext,
    @Param('kind') kind: string,
    @Body(new ZodValidationPipe(ZSubmitDeliverableRequest)) body: TSubmitDeliverableRequest,
  ): Promise<TDeliverable> {
    return this.service.submit(auth, activityOf(kind), body);
  }

  @Post('deliverables/:kind/check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Vérifie les étiquettes placées sur le schéma (réponses enregistrées)' })
  @ApiZodResponse(200, ZPlacementCheck, 'Étiquettes bien placées')
  @ApiErrors(400, 401, 404)
  check(@Auth() auth: AuthContext, @Param('kind') kind: string): Promise<TPlacementCheck> {
    return this.service.checkPlacement(auth, activityOf(kind));
  }
}
