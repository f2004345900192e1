import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { HandsController } from './hands.controller';
import { HandsRepository } from './hands.repository';
import { HandsService } from './hands.service';

@Module({
  imports: [RealtimeModule],
  controllers: [HandsController],
  providers: [HandsRepository, HandsService],
})
export class HandsModule {}
