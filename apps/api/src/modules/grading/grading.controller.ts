import {
  SESSION_COOKIE,
  type TGrade,
  type TGradingDetail,
  type TGradingItem,
  type TRubric,
  type TSaveGradeRequest,
  type TSaveRubricRequest,
  type TStudentReport,
  ZGrade,
  ZGradingDetail,
  ZGradingItem,
  ZRubric,
  ZSaveGradeRequest,
  ZSaveRubricRequest,
  ZStudentReport,
} from '@dlclass/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { GradingService } from './grading.service';

@ApiTags('grading')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('classes/:classId')
export class GradingController {
  constructor(private readonly service: GradingService) {}

  @Get('rubrics')
  @ApiOperation({
    summary: 'Les grilles de la classe, une par livrable noté (celle de la séance par défaut)',
  })
  @ApiZodResponse(200, ZRubric.array(), 'Les grilles')
  @ApiErrors(401, 403, 404)
  rubrics(@Auth() auth: AuthContext, @Param('classId') classId: string): Promise<TRubric[]> {
    return this.service.rubrics(auth, classId);
  }

  @Put('rubrics/:kind')
  @ApiOperation({
    summary: 'Remplace la grille d’un livrable pour la classe (les notes commencées gardent la leur)',
  })
  @ApiZodBody(ZSaveRubricRequest)
  @ApiZodResponse(200, ZRubric, 'La grille enregistrée')
  @ApiErrors(400, 401, 403, 404)
  saveRubric(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Param('kind') kind: string,
    @Body(new ZodValidationPipe(ZSaveRubricRequest)) body: TSaveRubricRequest,
  ): Promise<TRubric> {
    return this.service.saveRubric(auth, classId, kind, body);
  }

  @Delete('rubrics/:kind')
  @ApiOperation({ summary: 'Revient à la grille de la séance pour ce livrable' })
  @ApiZodResponse(200, ZRubric, 'La grille par défaut')
  @ApiErrors(401, 403, 404)
  resetRubric(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Param('kind') kind: string,
  ): Promise<TRubric> {
    return this.service.resetRubric(auth, classId, kind);
  }

  @Get('deliverables')
  @ApiOperation({
    summary: 'La file de correction : les livrables rendus, les plus anciens à corriger en premier',
  })
  @ApiZodResponse(200, ZGradingItem.array(), 'Les livrables rendus')
  @ApiErrors(401, 403, 404)
  queue(@Auth() auth: AuthContext, @Param('classId') classId: string): Promise<TGradingItem[]> {
    return this.service.queue(auth, classId);
  }

  @Get('deliverables/:deliverableId')
  @ApiOperation({ summary: 'Un livrable rendu à corriger : le travail de l’élève, la grille et la note' })
  @ApiZodResponse(200, ZGradingDetail, 'Le livrable et sa correction')
  @ApiErrors(401, 403, 404)
  detail(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Param('deliverableId') deliverableId: string,
  ): Promise<TGradingDetail> {
    return this.service.detail(auth, classId, deliverableId);
  }

  @Put('deliverables/:deliverableId/grade')
  @ApiOperation({ summary: 'Enregistre la correction : points par critère, commentaires, compétences' })
  @ApiZodBody(ZSaveGradeRequest)
  @ApiZodResponse(200, ZGrade, 'La correction enregistrée')
  @ApiErrors(400, 401, 403, 404, 409)
  saveGrade(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Param('deliverableId') deliverableId: string,
    @Body(new ZodValidationPipe(ZSaveGradeRequest)) body: TSaveGradeRequest,
  ): Promise<TGrade> {
    return this.service.saveGrade(auth, classId, deliverableId, body);
  }

  @Post('deliverables/:deliverableId/finalise')
  @HttpCode(200)
  @ApiOperation({ summary: 'Finalise la note : l’élève la voit avec les commentaires' })
  @ApiZodResponse(200, ZGradingDetail, 'Le livrable noté')
  @ApiErrors(400, 401, 403, 404, 409)
  finalise(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Param('deliverableId') deliverableId: string,
  ): Promise<TGradingDetail> {
    return this.service.finalise(auth, classId, deliverableId);
  }

  @Get('grades.csv')
  @ApiOperation({
    summary: 'Les notes de la classe en CSV (UTF-8 avec BOM, « ; ») : livrables, QCM sur 20, compétences',
  })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'notes-<classe>.csv' })
  @ApiErrors(401, 404)
  async gradesCsv(@Auth() auth: AuthContext, @Param('classId') classId: string): Promise<StreamableFile> {
    // Headers go with the file only: an error answer stays JSON.
    const { fileName, csv } = await this.service.gradesCsv(auth, classId);
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
    });
  }

  @Get('students/:studentId/report')
  @ApiOperation({ summary: 'Le bilan imprimable d’un élève : notes, commentaires, QCM, compétences' })
  @ApiZodResponse(200, ZStudentReport, 'Le bilan')
  @ApiErrors(401, 404)
  report(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Param('studentId') studentId: string,
  ): Promise<TStudentReport> {
    return this.service.report(auth, classId, studentId);
  }

  @Post('deliverables/:deliverableId/return')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Renvoie le livrable pour révision : l’élève voit les commentaires et peut le modifier',
  })
  @ApiZodResponse(200, ZGradingDetail, 'Le livrable renvoyé')
  @ApiErrors(401, 403, 404)
  giveBack(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Param('deliverableId') deliverableId: string,
  ): Promise<TGradingDetail> {
    return this.service.giveBack(auth, classId, deliverableId);
  }
}
