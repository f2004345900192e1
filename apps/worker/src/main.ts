import { defaultGpuAllowGrowth } from '@dlclass/ml/node';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startWorker } from './worker';

async function main(): Promise<void> {
  // before any training thread loads tfjs-node-gpu: several workers can then share one card
  defaultGpuAllowGrowth();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // safety net: a stray promise rejection is logged, not a reason to drop the run in progress
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
  const worker = await startWorker(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    worker.close().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
