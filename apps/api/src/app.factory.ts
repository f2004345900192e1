import 'reflect-metadata';
import type { Server } from 'node:http';
import { SESSION_COOKIE } from '@dlclass/contracts';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { AppModule } from './app.module';
import { correlationMiddleware } from './common/correlation';
import { ApiExceptionFilter } from './common/error.filter';
import { configureLogger, PinoNestLogger } from './common/logger';
import { csrfProtection, securityHeaders } from './common/security';
import type { ApiConfig } from './config/config';
import { BULL_BOARD_PATH } from './modules/admin/admin-http';
import { RedisIoAdapter } from './modules/realtime/redis-io.adapter';

export const API_PREFIX = 'api';

export interface CreateAppOptions {
  /** Close cleanly on SIGTERM/SIGINT (the process entry point wants it; tests do not). */
  shutdownHooks?: boolean;
}

/** Builds the API (HTTP + Socket.IO + OpenAPI) from a parsed configuration; used by main.ts and tests. */
export async function createApp(
  config: ApiConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  configureLogger(config.LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.setGlobalPrefix(API_PREFIX);
  app.use(correlationMiddleware);
  app.use(securityHeaders([`/${API_PREFIX}/docs`, BULL_BOARD_PATH]));
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: true });
  app.use(cookieParser());
  app.use(csrfProtection(config.WEB_ORIGINS, [BULL_BOARD_PATH]));
  app.enableCors({ origin: [...config.WEB_ORIGINS], credentials: true });
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useWebSocketAdapter(await new RedisIoAdapter(app, config).connect());
  if (options.shutdownHooks) app.enableShutdownHooks();
  keepIdleConnectionsOpen(app.getHttpServer() as Server);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('dlclass API')
      .setDescription(
        "API de la plateforme d'apprentissage du deep learning. Socket.IO sur la même origine : " +
          'handshake auth.token, événements experiment:status et experiment:progress (types dans packages/contracts).',
      )
      .setVersion('1.0')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  return app;
}

/** How long an idle keep-alive connection stays open: longer than a reverse proxy keeps its own (nginx: 60 s). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Node closes an idle connection after 5 s. A client that sends its next request as that timer fires gets a
 * reset instead of an answer, and a busy event loop runs the expired timer before it reads the request: under
 * a class's load the short timeout turned into ECONNRESET errors. Behind a reverse proxy, the proxy now closes
 * idle connections first; a client that keeps them longer still (browsers do) makes the race rarer, not
 * impossible. The header timeout must exceed the keep-alive one.
 */
function keepIdleConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
}
