import { Module } from '@nestjs/common';
import { DeliverablesModule } from '../deliverables/deliverables.module';
import { GradingController } from './grading.controller';
import { GradingRepository } from './grading.repository';
import { GradingService } from './grading.service';

@Module({
  imports: [DeliverablesModule],
  controllers: [GradingController],
  providers: [GradingRepository, GradingService],
})
export class GradingModule {}
