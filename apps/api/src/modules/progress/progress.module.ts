import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { ProgressController } from './progress.controller';
import { ProgressRepository } from './progress.repository';
import { ProgressService } from './progress.service';

@Module({
  imports: [ContentModule, RealtimeModule],
  controllers: [ProgressController],
  providers: [ProgressRepository, ProgressService],
})
export class ProgressModule {}
