import { Module } from '@nestjs/common';
import { QuotasRepository } from './quotas.repository';
import { QuotasService } from './quotas.service';

/** Quotas and platform settings: enforced by the experiments module, edited by the admin module. */
@Module({ providers: [QuotasRepository, QuotasService], exports: [QuotasRepository, QuotasService] })
export class QuotasModule {}
