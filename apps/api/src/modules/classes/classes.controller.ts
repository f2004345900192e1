import {
  SESSION_COOKIE,
  type TClass,
  type TCreateClassRequest,
  type TPinReset,
  type TRosterStudent,
  type TUpdateClassRequest,
  ZClass,
  ZCreateClassRequest,
  ZPinReset,
  ZRosterStudent,
  ZUpdateClassRequest,
} from '@dlclass/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { ClassesService } from './classes.service';

@ApiTags('classes')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('classes')
export class ClassesController {
  constructor(private readonly service: ClassesService) {}

  @Get()
  @ApiOperation({
    summary: "Les classes de l'enseignant (toutes pour un administrateur), avec code et élèves",
  })
  @ApiZodResponse(200, ZClass.array(), 'Classes')
  @ApiErrors(401)
  list(@Auth() auth: AuthContext): Promise<TClass[]> {
    return this.service.list(auth);
  }

  @Post()
  @ApiOperation({ summary: 'Crée une classe, avec un nouveau code pour la rejoindre' })
  @ApiZodBody(ZCreateClassRequest)
  @ApiZodResponse(201, ZClass, 'La classe créée')
  @ApiErrors(400, 401, 403)
  create(
    @Auth() auth: AuthContext,
    @Body(new ZodValidationPipe(ZCreateClassRequest)) body: TCreateClassRequest,
  ): Promise<TClass> {
    return this.service.create(auth, body);
  }

  @Patch(':classId')
  @ApiOperation({
    summary: 'Renomme, archive ou désarchive une classe, ou choisit la graine de ses entraînements',
  })
  @ApiZodBody(ZUpdateClassRequest)
  @ApiZodResponse(200, ZClass, 'La classe modifiée')
  @ApiErrors(400, 401, 403, 404)
  update(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Body(new ZodValidationPipe(ZUpdateClassRequest)) body: TUpdateClassRequest,
  ): Promise<TClass> {
    return this.service.update(auth, classId, body);
  }

  @Post(':classId/code')
  @HttpCode(200)
  @ApiOperation({ summary: "Donne un nouveau code à la classe : l'ancien ne permet plus de la rejoindre" })
  @ApiZodResponse(200, ZClass, 'La classe avec son nouveau code')
  @ApiErrors(401, 403, 404)
  regenerateCode(@Auth() auth: AuthContext, @Param('classId') classId: string): Promise<TClass> {
    return this.service.regenerateCode(auth, classId);
  }

  @Get(':classId/students')
  @ApiOperation({ summary: 'Les élèves de la classe, avec leurs expériences et leurs travaux' })
  @ApiZodResponse(200, ZRosterStudent.array(), 'Élèves, dans leur ordre d’arrivée')
  @ApiErrors(401, 404)
  roster(@Auth() auth: AuthContext, @Param('classId') classId: string): Promise<TRosterStudent[]> {
    return this.service.roster(auth, classId);
  }

  @Post(':classId/students/:studentId/pin')
  @HttpCode(200)
  @ApiOperation({ summary: "Donne un nouveau code PIN à l'élève (affiché une seule fois)" })
  @ApiZodResponse(200, ZPinReset, 'Le nouveau code PIN')
  @ApiErrors(401, 403, 404)
  resetPin(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Param('studentId') studentId: string,
  ): Promise<TPinReset> {
    return this.service.resetPin(auth, classId, studentId);
  }

  @Delete(':classId/students/:studentId')
  @HttpCode(204)
  @ApiOperation({ summary: "Retire l'élève de la classe, avec toutes ses expériences et tous ses travaux" })
  @ApiResponse({ status: 204, description: 'Élève retiré' })
  @ApiErrors(401, 403, 404)
  removeStudent(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Param('studentId') studentId: string,
  ): Promise<void> {
    return this.service.removeStudent(auth, classId, studentId);
  }
}
