import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { ExperimentsController } from './experiments.controller';
import { ExperimentsRepository } from './experiments.repository';
import { ExperimentsService } from './experiments.service';
import { TrainingQueueProducer } from './training-queue.producer';

@Module({
  imports: [RealtimeModule],
  controllers: [ExperimentsController],
  providers: [ExperimentsRepository, ExperimentsService, TrainingQueueProducer],
})
export class ExperimentsModule {}
