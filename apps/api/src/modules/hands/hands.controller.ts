import { SESSION_COOKIE, type THand, type TMyHand, ZHand, ZMyHand } from '@dlclass/contracts';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { ApiErrors, ApiZodResponse } from '../../common/openapi';
import { HandsService } from './hands.service';

@ApiTags('lesson')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller()
export class HandsController {
  constructor(private readonly service: HandsService) {}

  @Get('hands/mine')
  @ApiOperation({ summary: "La main levée de l'élève, s'il en a une" })
  @ApiZodResponse(200, ZMyHand, 'La main levée, ou null')
  @ApiErrors(401, 403)
  mine(@Auth() auth: AuthContext): Promise<TMyHand> {
    return this.service.mine(auth);
  }

  @Post('hands')
  @HttpCode(200)
  @ApiOperation({ summary: "L'élève lève la main : ses professeurs le voient en direct" })
  @ApiZodResponse(200, ZHand, 'La main levée')
  @ApiErrors(401, 403)
  raise(@Auth() auth: AuthContext): Promise<THand> {
    return this.service.raise(auth);
  }

  @Post('hands/mine/lower')
  @HttpCode(200)
  @ApiOperation({ summary: "L'élève baisse la main" })
  @ApiZodResponse(200, ZMyHand, 'Plus de main levée')
  @ApiErrors(401, 403)
  lower(@Auth() auth: AuthContext): Promise<TMyHand> {
    return this.service.lower(auth);
  }

  @Get('classes/:classId/hands')
  @ApiOperation({ summary: 'Les mains levées de la classe, la plus ancienne en premier' })
  @ApiZodResponse(200, ZHand.array(), 'Mains levées')
  @ApiErrors(401, 404)
  openInClass(@Auth() auth: AuthContext, @Param('classId') classId: string): Promise<THand[]> {
    return this.service.openInClass(auth, classId);
  }

  @Post('classes/:classId/hands/:handId/ack')
  @HttpCode(200)
  @ApiOperation({ summary: "Le professeur répond à une main levée : l'élève le voit aussitôt" })
  @ApiZodResponse(200, ZHand, 'La main, baissée')
  @ApiErrors(401, 403, 404)
  acknowledge(
    @Auth() auth: AuthContext,
    @Param('classId') classId: string,
    @Param('handId') handId: string,
  ): Promise<THand> {
    return this.service.acknowledge(auth, classId, handId);
  }
}
