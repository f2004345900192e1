import {
  CHALLENGE_IMAGES,
  PERTURBATIONS,
  type TApiError,
  type TClassicalRun,
  type TClassicalRunSummary,
  type TExperimentSummary,
  type TRealWorldDrawing,
} from '@dlclass/contracts';
import {
  createClass,
  createExperiment,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import { Queue } from 'bullmq';
import request from 'supertest';
import { type Harness, REDIS_URL, sleep, startHarness, tinyRun } from './harness';

/** A forest small enough to train in seconds, on the networks' seeded split. */
const smallForest = { model: { algorithm: 'random-forest', trees: 10 }, trainSize: 1_000, seed: 3 };

describe('classical runs through the API (real PostgreSQL, Redis and worker)', () => {
  let h: Harness;
  let aliceToken: string;
  let bobToken: string;
  let teacherToken: string;
  let otherTeacherToken: string;
  let classId: string;

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    h = await startHarness('classical');
    const teacher = await createTeacher(h.db.prisma);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    const klass = await createClass(h.db.prisma, teacher.id);
    classId = klass.id;
    aliceToken = await issueSessionToken(
      h.db.prisma,
      (await createStudent(h.db.prisma, klass.id, { displayName: 'Alice' })).id,
    );
    bobToken = await issueSessionToken(
      h.db.prisma,
      (await createStudent(h.db.prisma, klass.id, { displayName: 'Bob' })).id,
    );
    const other = await createTeacher(h.db.prisma);
    otherTeacherToken = await issueSessionToken(h.db.prisma, other.id);
  });

  afterAll(async () => {
    await h?.close();
  });

  async function finished(id: string): Promise<TClassicalRun> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const run = (await api().get(`/api/classical-runs/${id}`).set(as(aliceToken)).expect(200))
        .body as TClassicalRun;
      if (!['queued', 'running'].includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`classical run still ${run.status}`);
      await sleep(300);
    }
  }

  it('answers an invalid spec with 400 naming each faulty field in French, and writes nothing', async () => {
    const res = await api()
      .post('/api/classical-runs')
      .set(as(aliceToken))
      .send({ model: { algorithm: 'knn', k: 0 }, features: 'edges', trainSize: 50 })
      .expect(400);
    const body = res.body as TApiError;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(Object.fromEntries((body.fields ?? []).map((f) => [f.field, f.message]))).toEqual({
      'model.k': 'Le nombre de voisins k doit être au moins 1',
      features: 'Entrées inconnues : pixels ou zones',
      trainSize: "La taille du jeu d'entraînement doit être au moins 100",
    });
    expect(await h.db.prisma.experiment.count()).toBe(0);
  });

  it('queues a classical run as a run of its own kind and cancels it while it waits', async () => {
    const res = await api().post('/api/classical-runs').set(as(aliceToken)).send(smallForest).expect(202);
    expect(res.body).toMatchObject({ id: expect.any(String), status: 'queued', queuePosition: 1 });
    const row = await h.db.prisma.experiment.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({
      kind: 'CLASSICAL',
      status: 'QUEUED',
      classId,
      name: 'Forêt aléatoire (10 arbres, pixels)',
    });
    const queue = new Queue(h.config.TRAINING_QUEUE_NAME, { connection: { url: REDIS_URL } });
    try {
      expect(await queue.getJob(res.body.id)).toBeDefined();
      const cancelled = await api()
        .post(`/api/classical-runs/${res.body.id}/cancel`)
        .set(as(aliceToken))
        .expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', result: null });
      expect(await queue.getJob(res.body.id)).toBeUndefined();
    } finally {
      await queue.close();
    }
  });

  it('trains a random forest and a k-NN on zones: evaluation, mistakes with images, times, the challenge', async () => {
    // the class's drawings: only those kept with consent and the digit meant join the real-world set
    const drawer = await createStudent(h.db.prisma, classId, { displayName: 'Chloé' });
    const network = await createExperiment(h.db.prisma, drawer);
    const stroke = Array.from({ length: 784 }, (_, i) => (i % 28 > 12 && i % 28 < 16 ? 255 : 0));
    const drawing = (intended: number | null, consent: boolean) => ({
      userId: drawer.id,
      experimentId: network.id,
      pixels: Uint8Array.from(stroke),
      intended,
      predicted: 1,
      probabilities: Array(10).fill(0.1),
      consent,
    });
    const kept = await h.db.prisma.drawing.create({ data: drawing(1, true) });
    await h.db.prisma.drawing.createMany({ data: [drawing(7, false), drawing(null, true)] });
    const elsewhere = await createStudent(
      h.db.prisma,
      (await createClass(h.db.prisma, (await createTeacher(h.db.prisma)).id)).id,
    );
    const elsewhereRun = await createExperiment(h.db.prisma, elsewhere);
    await h.db.prisma.drawing.create({
      data: { ...drawing(4, true), userId: elsewhere.id, experimentId: elsewhereRun.id },
    });

    await h.startWorker();
    const forestId = (
      await api()
        .post('/api/classical-runs')
        .set(as(aliceToken))
        .send({ ...smallForest, name: 'Ma forêt' })
        .expect(202)
    ).body.id as string;
    const knnId = (
      await api()
        .post('/api/classical-runs')
        .set(as(aliceToken))
        .send({ model: { algorithm: 'knn', k: 3 }, features: 'zones', trainSize: 1_000 })
        .expect(202)
    ).body.id as string;

    const forest = await finished(forestId);
    expect(forest).toMatchObject({ name: 'Ma forêt', status: 'succeeded', error: null, queuePosition: null });
    expect(forest.spec).toEqual({
      ...smallForest,
      name: 'Ma forêt',
      dataset: 'mnist',
      features: 'pixels',
      validationSplit: 0.1,
    });
    const result = forest.result;
    if (!result) throw new Error('no result');
    expect(forest.testAccuracy).toBe(result.evaluation.testAccuracy);
    expect(result.evaluation.testAccuracy).toBeGreaterThan(0.75);
    expect(result.evaluation.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(result.evaluation.perClass).toHaveLength(10);
    expect(result.fitMs).toBeGreaterThan(0);
    expect(result.predictMs).toBeGreaterThan(0);
    expect(result.evaluation.mistakes?.length).toBeGreaterThan(0);
    for (const mistake of result.evaluation.mistakes ?? []) {
      expect(result.evaluation.confusionMatrix[mistake.label]?.[mistake.prediction]).toBe(mistake.count);
      expect(mistake.examples[0]?.pixels).toHaveLength(784);
    }
    expect(result.evaluation.robustness).toMatchObject({ images: CHALLENGE_IMAGES });
    expect(result.evaluation.robustness?.sets).toHaveLength(PERTURBATIONS.length * 3);

    const realWorld = (
      await api().get(`/api/classical-runs/${forestId}/real-world`).set(as(aliceToken)).expect(200)
    ).body as TRealWorldDrawing[];
    expect(realWorld).toEqual([{ id: kept.id, intended: 1, predicted: expect.any(Number), pixels: stroke }]);
    expect(result.evaluation.realWorld?.drawingIds).toEqual([kept.id]);
    await api().get(`/api/classical-runs/${forestId}/real-world`).set(as(bobToken)).expect(404);

    // a classical model is not the Hello World's network: that activity is still to do
    const lesson = await api().get('/api/lesson').set(as(aliceToken)).expect(200);
    expect(lesson.body.progress['hello-world']).toBe('not-started');

    const knn = await finished(knnId);
    expect(knn).toMatchObject({ status: 'succeeded', name: 'k plus proches voisins (k = 3, zones)' });
    expect(knn.result?.evaluation.testAccuracy).toBeGreaterThan(0.75);
  });

  it('keeps classical runs out of the networks and the networks out of the classical runs', async () => {
    const network = (await api().post('/api/experiments').set(as(aliceToken)).send(tinyRun()).expect(202))
      .body.id as string;
    const classical = (await api().get('/api/classical-runs').set(as(aliceToken)).expect(200))
      .body as TClassicalRunSummary[];
    expect(classical.map((run) => run.spec.model.algorithm)).toEqual([
      'knn',
      'random-forest',
      'random-forest',
    ]);
    const networks = (await api().get('/api/experiments').set(as(aliceToken)).expect(200))
      .body as TExperimentSummary[];
    expect(networks.map((run) => run.id)).toEqual([network]);
    const [latest] = classical;
    await api().get(`/api/experiments/${latest?.id}`).set(as(aliceToken)).expect(404);
    await api().get(`/api/classical-runs/${network}`).set(as(aliceToken)).expect(404);
    // a classical model has nothing to draw on
    const drawing = {
      pixels: Array(784).fill(0),
      intended: 3,
      predicted: 3,
      probabilities: Array(10).fill(0.1),
      consent: false,
    };
    const refused = await api()
      .post(`/api/experiments/${latest?.id}/drawings`)
      .set(as(aliceToken))
      .send(drawing)
      .expect(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'On ne dessine que pour un réseau de neurones : ce modèle est un modèle classique.',
    });
    expect(await h.db.prisma.drawing.count({ where: { experimentId: latest?.id } })).toBe(0);
  });

  it("shows a student's classical runs to their teacher only, never to another student", async () => {
    const [latest] = (await api().get('/api/classical-runs').set(as(aliceToken)).expect(200))
      .body as TClassicalRunSummary[];
    if (!latest) throw new Error('no run');
    await api().get(`/api/classical-runs/${latest.id}`).set(as(bobToken)).expect(404);
    await api().post(`/api/classical-runs/${latest.id}/cancel`).set(as(bobToken)).expect(404);
    expect((await api().get('/api/classical-runs').set(as(bobToken)).expect(200)).body).toEqual([]);
    await api().get(`/api/classical-runs/${latest.id}`).set(as(teacherToken)).expect(200);
    const teacherView = (
      await api().get(`/api/classical-runs?classId=${classId}`).set(as(teacherToken)).expect(200)
    ).body as TClassicalRunSummary[];
    expect(teacherView.map((run) => run.ownerName)).toEqual(['Alice', 'Alice', 'Alice']);
    await api().get(`/api/classical-runs/${latest.id}`).set(as(otherTeacherToken)).expect(404);
    await api().get(`/api/classical-runs?classId=${classId}`).set(as(otherTeacherToken)).expect(404);
  });
});
