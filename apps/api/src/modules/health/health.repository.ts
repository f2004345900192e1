import {
  type TWorkerInfo,
  WORKER_HEARTBEAT_PREFIX,
  workerRegistryKey,
  ZWorkerInfo,
} from '@dlclass/contracts';
import type { PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { PRISMA, REDIS } from '../../common/infra/tokens';
import { API_CONFIG, type ApiConfig } from '../../config/config';

/** Removes from the registry (KEYS[1]) the ids (ARGV[2..]) whose heartbeat key (ARGV[1] .. id) is gone. */
const PRUNE_EXPIRED = `
for i = 2, #ARGV do
  if redis.call('EXISTS', ARGV[1] .. ARGV[i]) == 0 then redis.call('SREM', KEYS[1], ARGV[i]) end
end
return 0`;

@Injectable()
export class HealthRepository {
  private readonly registry: string;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.registry = workerRegistryKey(config.TRAINING_QUEUE_NAME);
  }

  async pingDatabase(): Promise<void> {
    await this.prisma.$queryRaw`SELECT 1`;
  }

  async pingRedis(): Promise<void> {
    await this.redis.ping();
  }

  /** This queue's workers whose heartbeat key has not expired. */
  async workers(): Promise<TWorkerInfo[]> {
    return (await this.heartbeats()).map(({ info }) => info);
  }

  /** The same, each with the milliseconds its key has left to live (how recent its last beat is). */
  async heartbeats(): Promise<{ info: TWorkerInfo; ttlMs: number }[]> {
    const ids = await this.redis.smembers(this.registry);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids)
      pipeline.get(`${WORKER_HEARTBEAT_PREFIX}${id}`).pttl(`${WORKER_HEARTBEAT_PREFIX}${id}`);
    const replies = (await pipeline.exec()) ?? [];
    const gone: string[] = [];
    const beats = ids.flatMap((id, i) => {
      const value = replies[2 * i]?.[1];
      const ttlMs = replies[2 * i + 1]?.[1];
      if (typeof value !== 'string' || typeof ttlMs !== 'number') {
        gone.push(id);
        return [];
      }
      try {
        const parsed = ZWorkerInfo.safeParse(JSON.parse(value));
        return parsed.success ? [{ info: parsed.data, ttlMs }] : [];
      } catch {
        return [];
      }
    });
    // a worker killed without its goodbye: its id leaves the set, unless it beat again meanwhile
    if (gone.length > 0) {
      await this.redis.eval(PRUNE_EXPIRED, 1, this.registry, WORKER_HEARTBEAT_PREFIX, ...gone);
    }
    return beats;
  }
}
