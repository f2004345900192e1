import {
  SESSION_COOKIE,
  type TDrawing,
  type TDrawingRequest,
  ZDrawing,
  ZDrawingRequest,
} from '@dlclass/contracts';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { DrawingsService } from './drawings.service';

@ApiTags('experiments')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('experiments/:id/drawings')
export class DrawingsController {
  constructor(private readonly service: DrawingsService) {}

  @Post()
  @ApiOperation({ summary: "Enregistre un chiffre dessiné par l'élève et la réponse de son modèle" })
  @ApiZodBody(ZDrawingRequest)
  @ApiZodResponse(201, ZDrawing, 'Le dessin enregistré (sans ses pixels)')
  @ApiErrors(400, 401, 404)
  create(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(ZDrawingRequest)) body: TDrawingRequest,
  ): Promise<TDrawing> {
    return this.service.create(auth, id, body);
  }

  @Get()
  @ApiOperation({ summary: "Les dessins faits sur une expérience (son auteur, l'enseignant de la classe)" })
  @ApiZodResponse(200, ZDrawing.array(), 'Dessins, les plus anciens en premier')
  @ApiErrors(401, 404)
  list(@Auth() auth: AuthContext, @Param('id') id: string): Promise<TDrawing[]> {
    return this.service.list(auth, id);
  }
}
