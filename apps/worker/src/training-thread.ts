/**
 * Entry of the training worker_thread: selects the tfjs backend, takes the datasets the worker shares with
 * all its threads (parsing any it was not given, once), then trains one run per message on those typed arrays:
 * a network or a classical model.
 * CPU-heavy work stays here so the main thread keeps renewing BullMQ's job lock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TUnavailableBackend } from '@dlclass/contracts';
import { InvalidArchitectureError, runClassical, runExperiment, TrainingDivergedError } from '@dlclass/ml';
import { DatasetNotInstalledError, DatasetStore, selectBackend } from '@dlclass/ml/node';
import type {
  TFromThread,
  TThreadInit,
  TThreadResult,
  TThreadTask,
  TToThread,
  TTrainingErrorCode,
} from './training-protocol';

function classify(error: unknown): { code: TTrainingErrorCode; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof InvalidArchitectureError) return { code: 'invalid', message };
  if (error instanceof DatasetNotInstalledError) return { code: 'dataset', message };
  if (error instanceof TrainingDivergedError) return { code: 'diverged', message };
  if (
    /out of memory|OOM|allocation failed|Array buffer allocation|Memory\.grow|Maximum memory size|Invalid typed array length/i.test(
      message,
    )
  ) {
    return { code: 'oom', message };
  }
  return { code: 'internal', message: error instanceof Error && error.stack ? error.stack : message };
}

/** A full collection of the run's garbage between two jobs, when the process exposes it (node --expose-gc). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('training-thread must run in a worker_thread');
  const send = (message: TFromThread) => port.postMessage(message);
  const init = workerData as TThreadInit;
  let selected: Awaited<ReturnType<typeof selectBackend>>;
  const datasets = new DatasetStore(
    { mnist: init.mnistDir, 'fashion-mnist': init.fashionMnistDir },
    init.datasets,
  );
  const unavailable: TUnavailableBackend[] = [];
  try {
    selected = await selectBackend(
      init.preferredBackend,
      (backend, error) =>
        unavailable.push({
          backend,
          reason: error instanceof Error ? (error.message.split('\n')[0] as string) : String(error),
        }),
      { nativeKernels: init.nativeKernels ?? true },
    );
    datasets.get('mnist'); // every lesson's dataset: parsed before the first job
  } catch (error) {
    send({ type: 'init-error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  const { tf, backend, device } = selected;
  send({ type: 'ready', backend, device, tensors: tf.memory().numTensors, unavailable });

  port.on('message', async (message: TToThread) => {
    if (message.type !== 'run') return;
    const { runId, task, cancelFlag } = message;
    const flag = new Int32Array(cancelFlag);
    const perform = async (todo: TThreadTask): Promise<TThreadResult> =>
      todo.kind === 'classical'
        ? {
            kind: 'classical',
            result: await runClassical(tf, todo.spec, datasets.get(todo.spec.dataset), todo.drawings),
          }
        : {
            kind: 'network',
            result: await runExperiment(tf, todo.spec, datasets.get(todo.spec.dataset), {
              onBatch: (metrics) => send({ type: 'batch', runId, metrics }),
              onEpoch: (metrics, epochs) => send({ type: 'epoch', runId, metrics, epochs }),
              shouldCancel: () => Atomics.load(flag, 0) === 1,
            }),
          };
    try {
      const result = await perform(task);
      collectGarbage();
      send({ type: 'done', runId, result, tensors: tf.memory().numTensors });
    } catch (error) {
      send({ type: 'error', runId, ...classify(error), tensors: tf.memory().numTensors });
    }
  });
}

void main();
