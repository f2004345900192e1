import 'reflect-metadata';
import { createApp } from './app.factory';
import { createLogger } from './common/logger';
import { ConfigError, loadConfig } from './config/config';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`L'API ne démarre pas. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config, { shutdownHooks: true });
  await app.listen(config.API_PORT);
  createLogger('Main').info(
    { port: config.API_PORT, queue: config.TRAINING_QUEUE_NAME },
    `API ready on http://localhost:${config.API_PORT}/api`,
  );
}

main().catch((error: unknown) => {
  createLogger('Main').fatal({ err: error }, 'API failed to start');
  process.exit(1);
});
