/**
 * `npm run bench:class`: a class of simulated students training through the real API, queue and worker (api
 * + worker started on spare ports against a fresh database and the local Redis), in one of two scenarios:
 *
 *   --scenario hello      every student submits the Hello World's default run (the reference, 5 epochs on
 *                         60,000 images) within --within seconds (10), with the class's seed: one training
 *                         serves them all. Targets: makespan ≤ 1.5x one run's time, p95 wait to the first
 *                         metric ≤ 2 s.
 *   --scenario challenge  every student submits the reference run with one setting changed (the guided
 *                         challenge's missions, in turn), at the challenge's default size (3 epochs on 20,000
 *                         images). Target: makespan ≤ 10 min on a 2-core machine.
 *
 * Both report the launch-time estimates (the wait and the duration each run was told at submission) against
 * what happened (target: within ±30 %). One JSON line, then a table.
 *
 *   npm run bench:class -- --scenario hello [--students 30] [--within 10] [--train-size N --epochs N]
 *                          [--no-warm-up]   # else one small run first, so estimates come from measured speed
 *   WORKER_CONCURRENCY=1 npm run bench:class -- --scenario challenge   # else the worker's default
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import {
  type ClientToServerEvents,
  DEFAULT_CLASS_RUN_DEFAULTS,
  type ServerToClientEvents,
  type TAuthResponse,
  type TExperiment,
  type TExperimentSpec,
  type TRunSize,
  type TSubmitExperimentResponse,
} from '@dlclass/contracts';
import type { PrismaClient } from '@dlclass/db';
import { createClass, createTeacher, createTestDatabase } from '@dlclass/db/testing';
import { seededRandom } from '@dlclass/ml';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import {
  challengeSpecs,
  estimateWithin,
  helloSpec,
  referenceAt,
  relativeError,
  type TScenario,
} from './class-scenarios';
import {
  formatTable,
  freePort,
  get,
  option,
  percentile,
  post,
  type Stack,
  startStack,
  waitForWorker,
} from './common';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Student {
  name: string;
  token: string;
  socket: ClientSocket;
  run: { name: string; spec: TExperimentSpec };
  experimentId?: string;
  submittedAt?: number;
  startedAt?: number;
  firstMetricAt?: number;
  endedAt?: number;
  status?: string;
  submitted?: TSubmitExperimentResponse;
  /** Ends the student's wait (a terminal status, or an answer at once). */
  end?: (status: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The run size from --train-size / --epochs, else the scenario's default (a smaller class run for a smoke test). */
function runSize(args: string[], scenario: TScenario): TRunSize {
  const defaults = DEFAULT_CLASS_RUN_DEFAULTS[scenario];
  return {
    epochs: option(args, 'epochs', defaults.epochs),
    trainSize: option(args, 'train-size', defaults.trainSize),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scenario = (args[args.indexOf('--scenario') + 1] ?? 'hello') as TScenario;
  if (!args.includes('--scenario') || !['hello', 'challenge'].includes(scenario))
    throw new Error('--scenario hello or --scenario challenge');
  const students = option(args, 'students', 30);
  const withinS = option(args, 'within', 10, 0);
  const size = runSize(args, scenario);
  const runs =
    scenario === 'hello'
      ? Array.from({ length: students }, () => ({ name: 'hello', spec: helloSpec(size) }))
      : challengeSpecs(students, size);
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
    process.stderr.write(`worker ready: ${worker.backend}, concurrency ${worker.concurrency ?? 1}\n`);
    // the challenge's warm-up is the reference at the challenge's size: its accuracy must stay ≥ 98 %
    const warmUpSpec =
      scenario === 'challenge' ? referenceAt(size) : referenceAt({ epochs: 1, trainSize: 2_000 });
    const reference = args.includes('--no-warm-up')
      ? null
      : await warmUp(apiUrl, db.prisma, teacher.id, warmUpSpec);
    // the API reads the measured speed from the worker's heartbeat: wait for the one that carries it
    while (reference && !(await waitForWorker(redis, workerId)).speeds?.length) await sleep(500);
    process.stderr.write(`${students} students join...\n`);

    const class_: Student[] = await Promise.all(
      runs.map(async (run, i) => {
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
        return { name, token: auth.token, socket, run };
      }),
    );

    const ended = class_.map(
      (student) =>
        new Promise<void>((resolve) => {
          const end = (status: string) => {
            student.endedAt ??= performance.now();
            student.status = status;
            resolve();
          };
          student.socket.on('experiment:progress', (event) => {
            if (event.experimentId === student.experimentId) student.firstMetricAt ??= performance.now();
          });
          student.socket.on('experiment:status', (event) => {
            if (event.experimentId !== student.experimentId) return;
            if (event.status === 'running') student.startedAt ??= performance.now();
            if (['succeeded', 'failed', 'cancelled'].includes(event.status)) end(event.status);
          });
          student.end = end;
        }),
    );

    process.stderr.write(`${students} runs (${scenario}) submitted within ${withinS} s...\n`);
    const random = seededRandom(7);
    const start = performance.now();
    await Promise.all(
      class_.map(async (student) => {
        await sleep(random() * withinS * 1000);
        student.submittedAt = performance.now();
        const submitted = await post<TSubmitExperimentResponse>(
          `${apiUrl}/api/experiments`,
          student.run.spec,
          student.token,
        );
        student.submitted = submitted;
        student.experimentId = submitted.id;
        if (submitted.status === 'running') student.startedAt ??= performance.now();
        // an identical run already done answers at once, with its results
        if (submitted.status === 'succeeded') return student.end?.('succeeded');
        // batches go to the run's room only (epochs and statuses also reach the student's own room)
        const ack = await student.socket.emitWithAck('experiment:subscribe', { experimentId: submitted.id });
        if (!ack.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
      }),
    );
    await Promise.race([
      Promise.all(ended),
      stack.failed.then((name) => {
        throw new Error(`${name} exited during the benchmark`);
      }),
    ]);
    const makespanS = (Math.max(...class_.map((s) => s.endedAt ?? start)) - start) / 1000;
    const details = await Promise.all(
      class_.map((s) => get<TExperiment>(`${apiUrl}/api/experiments/${s.experimentId}`, s.token)),
    );
    const referenceAccuracy = scenario === 'challenge' ? (reference?.evaluation?.testAccuracy ?? null) : null;
    report({ scenario, students, size, withinS, worker, makespanS, class_, details, referenceAccuracy });
  } finally {
    for (const socket of sockets) socket.disconnect();
    await stack?.stop();
    await redis.quit();
    await db.drop();
  }
}

/**
 * A server that has trained before estimates from its workers' measured speed: one run of the lesson's model
 * by a student of another class before the class arrives (the hello scenario: 1 epoch on 2,000 images; the
 * challenge: the reference at the challenge's size, whose test accuracy the report gives). Without it
 * (--no-warm-up) the first estimates come from the backend's prior.
 */
async function warmUp(
  apiUrl: string,
  prisma: PrismaClient,
  teacherId: string,
  spec: TExperimentSpec,
): Promise<TExperiment> {
  const other = await createClass(prisma, teacherId);
  const auth = await post<TAuthResponse>(`${apiUrl}/api/auth/join`, {
    classCode: other.code,
    displayName: 'Préchauffage',
    pin: '4321',
  });
  const { id } = await post<TSubmitExperimentResponse>(`${apiUrl}/api/experiments`, spec, auth.token);
  process.stderr.write("warm-up run (measures the worker's speed)...\n");
  for (;;) {
    const run = await get<TExperiment>(`${apiUrl}/api/experiments/${id}`, auth.token);
    if (run.status === 'succeeded') return run;
    if (run.status === 'failed' || run.status === 'cancelled') throw new Error(`warm-up run ${run.status}`);
    await sleep(500);
  }
}

const ms = (from: string | null, to: string | null) =>
  from && to ? new Date(to).getTime() - new Date(from).getTime() : null;
const seconds = (value: number) => Number((value / 1000).toFixed(1));

function report(run: {
  scenario: TScenario;
  students: number;
  size: TRunSize;
  withinS: number;
  worker: Awaited<ReturnType<typeof waitForWorker>>;
  makespanS: number;
  class_: Student[];
  details: TExperiment[];
  /** The challenge's reference run at its size (the warm-up): its test accuracy. */
  referenceAccuracy: number | null;
}): void {
  const { scenario, class_, details, makespanS } = run;
  const trainings = details.filter((d) => d.sharing === null);
  const oneRunMs = trainings.map((d) => ms(d.startedAt, d.finishedAt) ?? 0).sort((a, b) => a - b);
  const oneRunS = percentile(oneRunMs, 50) / 1000;
  const waits = class_
    .map((s) => (s.firstMetricAt ?? s.endedAt ?? 0) - (s.submittedAt ?? 0))
    .sort((a, b) => a - b);
  // the estimates each run was given at submission, against its real wait (created -> started) and duration
  const estimates = details.flatMap((d) => {
    const wait = ms(d.createdAt, d.startedAt);
    const duration = ms(d.startedAt, d.finishedAt);
    const estimate = d.launchEstimate;
    if (!estimate || wait === null || duration === null) return [];
    return [{ estimate, wait, duration }];
  });
  const waitChecks = estimates.filter((e) => e.estimate.waitMs !== null);
  const waitsWithin = waitChecks.filter((e) => estimateWithin(e.estimate.waitMs as number, e.wait)).length;
  const durationsWithin = estimates.filter((e) => estimateWithin(e.estimate.durationMs, e.duration)).length;
  const medianError = (errors: number[]) =>
    Number(
      percentile(
        errors.sort((a, b) => a - b),
        50,
      ).toFixed(2),
    );
  const succeeded = class_.filter((s) => s.status === 'succeeded').length;
  const targets =
    scenario === 'hello'
      ? [
          ['makespan ≤ 1.5x one run', makespanS <= 1.5 * oneRunS],
          ['p95 wait to first metric ≤ 2 s', percentile(waits, 95) <= 2_000],
        ]
      : [
          ['makespan ≤ 10 min', makespanS <= 600],
          ...(run.referenceAccuracy === null
            ? []
            : [['reference at this size ≥ 98 % on the test set', run.referenceAccuracy >= 0.98] as const]),
        ];
  const result = {
    bench: 'class',
    scenario,
    students: run.students,
    submittedWithinS: run.withinS,
    runSize: run.size,
    succeeded,
    trainings: trainings.length,
    referenceTestAccuracy: run.referenceAccuracy,
    backend: run.worker.backend,
    device: run.worker.device,
    workerConcurrency: run.worker.concurrency ?? 1,
    cores: availableParallelism(),
    makespanS: Number(makespanS.toFixed(1)),
    oneRunS: Number(oneRunS.toFixed(1)),
    makespanOverOneRun: Number((makespanS / oneRunS).toFixed(2)),
    waitFirstMetricP50S: seconds(percentile(waits, 50)),
    waitFirstMetricP95S: seconds(percentile(waits, 95)),
    estimates: {
      runs: estimates.length,
      waitsWithin30Percent: `${waitsWithin}/${waitChecks.length}`,
      waitMedianRelativeError: medianError(
        waitChecks.map((e) => relativeError(e.estimate.waitMs as number, e.wait)),
      ),
      durationsWithin30Percent: `${durationsWithin}/${estimates.length}`,
      durationMedianRelativeError: medianError(
        estimates.map((e) => relativeError(e.estimate.durationMs, e.duration)),
      ),
      bases: [...new Set(estimates.map((e) => e.estimate.basis))],
    },
    targets: Object.fromEntries(targets),
  };
  process.stdout.write(`${JSON.stringify(result)}\n\n`);
  const rows: [string, string | number][] = [
    ['scenario', `${scenario}: ${run.students} students within ${run.withinS} s`],
    ['run size', `${run.size.epochs} epoch(s) x ${run.size.trainSize} images`],
    ['backend (device)', `${result.backend} (${result.device}), concurrency ${result.workerConcurrency}`],
    ['runs', `${succeeded}/${run.students} succeeded, ${trainings.length} trainings`],
    ...(run.referenceAccuracy === null
      ? []
      : [
          ['reference run at this size', `${(run.referenceAccuracy * 100).toFixed(2)} % on the test set`] as [
            string,
            string,
          ],
        ]),
    ['makespan', `${result.makespanS} s (${result.makespanOverOneRun}x one run of ${result.oneRunS} s)`],
    ['wait to first metric p50 / p95', `${result.waitFirstMetricP50S} s / ${result.waitFirstMetricP95S} s`],
    [
      'estimated waits within ±30 %',
      `${waitsWithin}/${waitChecks.length} (median error ${result.estimates.waitMedianRelativeError})`,
    ],
    [
      'estimated durations within ±30 %',
      `${durationsWithin}/${estimates.length} (median error ${result.estimates.durationMedianRelativeError})`,
    ],
    ...targets.map(([name, met]): [string, string] => [`target: ${name}`, met ? 'met' : 'MISSED']),
  ];
  process.stdout.write(`${formatTable(['measure', 'value'], rows)}\n`);
  // each student's story, for the curious (stderr): what the run was told at submission, and what happened
  for (const [i, s] of class_.entries()) {
    const d = details[i];
    const told = d?.launchEstimate;
    const real = (value: number | null) => (value === null ? '?' : `${seconds(value)} s`);
    process.stderr.write(
      `${s.name} (${s.run.name}): submitted ${s.submitted?.status}, sharing ${d?.sharing ?? 'own'}, ` +
        `first metric after ${seconds((s.firstMetricAt ?? s.endedAt ?? 0) - (s.submittedAt ?? 0))} s; ` +
        `wait told ${told?.waitMs == null ? '?' : `${seconds(told.waitMs)} s`}, real ${real(ms(d?.createdAt ?? null, d?.startedAt ?? null))}; ` +
        `duration told ${told ? `${seconds(told.durationMs)} s (${told.basis})` : '?'}, real ${real(ms(d?.startedAt ?? null, d?.finishedAt ?? null))}\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
