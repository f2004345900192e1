import { Module } from '@nestjs/common';
import { QuotasModule } from '../admin/quotas.module';
import { HealthModule } from '../health/health.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { ClassicalRunsController } from './classical-runs.controller';
import { DrawingsController } from './drawings.controller';
import { DrawingsRepository } from './drawings.repository';
import { DrawingsService } from './drawings.service';
import { ExperimentsController } from './experiments.controller';
import { ExperimentsRepository } from './experiments.repository';
import { ExperimentsService } from './experiments.service';
import { QueuePlacesService } from './queue-places.service';
import { RunEstimatesController } from './run-estimates.controller';
import { RunEstimatesRepository } from './run-estimates.repository';
import { RunEstimatesService } from './run-estimates.service';
import { SharedTrainingsService } from './shared-trainings.service';
import { TrainingQueueProducer } from './training-queue.producer';

@Module({
  imports: [RealtimeModule, HealthModule, QuotasModule],
  controllers: [ExperimentsController, RunEstimatesController, ClassicalRunsController, DrawingsController],
  providers: [
    ExperimentsRepository,
    ExperimentsService,
    QueuePlacesService,
    RunEstimatesRepository,
    RunEstimatesService,
    SharedTrainingsService,
    TrainingQueueProducer,
    DrawingsRepository,
    DrawingsService,
  ],
  exports: [ExperimentsService, RunEstimatesService, TrainingQueueProducer],
})
export class ExperimentsModule {}
