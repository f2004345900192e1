import { createPrismaClient, type PrismaClient } from '@dlclass/db';
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import IORedis, { type Redis } from 'ioredis';
import { API_CONFIG, type ApiConfig } from '../../config/config';
import { createLogger } from '../logger';
import { PRISMA, REDIS } from './tokens';

/** Closes the shared clients when Nest shuts down (SIGTERM, SIGINT or app.close()). */
@Injectable()
class InfraShutdown implements OnApplicationShutdown {
  private readonly logger = createLogger('Infra');

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(signal?: string) {
    this.logger.info({ signal }, 'Closing database and Redis connections');
    await Promise.allSettled([this.prisma.$disconnect(), this.redis.quit()]);
  }
}

/** The process's one Prisma client and one general-purpose Redis connection. */
@Global()
@Module({
  providers: [
    {
      provide: PRISMA,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => createPrismaClient(config.DATABASE_URL),
    },
    {
      provide: REDIS,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => {
        const redis = new IORedis(config.REDIS_URL, {
          maxRetriesPerRequest: 2,
          connectionName: 'dlclass-api',
        });
        redis.on('error', (error) => createLogger('Redis').warn({ err: error }, 'Redis connection error'));
        return redis;
      },
    },
    InfraShutdown,
  ],
  exports: [PRISMA, REDIS],
})
export class InfraModule {}
