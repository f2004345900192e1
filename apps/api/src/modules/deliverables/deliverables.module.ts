import { Module } from '@nestjs/common';
import { DeliverablesController } from './deliverables.controller';
import { DeliverablesRepository } from './deliverables.repository';
import { DeliverablesService } from './deliverables.service';

@Module({
  controllers: [DeliverablesController],
  providers: [DeliverablesRepository, DeliverablesService],
  exports: [DeliverablesService],
})
export class DeliverablesModule {}
