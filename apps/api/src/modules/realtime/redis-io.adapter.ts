import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import IORedis, { type Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { createLogger } from '../../common/logger';
import type { ApiConfig } from '../../config/config';

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * Socket.IO on the API's HTTP server, with the Redis adapter (so the worker's redis-emitter and
 * several API instances reach the same rooms); browsers may connect only from WEB_ORIGINS, over either
 * transport.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly logger = createLogger(RedisIoAdapter.name);

  constructor(
    app: INestApplicationContext,
    private readonly config: ApiConfig,
  ) {
    super(app);
    this.pub = new IORedis(config.REDIS_URL, {
      maxRetriesPerRequest: null,
      connectionName: 'dlclass-api-io-pub',
    });
    this.sub = this.pub.duplicate({ connectionName: 'dlclass-api-io-sub' });
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error) =>
        this.logger.warn({ err: error }, 'Socket.IO Redis adapter connection error'),
      );
    }
  }

  /** Waits for both Redis connections, so that the adapter's subscriptions never race a shutdown. */
  async connect(timeoutMs = 20_000): Promise<this> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`Redis unreachable at ${redact(this.config.REDIS_URL)} after ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    const ready = Promise.all(
      [this.pub, this.sub].map(
        (client) =>
          new Promise<void>((resolve, reject) => {
            if (client.status === 'ready') return resolve();
            client.once('ready', () => resolve());
            client.once('end', () => reject(new Error('Redis connection closed before it was ready')));
          }),
      ),
    );
    try {
      await Promise.race([ready, timeout]);
    } catch (error) {
      this.pub.disconnect();
      this.sub.disconnect();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return this;
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = new Set(this.config.WEB_ORIGINS);
    const secured: Partial<ServerOptions> = {
      ...options,
      cors: { origin: [...origins], credentials: true },
      // CORS only guards HTTP long-polling: browsers open WebSockets to any origin, with the cookie.
      // Refusing a foreign Origin here covers both transports (no Origin: not a browser, allowed).
      allowRequest: (req, callback) => {
        const origin = req.headers.origin;
        if (origin === undefined || origins.has(origin)) return callback(null, true);
        this.logger.warn({ origin }, 'Socket.IO handshake refused: origin not in WEB_ORIGINS');
        callback('Origin not allowed', false);
      },
    };
    const server: Server = super.createIOServer(port, secured);
    server.adapter(createAdapter(this.pub, this.sub));
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
