/**
 * `npm run loadtest`: a class of simulated students on the real stack. Every student holds a Socket.IO
 * connection, opens the observation sheet as its page does (GET /api/me, /api/lesson, /api/hands/mine,
 * /api/deliverables/observation-sheet, /api/experiments), autosaves it every 2 s with the page's optimistic
 * protocol (PUT with the version it started from, one save at a time) and opens a page again every 30 s;
 * the teacher's dashboard reads progress and presence every 5 s; some students submit a tiny training run,
 * all at once. The students arrive over the first `--ramp` seconds (a class does not open its pages in the
 * same instant: the socket, then the page, then the autosaves); the runs are submitted once every student is
 * there, then the load goes on for `--seconds`. Reports p50/p95/p99 per endpoint over the whole load (the
 * arrival included), the autosaves' p99 while the class arrives and once it is there, the errors, the runs,
 * and checks that no acknowledged autosave was lost (the database holds the last acknowledged version with
 * its answers, or a later one).
 *
 *   npm run loadtest                                     # 300 students arriving over 30 s, 30 runs, then 60 s
 *   npm run loadtest -- --ramp 2                         # the whole class within 2 s (a stress, not a lesson)
 *   npm run loadtest -- --students 5 --runs 2 --seconds 5 --ramp 1   # smoke run
 *   npm run loadtest -- --instances 2                    # two API instances, students shared between them
 *   npm run loadtest -- --api http://127.0.0.1:3001      # a running stack (URLs comma-separated); DATABASE_URL its
 *                                                        # database, where the seeded class stays
 *
 * Without --api it starts api + worker (and more API instances with --instances) on spare ports against a
 * fresh test database and a Redis of its own (redis-server on a spare port: Socket.IO's Redis channels are
 * shared by every API on one Redis, and another stack's slow API would delay this one's presence reads);
 * student i uses instance i mod N, the teacher the first one.
 * The students are seeded straight into the database (bcrypt for 300 joins would measure the seeding).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  type TDeliverable,
  type TExperimentSpecInput,
  type TSaveDeliverableResponse,
  type TSubmitExperimentResponse,
} from '@dlclass/contracts';
import { createPrismaClient, createSession, displayKeyOf, hashSecret, type PrismaClient } from '@dlclass/db';
import {
  createClass,
  createTeacher,
  createTestDatabase,
  type TestDatabase,
  tinyRun,
} from '@dlclass/db/testing';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import {
  formatTable,
  freePort,
  option,
  percentile,
  type Stack,
  startRedisServer,
  startStack,
  summarize,
  waitForWorker,
} from './common';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const KIND = 'observation-sheet';
const AUTOSAVE_MS = 2000;
const PAGE_OPEN_MS = 30_000;
const DASHBOARD_MS = 5000;
const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** A run small enough to train in seconds on a CPU core. */
const TINY_RUN: TExperimentSpecInput = { ...tinyRun(), name: 'Charge' };

const AUTOSAVE = 'PUT /api/deliverables/:kind';

type Phase = 'arrival' | 'classPresent';

/** Latencies per endpoint (and the autosaves' per phase), failures (a non-2xx answer or none) per endpoint. */
class Recorder {
  readonly latencies = new Map<string, number[]>();
  readonly autosaves: Record<Phase, number[]> = { arrival: [], classPresent: [] };
  readonly errors = new Map<string, number>();
  readonly samples: string[] = [];
  phase: Phase = 'arrival';

  ok(endpoint: string, ms: number) {
    const list = this.latencies.get(endpoint) ?? [];
    list.push(ms);
    this.latencies.set(endpoint, list);
    if (endpoint === AUTOSAVE) this.autosaves[this.phase].push(ms);
  }

  fail(endpoint: string, why: string) {
    this.errors.set(endpoint, (this.errors.get(endpoint) ?? 0) + 1);
    if (this.samples.length < 10) this.samples.push(`${endpoint}: ${why}`);
  }

