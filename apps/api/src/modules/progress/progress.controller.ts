import {
  SESSION_COOKIE,
  type TClassPresence,
  type TClassProgress,
  ZClassPresence,
  ZClassProgress,
} from '@dlclass/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { ApiErrors, ApiZodResponse } from '../../common/openapi';
import { ProgressService } from './progress.service';

@ApiTags('classes')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('classes')
export class ProgressController {
  constructor(private readonly service: ProgressService) {}

  @Get('presence')
  @ApiOperation({ summary: "Les élèves en ligne de chaque classe de l'enseignant" })
  @ApiZodResponse(200, ZClassPresence.array(), 'Élèves en ligne par classe')
  @ApiErrors(401, 403)
  presence(@Auth() auth: AuthContext): Promise<TClassPresence[]> {
    return this.service.presence(auth);
  }

  @Get(':classId/progress')
  @ApiOperation({
    summary: "L'avancement de chaque élève de la classe dans la séance, et qui est en ligne",
  })
  @ApiZodResponse(200, ZClassProgress, 'Élèves triés par nom')
  @ApiErrors(401, 403, 404)
  classProgress(@Auth() auth: AuthContext, @Param('classId') classId: string): Promise<TClassProgress> {
    return this.service.classProgress(auth, classId);
  }
}
