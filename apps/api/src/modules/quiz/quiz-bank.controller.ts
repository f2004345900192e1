import {
  SESSION_COOKIE,
  type TQuizBankImportRequest,
  type TQuizBankState,
  ZQuizBankImportRequest,
  ZQuizBankState,
} from '@dlclass/contracts';
import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { QuizBankService } from './quiz-bank.service';

@ApiTags('quiz')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('classes/:classId/quiz-bank')
export class QuizBankController {
  constructor(private readonly service: QuizBankService) {}

  @Get()
  @ApiOperation({ summary: 'Les questions du QCM de la classe : celles de la séance ou celles importées' })
  @ApiZodResponse(200, ZQuizBankState, 'La banque de la classe (le Markdown quand elle est importée)')
  @ApiErrors(401, 403, 404)
  state(@Auth() auth: AuthContext, @Param('classId') classId: string): Promise<TQuizBankState> {
    return this.service.state(auth, classId);
  }

  @Put()
  @ApiOperation({
    summary:
      'Importe le QCM de l’enseignant écrit en Markdown (un titre par question, - [ ] / - [x] par option)',
    description:
      'Un fichier avec des erreurs ne change rien : 400 avec une erreur par ligne fautive dans fields, ' +
      'et details.errors = [{line, message}]. 409 QUIZ_BANK_IN_USE une fois le QCM commencé par un élève.',
  })
  @ApiZodBody(ZQuizBankImportRequest)
  @ApiZodResponse(200, ZQuizBankState, 'Le QCM importé')
  @ApiErrors(400, 401, 403, 404, 409)
  import(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Body(new ZodValidationPipe(ZQuizBankImportRequest)) body: TQuizBankImportRequest,
  ): Promise<TQuizBankState> {
    return this.service.import(auth, classId, body.markdown);
  }

  @Delete()
  @ApiOperation({ summary: 'Revient aux questions de la séance' })
  @ApiZodResponse(200, ZQuizBankState, 'La banque par défaut')
  @ApiErrors(401, 403, 404, 409)
  reset(@Auth() auth: AuthContext, @Param('classId') classId: string): Promise<TQuizBankState> {
    return this.service.reset(auth, classId);
  }
}
