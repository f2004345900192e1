import { PUBLIC_CONTENT, type TPublicContent } from '@dlclass/content';
import {
  SESSION_COOKIE,
  type TBroadcastRequest,
  type TClassRunDefaults,
  type TLessonQuery,
  type TLessonState,
  type TSetPhaseLockRequest,
  ZBroadcastRequest,
  ZClassRunDefaults,
  ZLessonQuery,
  ZLessonState,
  ZPublicContent,
  ZSetPhaseLockRequest,
} from '@dlclass/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { ContentService } from './content.service';

@ApiTags('lesson')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller()
export class ContentController {
  constructor(private readonly service: ContentService) {}

  @Get('content')
  @ApiOperation({
    summary:
      'Le contenu de la séance : phases, modèles des fiches, démonstrations, missions, glossaire, ' +
      'auto-évaluation — sans les réponses (ni QCM, ni emplacement des étiquettes du schéma)',
  })
  @ApiZodResponse(200, ZPublicContent, 'Le contenu, typé par TPublicContent de @dlclass/content')
  @ApiErrors(401)
  content(): TPublicContent {
    return PUBLIC_CONTENT;
  }

  @Get('lesson')
  @ApiOperation({
    summary: 'La séance : phases ouvertes ou verrouillées et, pour un élève, sa progression par activité',
  })
  @ApiQuery({ name: 'classId', required: false, description: 'Obligatoire pour un enseignant' })
  @ApiZodResponse(200, ZLessonState, 'État de la séance')
  @ApiErrors(400, 401, 404)
  lesson(
    @Auth() auth: AuthContext,
    @Query(new ZodValidationPipe(ZLessonQuery)) query: TLessonQuery,
  ): Promise<TLessonState> {
    return this.service.lesson(auth, query);
  }

  @Put('classes/:classId/phases/:number')
  @ApiOperation({ summary: 'Verrouille ou ouvre une phase pour la classe (les élèves le voient en direct)' })
  @ApiZodBody(ZSetPhaseLockRequest)
  @ApiZodResponse(200, ZLessonState, 'État de la séance après le changement')
  @ApiErrors(400, 401, 403, 404)
  setPhaseLock(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Param('number') phaseNumber: string,
    @Body(new ZodValidationPipe(ZSetPhaseLockRequest)) body: TSetPhaseLockRequest,
  ): Promise<TLessonState> {
    return this.service.setPhaseLock(auth, classId, phaseNumber, body);
  }

  @Post('classes/:classId/broadcast')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Envoie un message et/ou un modèle à tous les élèves de la classe (en direct, et gardé)',
  })
  @ApiZodBody(ZBroadcastRequest)
  @ApiZodResponse(200, ZLessonState, 'État de la séance, avec la diffusion')
  @ApiErrors(400, 401, 403, 404)
  broadcast(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Body(new ZodValidationPipe(ZBroadcastRequest)) body: TBroadcastRequest,
  ): Promise<TLessonState> {
    return this.service.broadcast(auth, classId, body);
  }

  @Put('classes/:classId/run-defaults')
  @ApiOperation({
    summary:
      "Règle la taille d'entraînement par défaut de la classe (époques, images) pour le Hello World et le défi guidé",
  })
  @ApiZodBody(ZClassRunDefaults)
  @ApiZodResponse(200, ZLessonState, 'État de la séance, avec la taille par défaut')
  @ApiErrors(400, 401, 403, 404)
  setRunDefaults(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Body(new ZodValidationPipe(ZClassRunDefaults)) body: TClassRunDefaults,
  ): Promise<TLessonState> {
    return this.service.setRunDefaults(auth, classId, body);
  }
}
