import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AccessModule } from './common/access/access.module';
import { InfraModule } from './common/infra/infra.module';
import { API_CONFIG, type ApiConfig } from './config/config';
import { AdminModule } from './modules/admin/admin.module';
import { AuthModule } from './modules/auth/auth.module';
import { ClassesModule } from './modules/classes/classes.module';
import { ContentModule } from './modules/content/content.module';
import { DatasetsModule } from './modules/datasets/datasets.module';
import { DeliverablesModule } from './modules/deliverables/deliverables.module';
import { ExperimentsModule } from './modules/experiments/experiments.module';
import { GradingModule } from './modules/grading/grading.module';
import { HandsModule } from './modules/hands/hands.module';
import { HealthModule } from './modules/health/health.module';
import { ProgressModule } from './modules/progress/progress.module';
import { QuizModule } from './modules/quiz/quiz.module';
import { RealtimeModule } from './modules/realtime/realtime.module';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        InfraModule,
        AccessModule,
        AuthModule,
        AdminModule,
        ClassesModule,
        ExperimentsModule,
        ContentModule,
        DeliverablesModule,
        GradingModule,
        DatasetsModule,
        HandsModule,
        HealthModule,
        ProgressModule,
        QuizModule,
        RealtimeModule,
      ],
    };
  }
}
