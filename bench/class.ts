/**
 * `npm run bench:class`: a class of simulated students, each submitting the lesson's reference run at
 * (nearly) the same moment, through the real API, queue and worker (api + worker started on spare ports
 * against a fresh database and the local Redis). Reports the makespan, the wait from submit to a student's
 * first metric (p50, p95) and the runs per minute, as one JSON line and a table.
 *
 *   npm run bench:class -- [--students 30] [--train-size 1000] [--epochs 1]
 *   WORKER_CONCURRENCY=2 npm run bench:class        # else the worker's default for this host
 *   npm run bench:class -- --train-size 60000 --epochs 5   # the full lesson (hours on 2 cores)
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import {
  type ClientToServerEvents,
  REFERENCE_EXPERIMENT,
  type ServerToClientEvents,
  type TAuthResponse,
  type TExperimentSpec,
  type TSubmitExperimentResponse,
} from '@dlclass/contracts';
import { createClass, createTeacher, createTestDatabase } from '@dlclass/db/testing';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { freePort, option, percentile, post, type Stack, startStack, waitForWorker } from './common';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const FULL = REFERENCE_EXPERIMENT.training;

interface Student {
  name: string;
  token: string;
  socket: ClientSocket;
  experimentId?: string;
  submittedAt?: number;
  startedAt?: number;
  firstMetricAt?: number;
  endedAt?: number;
  status?: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const students = option(args, 'students', 30);
  const trainSize = option(args, 'train-size', 1000);
  const epochs = option(args, 'epochs', 1);
  const scaledDown = trainSize !== FULL.trainSize || epochs !== FULL.epochs;
  const spec: TExperimentSpec = { ...REFERENCE_EXPERIMENT, training: { ...FULL, trainSize, epochs } };
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const workerId = `bench-class-${process.pid}`;

  const db = await createTestDatabase();
  const redis = new Redis(redisUrl);
  let stack: Stack | undefined;
  const sockets: ClientSocket[] = [];
  try {
    const teacher = await createTeacher(db.prisma);
    const klass = await createClass(db.prisma, teacher.id);
    process.stderr.write('starting api + worker...\n');
    stack = await startStack({
      apiPort: await freePort(),
      webPort: await freePort(),
      databaseUrl: db.url,
      redisUrl,
      web: false,
      quiet: !process.env.BENCH_VERBOSE,
      env: {
        TRAINING_QUEUE_NAME: `bench-class-${randomUUID()}`,
        WORKER_ID: workerId,
        LOG_LEVEL: 'warn',
      },
    });
    const apiUrl = stack.apiUrl;
    const worker = await waitForWorker(redis, workerId);
    process.stderr.write(
      `worker ready: ${worker.backend}, concurrency ${worker.concurrency ?? 1}; ${students} students join...\n`,
    );

    const class_: Student[] = await Promise.all(
      Array.from({ length: students }, async (_, i) => {
        const name = `Eleve ${i + 1}`;
        const auth = await post<TAuthResponse>(`${apiUrl}/api/auth/join`, {
          classCode: klass.code,
          displayName: name,
          pin: String(1000 + i),
        });
        const socket: ClientSocket = io(apiUrl, {
          auth: { token: auth.token },
          transports: ['websocket'],
          forceNew: true,
        });
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        return { name, token: auth.token, socket };
      }),
    );

    const allDone = Promise.all(
      class_.map(
        (student) =>
          new Promise<void>((resolve) => {
            const firstMetric = () => {
              student.firstMetricAt ??= performance.now();
            };
            student.socket.on('experiment:progress', (event) => {
              if (event.experimentId === student.experimentId) firstMetric();
            });
            student.socket.on('experiment:status', (event) => {
              if (event.experimentId !== student.experimentId) return;
              if (event.status === 'running') student.startedAt ??= performance.now();
              if (['succeeded', 'failed', 'cancelled'].includes(event.status)) {
                student.endedAt = performance.now();
                student.status = event.status;
                resolve();
              }
            });
          }),
      ),
    );

    process.stderr.write(`${students} runs submitted at once...\n`);
    const start = performance.now();
    await Promise.all(
      class_.map(async (student) => {
        student.submittedAt = performance.now();
        const { id } = await post<TSubmitExperimentResponse>(
          `${apiUrl}/api/experiments`,
          spec,
          student.token,
        );
        student.experimentId = id;
        // batches go to the run's room only (epochs and statuses also reach the student's own room)
        const ack = await student.socket.emitWithAck('experiment:subscribe', { experimentId: id });
        if (!ack.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
      }),
    );
    await Promise.race([
      allDone,
      stack.failed.then((name) => {
        throw new Error(`${name} exited during the benchmark`);
      }),
    ]);
    const makespanS = (Math.max(...class_.map((s) => s.endedAt ?? start)) - start) / 1000;

    const waits = class_
      .map((s) => ((s.firstMetricAt ?? s.endedAt ?? start) - (s.submittedAt ?? start)) / 1000)
      .sort((a, b) => a - b);
    const durations = class_
      .filter((s) => s.startedAt !== undefined && s.endedAt !== undefined)
      .map((s) => ((s.endedAt as number) - (s.startedAt as number)) / 1000)
      .sort((a, b) => a - b);
    const succeeded = class_.filter((s) => s.status === 'succeeded').length;
    const result = {
      bench: 'class',
      students,
      succeeded,
      backend: worker.backend,
      device: worker.device,
      workerConcurrency: worker.concurrency ?? 1,
      cores: availableParallelism(),
      wasmThreads: Number(process.env.WASM_THREADS) || 1,
      spec: { model: 'lesson CNN (REFERENCE_EXPERIMENT)', trainSize, epochs, batchSize: FULL.batchSize },
      scaledDown,
      makespanS: Number(makespanS.toFixed(1)),
      waitFirstMetricP50S: Number(percentile(waits, 50).toFixed(1)),
      waitFirstMetricP95S: Number(percentile(waits, 95).toFixed(1)),
      runDurationP50S: Number(percentile(durations, 50).toFixed(1)),
      runsPerMinute: Number(((succeeded * 60) / makespanS).toFixed(2)),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    const rows: [string, string][] = [
      ['backend (device)', `${result.backend} (${result.device})`],
      [
        'worker concurrency',
        `${result.workerConcurrency} (cores: ${result.cores}, wasm threads per run: ${result.wasmThreads})`,
      ],
      ['runs', `${students} submitted, ${succeeded} succeeded`],
      ['run', `lesson CNN, ${trainSize} images x ${epochs} epoch(s), batch ${FULL.batchSize}`],
      ['makespan', `${result.makespanS} s`],
      ['wait to first metric p50', `${result.waitFirstMetricP50S} s`],
      ['wait to first metric p95', `${result.waitFirstMetricP95S} s`],
      ['one run (running -> done) p50', `${result.runDurationP50S} s`],
      ['runs per minute', `${result.runsPerMinute}`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
    if (scaledDown) {
      process.stdout.write(
        `\nScaled down: the lesson's default run is ${FULL.trainSize} images x ${FULL.epochs} epochs. ` +
          `Full class: npm run bench:class -- --students 30 --train-size ${FULL.trainSize} --epochs ${FULL.epochs}\n`,
      );
    }
  } finally {
    for (const socket of sockets) socket.disconnect();
    await stack?.stop();
    await redis.quit();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
