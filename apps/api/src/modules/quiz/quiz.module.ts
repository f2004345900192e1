import { Module } from '@nestjs/common';
import { QuizController } from './quiz.controller';
import { QuizRepository } from './quiz.repository';
import { QuizService } from './quiz.service';
import { QuizBankController } from './quiz-bank.controller';
import { QuizBankRepository } from './quiz-bank.repository';
import { QuizBankService } from './quiz-bank.service';

@Module({
  controllers: [QuizController, QuizBankController],
  providers: [QuizRepository, QuizService, QuizBankRepository, QuizBankService],
  exports: [QuizService],
})
export class QuizModule {}
