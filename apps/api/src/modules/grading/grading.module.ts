import { Module } from '@nestjs/common';
import { DeliverablesModule } from '../deliverables/deliverables.module';
import { QuizModule } from '../quiz/quiz.module';
import { GradingController } from './grading.controller';
import { GradingRepository } from './grading.repository';
import { GradingService } from './grading.service';

@Module({
  imports: [DeliverablesModule, QuizModule],
  controllers: [GradingController],
  providers: [GradingRepository, GradingService],
})
export class GradingModule {}
