import { SESSION_COOKIE, type TClass, ZClass } from '@dlclass/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth.types';
import { ApiErrors, ApiZodResponse } from '../../common/openapi';
import { ClassesService } from './classes.service';

@ApiTags('classes')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('classes')
export class ClassesController {
  constructor(private readonly service: ClassesService) {}

  @Get()
  @ApiOperation({ summary: "Les classes de l'enseignant, avec leur code et leur nombre d'élèves" })
  @ApiZodResponse(200, ZClass.array(), 'Classes')
  @ApiErrors(401)
  list(@Auth() auth: AuthContext): Promise<TClass[]> {
    return this.service.list(auth);
  }
}
