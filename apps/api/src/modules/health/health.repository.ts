import { type TWorkerInfo, WORKER_HEARTBEAT_PREFIX, ZWorkerInfo } from '@dlclass/contracts';
import type { PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { PRISMA, REDIS } from '../../common/infra/tokens';

@Injectable()
export class HealthRepository {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async pingDatabase(): Promise<void> {
    await this.prisma.$queryRaw`SELECT 1`;
  }

  async pingRedis(): Promise<void> {
    await this.redis.ping();
  }

  /** Workers whose heartbeat key has not expired. */
  async workers(): Promise<TWorkerInfo[]> {
    return (await this.heartbeats()).map(({ info }) => info);
  }

  /** The same, each with the milliseconds its key has left to live (how recent its last beat is). */
  async heartbeats(): Promise<{ info: TWorkerInfo; ttlMs: number }[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(
        cursor,
        'MATCH',
        `${WORKER_HEARTBEAT_PREFIX}*`,
        'COUNT',
        200,
      );
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    if (keys.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.get(key).pttl(key);
    const replies = (await pipeline.exec()) ?? [];
    return keys.flatMap((_, i) => {
      const value = replies[2 * i]?.[1];
      const ttlMs = replies[2 * i + 1]?.[1];
      if (typeof value !== 'string' || typeof ttlMs !== 'number') return [];
      try {
        const parsed = ZWorkerInfo.safeParse(JSON.parse(value));
        return parsed.success ? [{ info: parsed.data, ttlMs }] : [];
      } catch {
        return [];
      }
    });
  }
}
