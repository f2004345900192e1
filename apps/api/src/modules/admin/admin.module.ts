import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { HealthModule } from '../health/health.module';
import { AdminController } from './admin.controller';
import { AdminRepository } from './admin.repository';
import { AdminService } from './admin.service';
import { AdminHttpMounts, HttpMetricsMiddleware } from './admin-http';
import { MetricsService } from './metrics.service';
import { QuotasModule } from './quotas.module';
import { TrainingQueueAdmin } from './training-queue.admin';

/** The admin pages' API, Bull Board (/api/admin/queues) and the Prometheus metrics (/metrics). */
@Module({
  imports: [ExperimentsModule, HealthModule, QuotasModule],
  controllers: [AdminController],
  providers: [AdminRepository, AdminService, TrainingQueueAdmin, MetricsService, AdminHttpMounts],
})
export class AdminModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '*splat', method: RequestMethod.ALL });
  }
}
