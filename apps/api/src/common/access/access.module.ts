import { Global, Module } from '@nestjs/common';
import { AccessRepository, PrismaAccessRepository } from './access.repository';
import { AccessService } from './access.service';

@Global()
@Module({
  providers: [{ provide: AccessRepository, useClass: PrismaAccessRepository }, AccessService],
  exports: [AccessService],
})
export class AccessModule {}
