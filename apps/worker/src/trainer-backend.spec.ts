import { loadSharedDatasets } from '@dlclass/ml/node';
import pino from 'pino';
import { denseRun } from '../test/fixtures';
import { TrainingThread } from './trainer';
import { defaultConcurrency } from './trainer-pool';

const tinyDense = denseRun({ epochs: 1, batchSize: 32, trainSize: 300 });
const callbacks = { onBatch: () => undefined, onEpoch: () => undefined };

/** A training thread that picks its own backend (no TRAINER_BACKEND), as the worker does by default. */
async function withThread(nativeKernels: boolean, use: (thread: TrainingThread) => Promise<void>) {
  const thread = new TrainingThread(
    { preferredBackend: undefined, mnistDir: undefined, datasets: loadSharedDatasets(), nativeKernels },
    pino({ level: 'silent' }),
  );
  try {
    await thread.start();
    await use(thread);
  } finally {
    await thread.close();
  }
}

describe('the training thread picks its backend', () => {
  it('trains with the native kernels right after the TensorFlow backends, and says why those are missing', async () => {
    // npm test and .ci/run build the addon (scripts/lib/native.cjs): without it this test must fail, not skip.
    await withThread(true, async (thread) => {
      expect(thread.backend).toBe('native');
      expect(thread.device).toMatch(/^CPU natif \(oneDNN \d+\.\d+\.\d+, .+, 1 thread\)$/);
      expect(thread.unavailableBackends.map((u) => u.backend)).toEqual(['tensorflow-gpu', 'tensorflow']);
      expect(thread.unavailableBackends.every((u) => u.reason.length > 0)).toBe(true);
      const result = await thread.run(tinyDense, callbacks).result;
      expect(result.status).toBe('succeeded');
    });
  });

  it('falls back to wasm when the native kernels are off, and says so', async () => {
    await withThread(false, async (thread) => {
      expect(thread.backend).toBe('wasm');
      expect(thread.unavailableBackends).toContainEqual({
        backend: 'native',
        reason: expect.stringContaining('NATIVE_KERNELS=off'),
      });
      const result = await thread.run(tinyDense, callbacks).result;
      expect(result.status).toBe('succeeded');
    });
  });

  it('trains one run per core with the native kernels (one thread each)', () => {
    expect(defaultConcurrency('native', 2)).toBe(2);
    expect(defaultConcurrency('native', 16)).toBe(16);
  });
});
