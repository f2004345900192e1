import { type THealth, ZHealth } from '@dlclass/contracts';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.guard';
import { ApiZodResponse } from '../../common/openapi';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'État de la base, de Redis et des workers (backend et matériel de chacun)' })
  @ApiZodResponse(
    200,
    ZHealth,
    'État de la plateforme (status "degraded" si la base ou Redis est injoignable)',
  )
  check(): Promise<THealth> {
    return this.service.check();
  }
}
