import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { ClassesController } from './classes.controller';
import { ClassesRepository } from './classes.repository';
import { ClassesService } from './classes.service';

@Module({
  imports: [RealtimeModule],
  controllers: [ClassesController],
  providers: [ClassesRepository, ClassesService],
})
export class ClassesModule {}
