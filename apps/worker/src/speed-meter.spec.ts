import { randomUUID } from 'node:crypto';
import { REFERENCE_EXPERIMENT, type TLayerSummary, workerSpeedsKey } from '@dlclass/contracts';
import { Redis } from 'ioredis';
import { REDIS_URL } from '../test/fixtures';
import { createLogger } from './logger';
import { SpeedMeter } from './speed-meter';

const MLP: TLayerSummary[] = [
  { name: 'flatten', type: 'flatten', outputShape: [784], parameters: 0 },
  { name: 'dense_1', type: 'dense', outputShape: [128], parameters: 100_480 },
  { name: 'output', type: 'dense', outputShape: [10], parameters: 1_290 },
];
const run = { epochs: [{ durationMs: 400 }, { durationMs: 600 }], durationMs: 1_500 };

describe('SpeedMeter (real Redis)', () => {
  const queueName = `speeds-${randomUUID()}`;
  let redis: Redis;
  let running = 1;
  const open = () =>
    SpeedMeter.open(
      redis,
      { queueName, host: 'host-a', backend: 'wasm', running: () => running },
      createLogger('silent'),
    );

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await redis.del(workerSpeedsKey(queueName));
    await redis.quit();
  });

  it('measures a run at the load it trained under, and a worker restarted on the host starts from it', async () => {
    const meter = await open();
    expect(meter.speeds).toEqual([]);
    const stopwatch = meter.start();
    running = 3; // two more runs started meanwhile: (1 + 3) / 2
    meter.finished(stopwatch, MLP, REFERENCE_EXPERIMENT.training, run);
    expect(meter.speeds).toHaveLength(1);
    expect(meter.speeds[0]).toMatchObject({ load: 2, sizeClass: 17, batchClass: 6, runs: 1 });
    expect(meter.speeds[0]?.overheadMs).toBeGreaterThanOrEqual(0);

    // stored in the queue's hash, under this host and backend
    await redis.ping(); // the write is not awaited by finished(): one round trip later it is there
    const restarted = await open();
    expect(restarted.speeds).toEqual(meter.speeds);
  });

  it('starts from no measurement when the stored entries are unreadable', async () => {
    await redis.hset(workerSpeedsKey(queueName), 'host-a/wasm', '{not json');
    expect((await open()).speeds).toEqual([]);
  });
});
