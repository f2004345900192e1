import type { THealth } from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { createLogger } from '../../common/logger';
import { HealthRepository } from './health.repository';

const PING_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

@Injectable()
export class HealthService {
  private readonly logger = createLogger(HealthService.name);

  constructor(private readonly repository: HealthRepository) {}

  async check(): Promise<THealth> {
    const [db, redis] = await Promise.all([
      this.probe('db', () => this.repository.pingDatabase()),
      this.probe('redis', () => this.repository.pingRedis()),
    ]);
    const workers =
      redis === 'ok' ? await withTimeout(this.repository.workers()).catch(() => []) : ([] as const);
    return {
      status: db === 'ok' && redis === 'ok' ? 'ok' : 'degraded',
      db,
      redis,
      workers: workers.map(({ id, backend, device, busy }) => ({ id, backend, device, busy })),
    };
  }

  private async probe(name: string, ping: () => Promise<void>): Promise<'ok' | 'down'> {
    try {
      await withTimeout(ping());
      return 'ok';
    } catch (error) {
      this.logger.warn({ err: error, dependency: name }, 'Health probe failed');
      return 'down';
    }
  }
}
