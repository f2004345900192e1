import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { REFERENCE_EXPERIMENT, type TExperimentSpec, ZClassicalSpec } from '@dlclass/contracts';
import pino from 'pino';
import { TrainingError, TrainingThread } from './trainer';

/**
 * A stand-in training thread (plain CommonJS, no tfjs): ready at once; a network of one epoch crashes the
 * thread with an uncaught error ('error' then, a little later, 'exit'); of 4 epochs, it is a batch that never
 * ends (a busy loop); of 5, it fills its heap; of 6, it waits for the cancel flag, then ends as cancelled;
 * any other network ends at once as cancelled; a classical model answers with the number of drawings it was
 * given as its fit time.
 */
const STAND_IN_THREAD = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ type: 'ready', backend: 'cpu', device: 'stand-in', tensors: 7 });
parentPort.on('message', (message) => {
  if (message.type !== 'run') return;
  const { task } = message;
  if (task.kind === 'classical') {
    parentPort.postMessage({
      type: 'done', runId: message.runId, tensors: 7,
      result: { kind: 'classical', result: { evaluation: null, fitMs: task.drawings.length, predictMs: 0 } },
    });
    return;
  }
  if (task.spec.training.epochs === 1) {
    setImmediate(() => { throw new Error('boom'); });
    return;
  }
  if (task.spec.training.epochs === 4) for (;;);
  if (task.spec.training.epochs === 5) {
    const kept = [];
    for (;;) kept.push(new Array(1e5).fill(kept.length));
  }
  const done = () => parentPort.postMessage({
    type: 'done', runId: message.runId, result: { kind: 'network', result: { status: 'cancelled', epochs: [] } }, tensors: 7,
  });
  if (task.spec.training.epochs === 6) {
    const flag = new Int32Array(message.cancelFlag);
    const wait = () => (Atomics.load(flag, 0) === 1 ? done() : setTimeout(wait, 10));
    wait();
    return;
  }
  done();
});
`;

const withEpochs = (epochs: number): TExperimentSpec => ({
  ...REFERENCE_EXPERIMENT,
  training: { ...REFERENCE_EXPERIMENT.training, epochs },
});

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  ]);
}

describe('TrainingThread', () => {
  let trainer: TrainingThread;

  beforeEach(async () => {
    trainer = new TrainingThread(
      { preferredBackend: 'cpu', mnistDir: undefined },
      pino({ level: 'silent' }),
      STAND_IN_THREAD,
    );
    await trainer.start();
  });

  afterEach(async () => {
    await trainer.close();
  });

  it('reports the tensor count after a run against its baseline', async () => {
    expect(trainer.baselineTensors).toBe(7);
    expect(trainer.tensorsAfterLastRun).toBeNull();
    const callbacks = { onBatch: () => undefined, onEpoch: () => undefined };
    await expect(trainer.run(withEpochs(2), callbacks).result).resolves.toMatchObject({
      status: 'cancelled',
    });
    expect(trainer.tensorsAfterLastRun).toBe(7);
  });

  it('hands a classical model its spec and the drawings, and answers with its result', async () => {
    const spec = ZClassicalSpec.parse({ model: { algorithm: 'knn', k: 3 }, trainSize: 1_000 });
    const drawing = { id: '00000000-0000-4000-8000-000000000001', pixels: new Uint8Array(784), intended: 4 };
    await expect(trainer.classical(spec, [drawing, drawing])).resolves.toMatchObject({ fitMs: 2 });
    // one thread, one job at a time: a network after it still runs
    const callbacks = { onBatch: () => undefined, onEpoch: () => undefined };
    await expect(trainer.run(withEpochs(2), callbacks).result).resolves.toMatchObject({
      status: 'cancelled',
    });
  });

  it("runs on a fresh thread after a crash, whatever the old thread's late 'exit' does", async () => {
    const callbacks = { onBatch: () => undefined, onEpoch: () => undefined };
    const crashed = trainer.run(withEpochs(1), callbacks).result;
    await expect(crashed).rejects.toBeInstanceOf(TrainingError);
    // started at once, before the crashed thread's 'exit' event
    const next = trainer.run(withEpochs(2), callbacks).result;
    await expect(within(next, 5000)).resolves.toMatchObject({ status: 'cancelled' });
    // and the thread after that one still answers
    await expect(within(trainer.run(withEpochs(3), callbacks).result, 5000)).resolves.toMatchObject({
      status: 'cancelled',
    });
  });

  it('stop() lets a run that checks its cancel flag end as cancelled, on the same thread', async () => {
    const callbacks = { onBatch: () => undefined, onEpoch: () => undefined };
    const running = trainer.run(withEpochs(6), callbacks).result;
    await new Promise((resolve) => setTimeout(resolve, 50));
    trainer.stop(60_000);
    await expect(within(running, 5000)).resolves.toMatchObject({ status: 'cancelled' });
  });

  it('stop() terminates a thread stuck in a batch after the grace period, and the next run gets a fresh one', async () => {
    const callbacks = { onBatch: () => undefined, onEpoch: () => undefined };
    const stuck = trainer.run(withEpochs(4), callbacks).result;
    await new Promise((resolve) => setTimeout(resolve, 50));
    trainer.stop(100);
    trainer.stop(100); // a second call (the cancel poll repeats) changes nothing
    await expect(within(stuck, 5000)).rejects.toMatchObject({ name: 'TrainingError', code: 'stopped' });
    await expect(within(trainer.run(withEpochs(2), callbacks).result, 5000)).resolves.toMatchObject({
      status: 'cancelled',
    });
  });
});

describe('TrainingThread memory guard', () => {
  it("fails a run whose thread outgrows its heap bound as 'oom', and trains the next one", async () => {
    const trainer = new TrainingThread(
      { preferredBackend: 'cpu', mnistDir: undefined, maxHeapMb: 64 },
      pino({ level: 'silent' }),
      STAND_IN_THREAD,
    );
    await trainer.start();
    try {
      const callbacks = { onBatch: () => undefined, onEpoch: () => undefined };
      await expect(within(trainer.run(withEpochs(5), callbacks).result, 30_000)).rejects.toMatchObject({
        code: 'oom',
      });
      await expect(within(trainer.run(withEpochs(2), callbacks).result, 5000)).resolves.toMatchObject({
        status: 'cancelled',
      });
    } finally {
      await trainer.close();
    }
  });
});

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/<tid>/stat). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // the fields after the command name, which is in parentheses and may hold spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[16]);
  });
}

describe('TrainingThread CPU priority', () => {
  it('lowers the priority of its training thread only, so the main thread keeps renewing job locks', async () => {
    const before = threadNiceValues();
    expect(before).not.toContain(7);
    const trainer = new TrainingThread(
      { preferredBackend: 'cpu', mnistDir: undefined, nice: 7 },
      pino({ level: 'silent' }),
      STAND_IN_THREAD,
    );
    await trainer.start();
    try {
      expect(threadNiceValues().filter((nice) => nice === 7)).toHaveLength(1);
      expect(getPriority()).toBe(before[0]);
      // the thread still trains at its priority
      await expect(
        within(
          trainer.run(withEpochs(2), { onBatch: () => undefined, onEpoch: () => undefined }).result,
          5000,
        ),
      ).resolves.toMatchObject({ status: 'cancelled' });
    } finally {
      await trainer.close();
    }
    expect(threadNiceValues()).not.toContain(7);
  });
});