  get errorCount() {
    return [...this.errors.values()].reduce((sum, n) => sum + n, 0);
  }
}

interface Student {
  id: string;
  token: string;
  /** The API instance this student's browser reaches. */
  apiUrl: string;
  socket?: ClientSocket;
  /** The version the next save starts from (the last acknowledged one, or the newer one a 409 gave). */
  version: number;
  /** The last save the API acknowledged: the version it created and its answers. */
  acked: { version: number; answers: Record<string, string> } | null;
  saves: number;
  saving: Promise<void> | null;
  run?: { id?: string; submittedAt: number; endedAt?: number; status?: string };
}

async function call<T>(
  recorder: Recorder,
  apiUrl: string,
  endpoint: string,
  token: string,
  init: { method?: string; path: string; body?: unknown },
): Promise<{ status: number; body: T } | null> {
  const start = performance.now();
  try {
    const response = await fetch(`${apiUrl}${init.path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    const ms = performance.now() - start;
    if (!response.ok) {
      recorder.fail(endpoint, `${response.status} ${text.slice(0, 200)}`);
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    }
    recorder.ok(endpoint, ms);
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  } catch (error) {
    // fetch says only "fetch failed": the reason (ECONNRESET, a timeout...) is its cause
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    recorder.fail(endpoint, `${String(error)}${cause}`);
    return null;
  }
}

/** The calls a student's worksheet page makes when it opens (server side and in the browser). */
async function openPage(recorder: Recorder, student: Student): Promise<void> {
  await Promise.all(
    (
      [
        ['GET /api/me', '/api/me'],
        ['GET /api/lesson', '/api/lesson'],
        ['GET /api/hands/mine', '/api/hands/mine'],
        [`GET /api/deliverables/:kind`, `/api/deliverables/${KIND}`],
        ['GET /api/experiments', '/api/experiments'],
      ] as const
    ).map(([endpoint, path]) => call(recorder, student.apiUrl, endpoint, student.token, { path })),
  );
}

/** One autosave, as the page does it: from the last acknowledged version; a 409 hands over the newer one. */
async function autosave(recorder: Recorder, student: Student): Promise<void> {
  const answers = { learned: `Brouillon ${student.id.slice(0, 8)} n° ${student.saves + 1}` };
  const result = await call<TSaveDeliverableResponse & { details?: { currentVersion: number } }>(
    recorder,
    student.apiUrl,
    AUTOSAVE,
    student.token,
    { method: 'PUT', path: `/api/deliverables/${KIND}`, body: { version: student.version, answers } },
  );
  if (result?.status === 200) {
    student.version = result.body.version;
    student.acked = { version: result.body.version, answers };
    student.saves += 1;
  } else if (result?.status === 409 && result.body.details) {
    student.version = result.body.details.currentVersion;
  }
}

async function connectSocket(recorder: Recorder, apiUrl: string, token: string): Promise<ClientSocket> {
  const start = performance.now();
  const socket: ClientSocket = io(apiUrl, { auth: { token }, transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  }).then(
    () => recorder.ok('Socket.IO connect', performance.now() - start),
    (error: unknown) => recorder.fail('Socket.IO connect', String(error)),
  );
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') recorder.fail('Socket.IO connection', `dropped: ${reason}`);
  });
  return socket;
}

/** A teacher, a class and its students with a session each, straight into the database. */
async function seed(prisma: PrismaClient, count: number) {
  const teacher = await createTeacher(prisma);
  // one seed per student: the 30 identical runs train 30 times, as before runs of a class were shared
  const klass = await createClass(prisma, teacher.id, {
    name: `Charge ${new Date().toISOString()}`,
    seedMode: 'STUDENT',
  });
  const pinHash = await hashSecret('1234');
  const names = Array.from({ length: count }, (_, i) => `Élève charge ${i + 1}`);
  await prisma.user.createMany({
    data: names.map((displayName) => ({
      role: 'STUDENT' as const,
      classId: klass.id,
      displayName,
      displayKey: displayKeyOf(displayName),
      pinHash,
    })),
  });
  const users = await prisma.user.findMany({ where: { classId: klass.id }, orderBy: { displayKey: 'asc' } });
  const students: Student[] = [];
  for (const user of users) {
    const { token } = await createSession(prisma, user.id);
    students.push({ id: user.id, token, apiUrl: '', version: 0, acked: null, saves: 0, saving: null });
  }
  const { token: teacherToken } = await createSession(prisma, teacher.id);
  return { classId: klass.id, teacherToken, students };
}

function stringOption(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index < 0 ? undefined : args[index + 1];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const studentCount = option(args, 'students', 300);
  const runCount = Math.min(studentCount, option(args, 'runs', 30, 0));
  const seconds = option(args, 'seconds', 60);
  const rampS = option(args, 'ramp', 30);
  const runTimeoutS = option(args, 'run-timeout', 300);
  const externalApi = stringOption(args, 'api');
  const instances = externalApi ? externalApi.split(',').length : option(args, 'instances', 1);
  const workerId = `loadtest-${process.pid}`;
  const recorder = new Recorder();

  let db: TestDatabase | undefined;
  let prisma: PrismaClient;
  let ownRedis: { url: string; stop(): Promise<void>; dataDir: string } | undefined;
  if (externalApi) {
    prisma = createPrismaClient(process.env.DATABASE_URL);
  } else {
    db = await createTestDatabase();
    prisma = db.prisma;
    const dataDir = await mkdtemp(path.join(tmpdir(), 'dlclass-loadtest-redis-'));
    ownRedis = { ...(await startRedisServer({ dataDir, port: await freePort() })), dataDir };
  }
  const redisUrl = ownRedis?.url ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(redisUrl);
  const stacks: Stack[] = [];
  const students: Student[] = [];
  let teacherSocket: ClientSocket | undefined;
  try {
    process.stderr.write(`seeding a class of ${studentCount} students...\n`);
    const seeded = await seed(prisma, studentCount);
    students.push(...seeded.students);
    let workerInfo = 'the running stack';
    if (!externalApi) {
      process.stderr.write(`starting ${instances} api instance(s) + a worker...\n`);
      const env = { TRAINING_QUEUE_NAME: `loadtest-${randomUUID()}`, WORKER_ID: workerId, LOG_LEVEL: 'warn' };
      for (let i = 0; i < instances; i++) {
        stacks.push(
          await startStack({
            apiPort: await freePort(),
            webPort: await freePort(),
            databaseUrl: db?.url,
            redisUrl,
            web: false,
            worker: i === 0,
            quiet: !process.env.BENCH_VERBOSE,
            env,
          }),
        );
      }
      const worker = await waitForWorker(redis, workerId);
      workerInfo = `${worker.backend}, concurrency ${worker.concurrency ?? 1}`;
    }
    const apiUrls = externalApi ? externalApi.split(',') : stacks.map((stack) => stack.apiUrl);
    const apiUrl = apiUrls[0] as string;
    for (const [index, student] of students.entries())
      student.apiUrl = apiUrls[index % apiUrls.length] as string;

    process.stderr.write(
      `${studentCount} students arrive over ${rampS} s (worker: ${workerInfo}), then ${runCount} runs at once and ${seconds} s of load...\n`,
    );
    teacherSocket = await connectSocket(recorder, apiUrl, seeded.teacherToken);
    await teacherSocket.emitWithAck('class:subscribe', { classId: seeded.classId });
    // the dashboard hears every student come online, whichever instance their socket reached
    const seenOnline = new Set<string>();
    teacherSocket.on('presence:changed', (event) => {
      if (event.online) seenOnline.add(event.studentId);
    });
    const timers: NodeJS.Timeout[] = [];
    let stopped = false;
    const loadStart = performance.now();
    const dashboard = () =>
      Promise.all([
        call(recorder, apiUrl, 'GET /api/classes/:id/progress', seeded.teacherToken, {
          path: `/api/classes/${seeded.classId}/progress`,
        }),
        call(recorder, apiUrl, 'GET /api/classes/presence', seeded.teacherToken, {
          path: '/api/classes/presence',
        }),
      ]);
    timers.push(setInterval(() => void dashboard(), DASHBOARD_MS));

    // student i arrives at i/N of the ramp: connects its socket, opens the page, then autosaves every 2 s and
    // opens a page again every 30 s, each at its own moment
    const arrive = async (student: Student) => {
      student.socket = await connectSocket(recorder, student.apiUrl, student.token);
      student.socket.on('experiment:status', (event) => {
        const run = student.run;
        if (!run || event.experimentId !== run.id || !TERMINAL.has(event.status)) return;
        run.endedAt ??= performance.now();
        run.status = event.status;
      });
      if (stopped) return;
      void openPage(recorder, student);
      const tick = () => {
        if (student.saving) return; // one save at a time: the next tick sends the latest answers
        student.saving = autosave(recorder, student).finally(() => {
          student.saving = null;
        });
      };
      timers.push(
        setInterval(tick, AUTOSAVE_MS),
        setInterval(() => void openPage(recorder, student), PAGE_OPEN_MS),
      );
    };
    const arrivals = students.map(
      (student, index) =>
        new Promise<void>((resolve) => {
          timers.push(
            setTimeout(() => void arrive(student).then(resolve), (index * rampS * 1000) / students.length),
          );
        }),
    );
    const stackFailed = Promise.race(
      stacks.map((stack) =>
        stack.failed.then((name) => {
          throw new Error(`${name} exited during the load`);
        }),
      ),
    );
    await Promise.race([Promise.all(arrivals), stackFailed]);
    recorder.phase = 'classPresent';
    const runsSubmitted = Promise.all(
      students.slice(0, runCount).map(async (student) => {
        student.run = { submittedAt: performance.now() };
        const result = await call<TSubmitExperimentResponse>(
          recorder,
          student.apiUrl,
          'POST /api/experiments',
          student.token,
          { method: 'POST', path: '/api/experiments', body: TINY_RUN },
        );
        if (result?.status === 202) student.run.id = result.body.id;
      }),
    );
    await Promise.race([new Promise((resolve) => setTimeout(resolve, seconds * 1000)), stackFailed]);
    stopped = true;
    for (const timer of timers) clearInterval(timer);
    await Promise.all(students.map((student) => student.saving));
    await runsSubmitted;
    const loadS = (performance.now() - loadStart) / 1000;

    process.stderr.write('load over; waiting for the runs, then checking every autosave...\n');
    const runsDeadline = performance.now() + runTimeoutS * 1000;
    const withRuns = students.filter((student) => student.run?.id);
    while (withRuns.some((student) => !student.run?.endedAt) && performance.now() < runsDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    // no autosave lost: the database holds the last save each student was told succeeded, or a later one
    const stored = await Promise.all(
      students.map(async (student) => {
        const result = await call<TDeliverable>(
          recorder,
          student.apiUrl,
          'final check (GET deliverable)',
          student.token,
          {
            path: `/api/deliverables/${KIND}`,
          },
        );
        return result?.body;
      }),
    );
    const lost = students.filter((student, i) => {
      const record = stored[i];
      return (
        student.acked !== null &&
        // a later version is a save whose answer never arrived (dropped request) but which landed: no loss
        (record === undefined ||
          record.version < student.acked.version ||
          (record.version === student.acked.version &&
            !isDeepStrictEqual(record.answers, student.acked.answers)))
      );
    });

    const runDurations = withRuns
      .filter((student) => student.run?.endedAt)
      .map((student) => ((student.run?.endedAt as number) - (student.run?.submittedAt as number)) / 1000)
      .sort((a, b) => a - b);
    const succeeded = withRuns.filter((student) => student.run?.status === 'succeeded').length;
    const endpoints = [...new Set([...recorder.latencies.keys(), ...recorder.errors.keys()])].sort();
    const summaries = Object.fromEntries(
      endpoints.map((endpoint) => [
        endpoint,
        { ...summarize(recorder.latencies.get(endpoint) ?? []), errors: recorder.errors.get(endpoint) ?? 0 },
      ]),
    );
    const autosaveP99 = summaries[AUTOSAVE]?.p99 ?? Number.NaN;
    /** null: no autosave ended in that phase (a short ramp). */
    const phaseP99 = (phase: Phase) =>
      recorder.autosaves[phase].length ? summarize(recorder.autosaves[phase]).p99 : null;
    const acknowledged = students.reduce((sum, student) => sum + student.saves, 0);
    const result = {
      bench: 'loadtest',
      students: studentCount,
      apiInstances: instances,
      seconds: Number(loadS.toFixed(1)),
      arrivalS: rampS,
      cores: availableParallelism(),
      cpu: cpus()[0]?.model ?? 'unknown',
      /** The machine's 1-minute load average at the end: other work on the machine shows here. */
      loadAverage: Number(loadavg()[0]?.toFixed(1)),
      worker: workerInfo,
      teacherHeardOnline: seenOnline.size,
      autosavesAcknowledged: acknowledged,
      autosavesLost: lost.length,
      autosaveP99ByPhase: { arrival: phaseP99('arrival'), classPresent: phaseP99('classPresent') },
      errors: recorder.errorCount,
      runs: {
        submitted: runCount,
        accepted: withRuns.length,
        succeeded,
        finishedP50S: Number(percentile(runDurations, 50).toFixed(1)),
        finishedMaxS: Number((runDurations.at(-1) ?? Number.NaN).toFixed(1)),
      },
      endpoints: summaries,
      targets: {
        autosaveP99Under200Ms: autosaveP99 < 200,
        noError: recorder.errorCount === 0,
        noAutosaveLost: lost.length === 0,
      },
    };
    process.stdout.write(`${JSON.stringify(result)}\n\n`);
    process.stdout.write(
      `${formatTable(
        ['endpoint', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'],
        endpoints.map((endpoint) => {
          const s = summaries[endpoint] as (typeof summaries)[string];
          return [endpoint, s.count, s.p50, s.p95, s.p99, s.max, s.errors];
        }),
      )}\n\n`,
    );
    const yes = (ok: boolean) => (ok ? 'met' : 'MISSED');
    process.stdout.write(
      `${[
        `${studentCount} students arriving over ${rampS} s on ${instances} API instance(s), ${result.seconds} s in all, on ${result.cores} cores (${result.cpu}, load average ${result.loadAverage}); worker: ${workerInfo}`,
        `presence: the teacher (instance 1) heard ${seenOnline.size} of ${studentCount} students come online`,
        `autosaves: ${acknowledged} acknowledged, ${lost.length} lost; p99 ${result.autosaveP99ByPhase.arrival ?? '-'} ms while the class arrives, ${result.autosaveP99ByPhase.classPresent ?? '-'} ms once it is there`,
        `runs: ${runCount} submitted at once, ${withRuns.length} accepted, ${succeeded} succeeded; submit -> done p50 ${result.runs.finishedP50S} s, max ${result.runs.finishedMaxS} s`,
        `errors: ${recorder.errorCount}${recorder.samples.length ? `, e.g.\n  ${recorder.samples.join('\n  ')}` : ''}`,
        `targets: autosave p99 < 200 ms ${yes(result.targets.autosaveP99Under200Ms)} (${autosaveP99} ms), no error ${yes(result.targets.noError)}, no autosave lost ${yes(result.targets.noAutosaveLost)}`,
      ].join('\n')}\n`,
    );
  } finally {
    teacherSocket?.disconnect();
    for (const student of students) student.socket?.disconnect();
    for (const stack of stacks) await stack.stop();
    await redis.quit();
    if (db) await db.drop();
    else await prisma.$disconnect();
    await ownRedis?.stop();
    if (ownRedis) await rm(ownRedis.dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
