import { REFERENCE_EXPERIMENT, type TExperimentSpec } from '@dlclass/contracts';
import pino from 'pino';
import { TrainingError, TrainingThread } from './trainer';

/**
 * A stand-in training thread (plain CommonJS, no tfjs): ready at once; a run of one epoch crashes the thread
 * with an uncaught error ('error' then, a little later, 'exit'); any other run ends at once as cancelled.
 */
const STAND_IN_THREAD = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ type: 'ready', backend: 'cpu', device: 'stand-in', tensors: 7 });
parentPort.on('message', (message) => {
  if (message.type !== 'run') return;
  if (message.spec.training.epochs === 1) {
    setImmediate(() => { throw new Error('boom'); });
    return;
  }
  parentPort.postMessage({
    type: 'done', runId: message.runId, result: { status: 'cancelled', epochs: [] }, tensors: 7,
  });
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
});
