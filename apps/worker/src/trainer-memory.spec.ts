import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { TExperimentSpec } from '@dlclass/contracts';
import pino from 'pino';
import { TrainingThread } from './trainer';

/** A tiny run: the point is the number of runs, not their size. */
const TINY: TExperimentSpec = {
  dataset: 'mnist',
  model: {
    layers: [
      { type: 'conv2d', filters: 2, kernelSize: 3, strides: 2, padding: 'valid', activation: 'relu' },
      { type: 'dense', units: 8, activation: 'relu' },
      { type: 'dropout', rate: 0.2 },
    ],
  },
  training: {
    epochs: 1,
    batchSize: 50,
    optimizer: 'adam',
    learningRate: 0.01,
    validationSplit: 0.1,
    trainSize: 100,
  },
};
// The wasm heap grows in steps during the first runs (it never shrinks), then stays put.
const WARM_UP_RUNS = 20;
/** Resident memory moves by tens of MiB as the allocator settles (a reading after garbage collection can be
 * low once, then back; one can be 40 MiB high once, then back): the reference is the highest reading of the
 * first fifth of the runs, and where memory settles at the end (the median of the last three readings) must be
 * within 10% of it. A leak of 1 MiB a run (35 MiB by those readings) would break that bound. */
const READ_EVERY = 5;
const RUNS = 50;

// exposes gc() to this thread and to the training thread started after it (which collects after each run)
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * The real training thread, 50 runs in a row, as a worker process runs them. The thread lives in this
 * process, so this process's resident memory is what a worker's would be.
 */
describe('a training thread running many jobs', () => {
  const trainer = new TrainingThread(
    { preferredBackend: 'wasm', mnistDir: undefined },
    pino({ level: 'silent' }),
  );

  afterAll(async () => {
    await trainer.close();
  });

  it(`keeps its resident memory within 10% and its tensor count at baseline over ${RUNS} runs`, async () => {
    const callbacks = { onBatch: () => undefined, onEpoch: () => undefined };
    const runOnce = async (i: number) => {
      const seed = i; // different runs, as in a class
      const result = await trainer.run({ ...TINY, training: { ...TINY.training, seed } }, callbacks).result;
      expect(result.status).toBe('succeeded');
      expect(trainer.tensorsAfterLastRun).toBe(trainer.baselineTensors);
    };
    for (let i = 0; i < WARM_UP_RUNS; i++) await runOnce(i);
    const readings: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await runOnce(WARM_UP_RUNS + i);
      if (i % READ_EVERY === READ_EVERY - 1) {
        collectGarbage();
        readings.push(process.memoryUsage().rss);
      }
    }
    const firstFifth = readings.length / 5;
    const baseline = Math.max(...readings.slice(0, firstFifth));
    const samples = readings.slice(firstFifth);
    const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
    process.stdout.write(
      `rss reference ${mib(baseline)} MiB, then every ${READ_EVERY} runs: ${samples.map(mib).join(', ')} MiB\n`,
    );
    const settled = [...samples.slice(-3)].sort((a, b) => a - b)[1] as number;
    expect(settled).toBeLessThanOrEqual(baseline * 1.1);
  }, 300_000); // 70 runs, each evaluated on the test set and the generalisation challenge
});
