import type { THealth } from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { createLogger } from '../../common/logger';
import { withTimeout } from '../../common/timeout';
import { HealthRepository } from './health.repository';

const PING_TIMEOUT_MS = 2_000;

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
      redis === 'ok'
        ? await withTimeout(this.repository.workers(), PING_TIMEOUT_MS).catch(() => [])
        : ([] as const);
    return {
      status: db === 'ok' && redis === 'ok' ? 'ok' : 'degraded',
      db,
      redis,
      workers: workers.map(({ id, backend, device, busy, unavailable }) => ({
        id,
        backend,
        device,
        busy,
        unavailable,
      })),
    };
  }

  private async probe(name: string, ping: () => Promise<void>): Promise<'ok' | 'down'> {
    try {
      await withTimeout(ping(), PING_TIMEOUT_MS);
      return 'ok';
    } catch (error) {
      this.logger.warn({ err: error, dependency: name }, 'Health probe failed');
      return 'down';
    }
  }
}
