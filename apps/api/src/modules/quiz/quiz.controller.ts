import {
  SESSION_COOKIE,
  type TQuizAnswerRequest,
  type TQuizAnswerResponse,
  type TQuizAttempt,
  type TQuizClassResults,
  type TQuizOverview,
  type TQuizResult,
  type TQuizSettings,
  type TQuizSubmitRequest,
  ZQuizAnswerRequest,
  ZQuizAnswerResponse,
  ZQuizAttempt,
  ZQuizClassResults,
  ZQuizOverview,
  ZQuizResult,
  ZQuizSettings,
  ZQuizSubmitRequest,
} from '@dlclass/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { QuizService } from './quiz.service';

@ApiTags('quiz')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller()
export class QuizController {
  constructor(private readonly service: QuizService) {}

  @Get('classes/:classId/quiz-settings')
  @ApiOperation({ summary: 'Les réglages du QCM de la classe (son enseignant)' })
  @ApiZodResponse(200, ZQuizSettings, 'Réglages (ceux par défaut tant que rien n’est enregistré)')
  @ApiErrors(401, 403, 404)
  getSettings(@Auth() auth: AuthContext, @Param('classId') classId: string): Promise<TQuizSettings> {
    return this.service.getSettings(auth, classId);
  }

  @Put('classes/:classId/quiz-settings')
  @ApiOperation({
    summary: 'Règle le QCM de la classe : durée, tentatives, nombre de questions, moment de la correction',
  })
  @ApiZodBody(ZQuizSettings)
  @ApiZodResponse(200, ZQuizSettings, 'Réglages enregistrés')
  @ApiErrors(400, 401, 403, 404)
  setSettings(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Body(new ZodValidationPipe(ZQuizSettings)) settings: TQuizSettings,
  ): Promise<TQuizSettings> {
    return this.service.setSettings(auth, classId, settings);
  }

  @Get('classes/:classId/quiz/results')
  @ApiOperation({
    summary:
      'Les résultats du QCM de la classe (son enseignant) : note retenue par élève, analyse de chaque question',
  })
  @ApiZodResponse(
    200,
    ZQuizClassResults,
    'Notes, moyenne et médiane, facilité et discrimination par question',
  )
  @ApiErrors(401, 403, 404)
  classResults(@Auth() auth: AuthContext, @Param('classId') classId: string): Promise<TQuizClassResults> {
    return this.service.classResults(auth, classId);
  }

  @Get('quiz')
  @ApiOperation({ summary: 'Mon QCM : réglages, tentative en cours, résultats (élève)' })
  @ApiZodResponse(200, ZQuizOverview, 'Le QCM de l’élève')
  @ApiErrors(401, 403)
  overview(@Auth() auth: AuthContext): Promise<TQuizOverview> {
    return this.service.overview(auth);
  }

  @Post('quiz/attempt')
  @HttpCode(200)
  @ApiOperation({ summary: 'Commence une tentative, ou renvoie celle en cours' })
  @ApiZodResponse(200, ZQuizAttempt, 'La tentative : questions et options dans son ordre, sans la correction')
  @ApiErrors(401, 403, 409)
  start(@Auth() auth: AuthContext): Promise<TQuizAttempt> {
    return this.service.start(auth);
  }

  @Put('quiz/attempt/answers/:questionId')
  @ApiOperation({
    summary:
      'Enregistre la réponse à une question de la tentative en cours (jusqu’à l’heure limite et un court délai)',
  })
  @ApiZodBody(ZQuizAnswerRequest)
  @ApiZodResponse(200, ZQuizAnswerResponse, 'Réponse enregistrée')
  @ApiErrors(400, 401, 403, 404, 409)
  answer(
    @Auth() auth: AuthContext,
    @Param('questionId') questionId: string,
    @Body(new ZodValidationPipe(ZQuizAnswerRequest)) request: TQuizAnswerRequest,
  ): Promise<TQuizAnswerResponse> {
    return this.service.answer(auth, questionId, request);
  }

  @Post('quiz/attempt/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rend la tentative en cours et donne le résultat (rendre deux fois donne le même)',
  })
  @ApiZodBody(ZQuizSubmitRequest)
  @ApiZodResponse(200, ZQuizResult, 'Résultat, avec la correction si les réglages la montrent')
  @ApiErrors(400, 401, 403, 404, 409)
  submit(
    @Auth() auth: AuthContext,
    @Body(new ZodValidationPipe(ZQuizSubmitRequest)) request: TQuizSubmitRequest,
  ): Promise<TQuizResult> {
    return this.service.submit(auth, request);
  }
}
