import {
  TERMINAL_STATUSES,
  type TExperiment,
  type TExperimentProgressEvent,
  type TExperimentSpecInput,
  type TExperimentStatus,
  type TExperimentStatusEvent,
  type TRunEstimate,
  type TSubmitExperimentResponse,
} from '@dlclass/contracts';
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import { Queue } from 'bullmq';
import request from 'supertest';
import { type Harness, REDIS_URL, sleep, startHarness, tinyRun } from './harness';
import { SocketClients } from './sockets';

type Student = { id: string; token: string };

/**
 * Identical runs of a class share one training (real PostgreSQL, Redis, BullMQ and worker): attached while
 * queued or running, answered at once when already computed, left by one without stopping the others, and
 * never across classes; the teacher's per-student seed trains every run.
 */
describe('shared trainings of identical runs', () => {
  let h: Harness;
  let queue: Queue;
  let classId: string;
  let teacherToken: string;
  let classSeed: number;
  const sockets = new SocketClients();
  let named = 0;

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function student(inClass = classId): Promise<Student> {
    named += 1;
    const { id } = await createStudent(h.db.prisma, inClass, { displayName: `Élève ${named}` });
    return { id, token: await issueSessionToken(h.db.prisma, id) };
  }

  async function submit(
    who: Student,
    spec: TExperimentSpecInput,
    query = '',
  ): Promise<TSubmitExperimentResponse> {
    return (await api().post(`/api/experiments${query}`).set(as(who.token)).send(spec).expect(202)).body;
  }

  async function estimate(who: Student, spec: TExperimentSpecInput, query = ''): Promise<TRunEstimate> {
    return (await api().post(`/api/experiments/estimate${query}`).set(as(who.token)).send(spec).expect(200))
      .body;
  }

  async function read(who: Student, id: string): Promise<TExperiment> {
    return (await api().get(`/api/experiments/${id}`).set(as(who.token)).expect(200)).body;
  }

  /** Re-reads the run until `done` holds (the test's own timeout bounds the wait). */
  async function until(who: Student, id: string, done: (run: TExperiment) => boolean): Promise<TExperiment> {
    for (;;) {
      const run = await read(who, id);
      if (done(run)) return run;
      await sleep(100);
    }
  }

  const ended = (run: TExperiment) => TERMINAL_STATUSES.includes(run.status);
  const jobs = async () => (await queue.getJobs(['prioritized', 'waiting', 'active'])).map((job) => job.id);

  /** What a run's results are, to compare two runs that shared a training. */
  const results = (run: TExperiment) => ({
    status: run.status,
    epochs: run.epochs,
    evaluation: run.evaluation,
    durationMs: run.durationMs,
    hasModel: run.hasModel,
    seed: run.spec.training.seed,
  });

  async function weights(who: Student, id: string): Promise<Buffer> {
    const res = await api()
      .get(`/api/experiments/${id}/model/weights.bin`)
      .set(as(who.token))
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return res.body as Buffer;
  }

  /** Long enough to join while it trains and to cancel it: five epochs of 30,000 images. */
  const longRun = (patch: Partial<TExperimentSpecInput['training']> = {}) =>
    tinyRun({ epochs: 5, trainSize: 30_000, seed: 11, ...patch });

  beforeAll(async () => {
    h = await startHarness('shared-training');
    queue = new Queue(h.config.TRAINING_QUEUE_NAME, { connection: { url: REDIS_URL } });
    const teacher = await createTeacher(h.db.prisma);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    const klass = await createClass(h.db.prisma, teacher.id);
    classId = klass.id;
    classSeed = klass.seed;
    await h.startWorker();
  });

  afterAll(async () => {
    sockets.closeAll();
    await queue?.close();
    await h?.close();
  });

  it('identical runs submitted at the same moment share one queued training, and get its results as their own', async () => {
    const class5 = await Promise.all(Array.from({ length: 5 }, () => student()));
    await queue.pause();
    const spec = (i: number) => ({ ...tinyRun({ seed: 21 }), name: `Essai de l'élève ${i}` });
    const answers = await Promise.all(class5.map((who, i) => submit(who, spec(i))));
    try {
      // one training: one job, the others attached to it, all at the same place in the queue
      expect(answers.filter((a) => a.sharing === null)).toHaveLength(1);
      expect(answers.filter((a) => a.sharing === 'attached')).toHaveLength(4);
      expect(new Set(answers.map((a) => a.status))).toEqual(new Set(['queued']));
      expect(new Set(answers.map((a) => a.queuePosition))).toEqual(new Set([1]));
      const first = answers.find((a) => a.sharing === null);
      expect(await jobs()).toEqual([first?.id]);
    } finally {
      await queue.resume();
    }
    const runs = await Promise.all(class5.map((who, i) => until(who, answers[i]?.id ?? '', ended)));
    for (const [i, run] of runs.entries()) {
      expect(run).toMatchObject({
        status: 'succeeded',
        name: `Essai de l'élève ${i}`,
        userId: class5[i]?.id,
      });
      expect(run.epochs).toHaveLength(1);
      expect(results(run)).toEqual(results(runs[0] as TExperiment));
    }
    expect(runs.map((run) => run.sharing).sort()).toEqual(
      [null, 'attached', 'attached', 'attached', 'attached'].sort(),
    );
    const [a, b] = [0, 1].map((i) => ({ who: class5[i] as Student, id: runs[i]?.id ?? '' })) as [
      { who: Student; id: string },
      { who: Student; id: string },
    ];
    expect((await weights(a.who, a.id)).equals(await weights(b.who, b.id))).toBe(true);
    // each student's run counts as theirs
    const list = await api().get('/api/experiments').set(as(b.who.token)).expect(200);
    expect(list.body.map((run: TExperiment) => run.id)).toEqual([b.id]);
  });

  it("a student's first run attached to another's third moves that training up the fair-share queue", async () => {
    const [ana, ben] = await Promise.all([student(), student()]);
    if (!ana || !ben) throw new Error('students');
    const anas: TSubmitExperimentResponse[] = [];
    await queue.pause();
    try {
      for (const seed of [71, 72, 73]) anas.push(await submit(ana, tinyRun({ seed })));
      expect(anas.map((run) => run.queuePosition)).toEqual([1, 2, 3]);
      const bens = await submit(ben, tinyRun({ seed: 73 }));
      expect(bens).toMatchObject({ sharing: 'attached', queuePosition: 2 });
      expect((await queue.getJob(anas[2]?.id ?? ''))?.priority).toBe(1);
      const places = await Promise.all(anas.map(async (run) => (await read(ana, run.id)).queuePosition));
      expect(places).toEqual([1, 3, 2]);
    } finally {
      await queue.resume();
    }
    // left as the next tests find the queue: empty
    for (const run of await Promise.all(anas.map((run) => until(ana, run.id, ended)))) {
      expect(run.status).toBe('succeeded');
    }
  });

  it('a late joiner gets the epochs already done and the same live events; one student leaving does not stop the others', async () => {
    const [ana, ben, cleo] = await Promise.all([student(), student(), student()]);
    if (!ana || !ben || !cleo) throw new Error('students');
    const teacher = await sockets.connect(h.url, teacherToken);
    expect(await teacher.emitWithAck('class:subscribe', { classId })).toEqual({ ok: true });
    const heard: TExperimentStatusEvent[] = [];
    teacher.on('experiment:status', (event) => heard.push(event));

    await queue.pause();
    const started = await submit(ana, longRun());
    const queued = await submit(ben, longRun());
    await queue.resume();
    expect(queued).toMatchObject({ status: 'queued', sharing: 'attached' });
    // Cléo arrives once the first epoch is done: she sees it at once
    await until(ana, started.id, (run) => run.epochs.length >= 1 || ended(run));
    const late = await submit(cleo, longRun());
    expect(late).toMatchObject({ status: 'running', sharing: 'attached', queuePosition: null });
    const joined = await read(cleo, late.id);
    expect(joined.status).toBe('running');
    expect(joined.epochs.length).toBeGreaterThanOrEqual(1);
    expect(joined.epochs[0]).toEqual((await read(ana, started.id)).epochs[0]);

    const cleoSocket = await sockets.connect(h.url, cleo.token);
    const progress: TExperimentProgressEvent[] = [];
    cleoSocket.on('experiment:progress', (event) => progress.push(event));
    expect(await cleoSocket.emitWithAck('experiment:subscribe', { experimentId: late.id })).toEqual({
      ok: true,
    });

    // Ana leaves: her run alone is cancelled, the training goes on for Ben and Cléo
    const left = await api().post(`/api/experiments/${started.id}/cancel`).set(as(ana.token)).expect(200);
    expect(left.body).toMatchObject({ status: 'cancelled' });
    expect((await read(ben, queued.id)).status).toBe('running');
    expect(await queue.getJobState(started.id)).toBe('active');

    const [benDone, cleoDone] = await Promise.all([
      until(ben, queued.id, ended),
      until(cleo, late.id, ended),
    ]);
    expect(benDone.status).toBe('succeeded');
    expect(benDone.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(results(cleoDone)).toEqual(results(benDone));
    expect((await weights(cleo, late.id)).equals(await weights(ben, queued.id))).toBe(true);
    const anaAfter = await read(ana, started.id);
    expect(anaAfter).toMatchObject({ status: 'cancelled', evaluation: null, hasModel: false });

    // the live events Cléo heard carry her run's id, up to the last epoch
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((event) => event.experimentId === late.id)).toBe(true);
    expect(progress.filter((event) => event.kind === 'epoch').at(-1)?.epoch).toBe(5);
    // the teacher's live table heard each student's own run
    await sleep(200);
    const statusOf = (id: string) => heard.filter((e) => e.experimentId === id).map((e) => e.status);
    expect(statusOf(started.id)).toEqual(['queued', 'running', 'cancelled']);
    expect(statusOf(queued.id)).toEqual(['queued', 'running', 'succeeded']);
    expect(statusOf(late.id)).toEqual(['running', 'succeeded']);
  });

  it('the training stops once every student left it, queued or running', async () => {
    const [dan, eva, fay, gus] = await Promise.all([student(), student(), student(), student()]);
    if (!dan || !eva || !fay || !gus) throw new Error('students');
    await queue.pause();
    const d = await submit(dan, longRun({ seed: 31 }));
    const e = await submit(eva, longRun({ seed: 31 }));
    await api().post(`/api/experiments/${d.id}/cancel`).set(as(dan.token)).expect(200);
    expect(await jobs()).toEqual([d.id]);
    expect((await read(eva, e.id)).status).toBe('queued');
    await api().post(`/api/experiments/${e.id}/cancel`).set(as(eva.token)).expect(200);
    expect(await jobs()).toEqual([]);
    expect((await read(eva, e.id)).status).toBe('cancelled');
    await queue.resume();

    // running: the job is stopped by its worker once the last one left
    const f = await submit(fay, longRun({ seed: 41, epochs: 30 }));
    const g = await submit(gus, longRun({ seed: 41, epochs: 30 }));
    expect(g.sharing).toBe('attached');
    await until(fay, f.id, (run) => run.status === 'running');
    await api().post(`/api/experiments/${f.id}/cancel`).set(as(fay.token)).expect(200);
    expect((await read(gus, g.id)).status).toBe('running');
    await api().post(`/api/experiments/${g.id}/cancel`).set(as(gus.token)).expect(200);
    const stopped = await until(gus, g.id, ended);
    expect(stopped.status).toBe('cancelled');
    for (;;) {
      if ((await queue.getJobState(f.id)) !== 'active') break;
      await sleep(100);
    }
    expect(await jobs()).toEqual([]);
  });

  it('an identical run already finished answers at once, labelled; a retrain trains it anew', async () => {
    const [first, second] = await Promise.all([student(), student()]);
    if (!first || !second) throw new Error('students');
    const spec = tinyRun({ seed: 51 });
    const done = await until(first, (await submit(first, spec)).id, ended);
    expect(done.status).toBe('succeeded');

    const answered = await submit(second, { ...spec, name: 'Le même, plus tard' });
    expect(answered).toMatchObject({ status: 'succeeded', sharing: 'reused', queuePosition: null });
    const reused = await read(second, answered.id);
    expect(reused).toMatchObject({ name: 'Le même, plus tard', userId: second.id, sharing: 'reused' });
    expect(results(reused)).toEqual(results(done));
    expect((await weights(second, reused.id)).equals(await weights(first, done.id))).toBe(true);
    const model = await api().get(`/api/experiments/${reused.id}/model`).set(as(second.token)).expect(200);
    expect(model.body.format).toBe('layers-model');
    // the copy is the student's own: deleting the first student's run leaves it whole
    await h.db.prisma.experiment.delete({ where: { id: done.id } });
    expect((await weights(second, reused.id)).length).toBeGreaterThan(0);

    const retrained = await submit(second, spec, '?fresh=true');
    expect(retrained).toMatchObject({ status: 'queued', sharing: null });
    const again = await until(second, retrained.id, ended);
    expect(again).toMatchObject({ status: 'succeeded', sharing: null });
    await api().post('/api/experiments?fresh=maybe').set(as(second.token)).send(spec).expect(400);
  });

  it("a run without a seed takes the class's; per student, identical runs get different seeds and train apart", async () => {
    const [hugo, ines] = await Promise.all([student(), student()]);
    if (!hugo || !ines) throw new Error('students');
    const { seed: _seed, ...training } = tinyRun().training;
    const unseeded = { ...tinyRun(), training: { ...training, trainSize: 300 } };
    await queue.pause();
    try {
      const classMode = [await submit(hugo, unseeded), await submit(ines, unseeded)];
      expect(classMode.map((a) => a.sharing)).toEqual([null, 'attached']);
      for (const [i, who] of [hugo, ines].entries()) {
        expect((await read(who, classMode[i]?.id ?? '')).spec.training.seed).toBe(classSeed);
      }

      // only the class's teacher chooses, among the two modes
      await api()
        .patch(`/api/classes/${classId}`)
        .set(as(hugo.token))
        .send({ seedMode: 'student' })
        .expect(403);
      const other = await createTeacher(h.db.prisma);
      const otherToken = await issueSessionToken(h.db.prisma, other.id);
      await api()
        .patch(`/api/classes/${classId}`)
        .set(as(otherToken))
        .send({ seedMode: 'student' })
        .expect(404);
      const bad = await api()
        .patch(`/api/classes/${classId}`)
        .set(as(teacherToken))
        .send({ seedMode: 'random' })
        .expect(400);
      expect(bad.body.fields[0].field).toBe('seedMode');
      const changed = await api()
        .patch(`/api/classes/${classId}`)
        .set(as(teacherToken))
        .send({ seedMode: 'student' })
        .expect(200);
      expect(changed.body.seedMode).toBe('student');
      const classes = await api().get('/api/classes').set(as(teacherToken)).expect(200);
      expect(classes.body[0].seedMode).toBe('student');

      const perStudent = [await submit(hugo, unseeded), await submit(ines, unseeded)];
      expect(perStudent.map((a) => a.sharing)).toEqual([null, null]);
      expect((await jobs()).sort()).toEqual([classMode[0]?.id, ...perStudent.map((a) => a.id)].sort());
      const seeds = await Promise.all(
        [hugo, ines].map(async (who, i) => (await read(who, perStudent[i]?.id ?? '')).spec.training.seed),
      );
      expect(seeds[0]).not.toBe(seeds[1]);
      expect(seeds).not.toContain(classSeed);
      // a student's own seed stays theirs
      const hugoAgain = await submit(hugo, unseeded);
      expect((await read(hugo, hugoAgain.id)).spec.training.seed).toBe(seeds[0]);
      expect(hugoAgain.sharing).toBeNull();
    } finally {
      await queue.resume();
      await api()
        .patch(`/api/classes/${classId}`)
        .set(as(teacherToken))
        .send({ seedMode: 'class' })
        .expect(200);
    }
  });

  it("never shares across classes: another class's student trains their own and sees nothing of this one", async () => {
    const teacher = await createTeacher(h.db.prisma);
    const otherClass = await createClass(h.db.prisma, teacher.id);
    const [here, there] = [await student(), await student(otherClass.id)];
    const spec = tinyRun({ seed: 61 });
    const done = await until(here, (await submit(here, spec)).id, ended);
    expect(done.status).toBe('succeeded');
    // the same spec and seed in another class: trained for that class
    const theirs = await submit(there, spec);
    expect(theirs.sharing).toBeNull();
    expect(theirs.status).toBe('queued');
    await api().get(`/api/experiments/${done.id}`).set(as(there.token)).expect(404);
    await api().get(`/api/experiments/${done.id}/model/weights.bin`).set(as(there.token)).expect(404);
    const status: TExperimentStatus = (await until(there, theirs.id, ended)).status;
    expect(status).toBe('succeeded');
  });

  it("estimates an identical run by its training's times: queued, running, finished; per student, its own", async () => {
    const [ana, ben, cleo, dan, eva] = await Promise.all(Array.from({ length: 5 }, () => student()));
    if (!ana || !ben || !cleo || !dan || !eva) throw new Error('students');
    const spec = tinyRun({ seed: 95 });
    expect((await estimate(ana, spec)).sharing).toBeNull();
    // every slot busy with a long training of its own: an identical run would wait for a slot
    const { slots } = await estimate(ana, spec);
    expect(slots).toBeGreaterThanOrEqual(1);
    const busy = await Promise.all(
      Array.from({ length: slots }, async (_, i) => {
        const who = await student();
        return { who, run: await submit(who, longRun({ seed: 91 + i, epochs: 30 })) };
      }),
    );
    await Promise.all(busy.map(({ who, run }) => until(who, run.id, (r) => r.status === 'running')));
    const anas = await submit(ana, spec);
    expect(anas).toMatchObject({ status: 'queued', sharing: null });

    const attached = await estimate(ben, spec);
    expect(attached.sharing).toBe('attached');
    expect(attached.startInMs).toBeGreaterThan(0);
    expect(attached.durationMs).toBeGreaterThan(0);
    // a retrain would be a training of its own
    expect((await estimate(ben, spec, '?fresh=true')).sharing).toBeNull();
    const bens = await submit(ben, spec);
    expect(bens).toMatchObject({ status: 'queued', sharing: 'attached' });
    // the run that started the training leaves it: the training still waits, for Ben, and is estimated so
    await api().post(`/api/experiments/${anas.id}/cancel`).set(as(ana.token)).expect(200);
    const afterLeaving = await estimate(cleo, spec);
    expect(afterLeaving.sharing).toBe('attached');
    expect(afterLeaving.startInMs).toBeGreaterThan(0);

    // identical to a training running: no wait, the rest of its time (it has epochs left)
    const [first] = busy;
    if (!first) throw new Error('busy');
    await until(first.who, first.run.id, (run) => run.epochs.length >= 1);
    const joining = await estimate(cleo, longRun({ seed: 91, epochs: 30 }));
    const progress = await read(first.who, first.run.id);
    expect(progress.status).toBe('running');
    expect(progress.epochs.length).toBeLessThan(30);
    expect(joining).toMatchObject({ sharing: 'attached', startInMs: 0 });
    expect(joining.durationMs).toBeGreaterThan(0);
    for (const { who, run } of busy) {
      await api().post(`/api/experiments/${run.id}/cancel`).set(as(who.token)).expect(200);
    }

    // finished: answered at once, with its results
    const bensRun = await until(ben, bens.id, ended);
    expect(bensRun.status).toBe('succeeded');
    expect(bensRun.launchEstimate?.waitMs).toBeGreaterThan(0);
    expect(await estimate(dan, spec)).toMatchObject({ sharing: 'reused', durationMs: 0, startInMs: 0 });
    const dans = await submit(dan, spec);
    expect(dans.sharing).toBe('reused');
    expect((await read(dan, dans.id)).launchEstimate).toMatchObject({ durationMs: 0, waitMs: 0 });

    // one seed per student: every run is trained, and estimated as such
    await api()
      .patch(`/api/classes/${classId}`)
      .set(as(teacherToken))
      .send({ seedMode: 'student' })
      .expect(200);
    try {
      const own = await estimate(eva, spec);
      expect(own.sharing).toBeNull();
      expect(own.durationMs).toBeGreaterThan(0);
    } finally {
      await api()
        .patch(`/api/classes/${classId}`)
        .set(as(teacherToken))
        .send({ seedMode: 'class' })
        .expect(200);
    }
  });
});
