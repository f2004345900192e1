import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';

/** Exports its repository: the experiments module reads the live workers' slots from it. */
@Module({
  controllers: [HealthController],
  providers: [HealthRepository, HealthService],
  exports: [HealthRepository],
})
export class HealthModule {}
