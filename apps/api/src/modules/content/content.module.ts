import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { ContentController } from './content.controller';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';

@Module({
  imports: [RealtimeModule],
  controllers: [ContentController],
  providers: [ContentRepository, ContentService],
  exports: [ContentService],
})
export class ContentModule {}
