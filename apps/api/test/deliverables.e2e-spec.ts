import { SCHEMA_DIAGRAM, templateFor, textFieldIds } from '@dlclass/content';
import {
  REFERENCE_EXPERIMENT,
  type TAnswers,
  type TDeliverable,
  type TDrawingRequest,
  type TExperimentSpec,
  WORKSHEET_ACTIVITY,
  WORKSHEET_KINDS,
  worksheetKindOf,
} from '@dlclass/contracts';
import {
  createClass,
  createExperiment,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import request from 'supertest';
import { type Harness, startHarness } from './harness';

interface Student {
  id: string;
  classId: string | null;
  token: string;
}

describe('Deliverables and drawings (real PostgreSQL): versions, locks, measured facts, ownership', () => {
  let h: Harness;
  let classId: string;
  let teacherToken: string;
  let otherTeacherToken: string;
  let alice: Student;
  let bob: Student;
  /** In a class where phases 2 and 3 are locked. */
  let dan: Student;
  let danClassId: string;
  let aliceRun: string;
  let bobRun: string;

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  /** The route of an activity's record: tests name activities, the API names their kinds. */
  const url = (activity: string) => `/api/deliverables/${worksheetKindOf(activity) ?? activity}`;
  const save = (student: Student, activity: string, version: number, answers: TAnswers) =>
    api().put(url(activity)).set(as(student.token)).send({ version, answers });
  const submit = (student: Student, activity: string, version: number) =>
    api()
      .post(`${url(activity)}/submit`)
      .set(as(student.token))
      .send({ version });
  const read = async (student: Student, activity: string) =>
    (await api().get(url(activity)).set(as(student.token)).expect(200)).body as TDeliverable;
  const stored = (student: Student, activity: string) =>
    h.db.prisma.deliverable.findUnique({ where: { userId_activity: { userId: student.id, activity } } });

  async function student(klass: string, name: string): Promise<Student> {
    const user = await createStudent(h.db.prisma, klass, { displayName: name });
    return { id: user.id, classId: user.classId, token: await issueSessionToken(h.db.prisma, user.id) };
  }

  const drawing = (intended: number | null, predicted: number): TDrawingRequest => ({
    pixels: new Array(784).fill(0),
    intended,
    predicted,
    probabilities: Array.from({ length: 10 }, (_, d) => (d === predicted ? 1 : 0)),
    consent: true,
  });

  beforeAll(async () => {
    h = await startHarness('deliverables');
    const teacher = await createTeacher(h.db.prisma);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    classId = (await createClass(h.db.prisma, teacher.id, { lockedPhases: [] })).id;
    alice = await student(classId, 'Alice');
    bob = await student(classId, 'Bob');
    danClassId = (await createClass(h.db.prisma, teacher.id, { lockedPhases: [2, 3] })).id;
    dan = await student(danClassId, 'Dan');
    const otherTeacher = await createTeacher(h.db.prisma);
    otherTeacherToken = await issueSessionToken(h.db.prisma, otherTeacher.id);
    aliceRun = (
      await createExperiment(h.db.prisma, alice, {
        name: 'cnn-1',
        parameterCount: 121_930,
        testAccuracy: 0.987,
        correctSamples: 8,
        durationMs: 61_250,
        epochs: [
          { accuracy: 0.91, valAccuracy: 0.95 },
          { accuracy: 0.982, valAccuracy: 0.984 },
        ],
      })
    ).id;
    bobRun = (await createExperiment(h.db.prisma, bob)).id;
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('saving drafts with versions', () => {
    it('answers an empty draft at version 0 before anything is saved', async () => {
      expect(await read(alice, 'fiche-observation')).toMatchObject({
        id: null,
        activity: 'fiche-observation',
        submittable: true,
        status: 'draft',
        version: 0,
        answers: {},
        placementCheck: null,
        updatedAt: null,
      });
      await api().get('/api/deliverables/pas-une-activite').set(as(alice.token)).expect(404);
      await api().get('/api/deliverables/fiche-observation').set(as(alice.token)).expect(404);
      await api().get('/api/deliverables/observation-sheet').expect(401);
    });

    it('increments the version with each save and keeps the latest answers', async () => {
      const first = await save(alice, 'fiche-observation', 0, { learned: 'Les époques' }).expect(200);
      expect(first.body).toEqual({ version: 1, savedAt: expect.any(String) });
      const second = await save(alice, 'fiche-observation', 1, {
        learned: 'Les époques et les batchs',
      }).expect(200);
      expect(second.body.version).toBe(2);
      const record = await read(alice, 'fiche-observation');
      expect(record).toMatchObject({
        version: 2,
        status: 'draft',
        answers: { learned: 'Les époques et les batchs' },
      });
      expect(record.updatedAt).toBe(second.body.savedAt);
    });

    it('refuses a stale write with 409 and the current version, overwriting nothing', async () => {
      const res = await save(alice, 'fiche-observation', 1, { learned: 'écrit dans un vieil onglet' }).expect(
        409,
      );
      expect(res.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
      const fresh = await save(alice, 'fiche-observation', 0, { learned: 'premier brouillon bis' }).expect(
        409,
      );
      expect(fresh.body.details).toEqual({ currentVersion: 2 });
      const row = await stored(alice, 'fiche-observation');
      expect(row).toMatchObject({ version: 2, answers: { learned: 'Les époques et les batchs' } });
    });

    it('lets exactly one of two concurrent first saves win; the other is told the version that won', async () => {
      const results = await Promise.all([
        save(bob, 'tableau-comparatif', 0, { comparison: { 'ease.ml': 'onglet A' } }),
        save(bob, 'tableau-comparatif', 0, { comparison: { 'ease.ml': 'onglet B' } }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409);
      expect(loser?.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 1 } });
      const winner = results.find((r) => r.status === 200);
      const row = await stored(bob, 'tableau-comparatif');
      expect(row?.version).toBe(1);
      expect(row?.answers).toEqual(
        winner === results[0]
          ? { comparison: { 'ease.ml': 'onglet A' } }
          : { comparison: { 'ease.ml': 'onglet B' } },
      );
    });

    it('lets exactly one of several concurrent saves from the same version win', async () => {
      const results = await Promise.all(
        [1, 2, 3, 4].map((n) =>
          save(bob, 'tableau-comparatif', 1, { comparison: { 'ease.ml': `onglet ${n}` } }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(3);
      expect((await stored(bob, 'tableau-comparatif'))?.version).toBe(2);
    });

    it('refuses answers that do not fit the template with 400 and writes nothing', async () => {
      const cases: TAnswers[] = [
        { 'champ-inconnu': 'x' },
        { learned: ['pas', 'un', 'texte'] },
        { backend: 'saisi à la main' },
        { run: ['pas-un-uuid'] },
        { learned: 'ok', 'experiment-1': { before: aliceRun, after: aliceRun, partie: 'x' } },
      ];
      for (const answers of cases) {
        const res = await save(alice, 'fiche-observation', 2, answers).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.fields.length).toBeGreaterThan(0);
      }
      const tooLong = await save(alice, 'fiche-observation', 2, { learned: 'x'.repeat(10_001) }).expect(400);
      expect(tooLong.body.fields[0].message).toMatch(/10 000 caractères/);
      expect(await stored(alice, 'fiche-observation')).toMatchObject({
        version: 2,
        answers: { learned: 'Les époques et les batchs' },
      });
    });

    it("refuses a run that is not the student's own (400) and writes nothing", async () => {
      const foreign: TAnswers[] = [
        { run: [bobRun] },
        { 'experiment-1': { before: aliceRun, after: bobRun, observation: 'x' } },
      ];
      for (const answers of foreign) {
        const res = await save(alice, 'fiche-observation', 2, answers).expect(400);
        expect(res.body.fields).toEqual([
          { field: `answers.${Object.keys(answers)[0]}`, message: expect.stringMatching(/vôtres/) },
        ]);
      }
      expect((await stored(alice, 'fiche-observation'))?.version).toBe(2);
    });

    it('never shows one student the work of another', async () => {
      const bobsView = await read(bob, 'fiche-observation');
      expect(bobsView).toMatchObject({ id: null, version: 0, answers: {} });
    });
  });

  describe('measured facts and drawings', () => {
    it("fills the measured fields from the student's own run, with its drawings", async () => {
      await api()
        .post(`/api/experiments/${aliceRun}/drawings`)
        .set(as(alice.token))
        .send(drawing(3, 3))
        .expect(201);
      const misread = await api()
        .post(`/api/experiments/${aliceRun}/drawings`)
        .set(as(alice.token))
        .send(drawing(7, 1))
        .expect(201);
      expect(misread.body).toEqual({
        id: expect.any(String),
        experimentId: aliceRun,
        intended: 7,
        predicted: 1,
        probabilities: expect.any(Array),
        consent: true,
        createdAt: expect.any(String),
      });
      await save(alice, 'fiche-observation', 2, {
        run: [aliceRun],
        learned: 'Les époques et les batchs',
      }).expect(200);
      const { measured } = await read(alice, 'fiche-observation');
      expect(measured['test-accuracy']).toEqual({
        value: 0.987,
        source: expect.stringMatching(/^Expérience « cnn-1 » du \d\d\/\d\d à \d\d:\d\d$/),
      });
      expect(measured['parameter-count']?.value).toBe(121_930);
      expect(measured['train-images']?.value).toBe(54_000);
      expect(measured['validation-images']?.value).toBe(6_000);
      expect(measured['test-images']?.value).toBe(1_000);
      expect(measured['train-accuracy']?.value).toBe(0.982);
      expect(measured['validation-accuracy']?.value).toBe(0.984);
      expect(measured.epochs?.value).toBe(2);
      expect(measured['correct-samples']?.value).toBe('8 / 10');
      expect(measured.drawings?.value).toBe('2 dessins : 1 lu comme vous vouliez, 1 mal lu');
    });

    it('measures a documented experiment between two of the student runs', async () => {
      const spec: TExperimentSpec = {
        ...REFERENCE_EXPERIMENT,
        training: { ...REFERENCE_EXPERIMENT.training, epochs: 10 },
      };
      const after = await createExperiment(h.db.prisma, alice, { spec, testAccuracy: 0.99 });
      await save(alice, 'fiche-observation', 3, {
        run: [aliceRun],
        'experiment-1': { before: aliceRun, after: after.id, observation: 'Plus précis' },
      }).expect(200);
      const { measured } = await read(alice, 'fiche-observation');
      expect(measured['experiment-1.parameter']?.value).toBe("nombre d'époques");
      expect(measured['experiment-1.oldValue']?.value).toBe(5);
      expect(measured['experiment-1.newValue']?.value).toBe(10);
      expect(measured['experiment-1.beforeAccuracy']?.value).toBe(0.987);
      expect(measured['experiment-1.afterAccuracy']?.value).toBe(0.99);
    });

    it("fills the comparison table's two columns from a network and a classical model, each in its own field", async () => {
      const forest = await h.db.prisma.experiment.create({
        data: {
          userId: alice.id,
          classId: alice.classId,
          kind: 'CLASSICAL',
          name: 'Forêt aléatoire (50 arbres, zones)',
          spec: {
            dataset: 'mnist',
            features: 'zones',
            model: { algorithm: 'random-forest', trees: 50 },
            trainSize: 10_000,
            validationSplit: 0.1,
          },
          status: 'SUCCEEDED',
          parameterCount: 0,
          durationMs: 12_000,
          testAccuracy: 0.93,
          testLoss: 0.3,
          evaluation: {
            confusionMatrix: [],
            perClass: [],
            samples: [],
            mistakes: [{ label: 4, prediction: 9, count: 40, examples: [] }],
            fitMs: 6_480,
            predictMs: 210,
          },
        },
      });
      // each field takes its own kind of run only, and says which one it wants
      const swapped = await save(alice, 'tableau-comparatif', 0, {
        run: [forest.id],
        'classical-run': [aliceRun],
      }).expect(400);
      expect(swapped.body.fields).toEqual([
        {
          field: 'answers.run',
          message: 'Choisissez un entraînement de réseau de neurones, pas un modèle classique.',
        },
        {
          field: 'answers.classical-run',
          message: 'Choisissez un modèle classique (atelier « Boîte noire »), pas un réseau de neurones.',
        },
      ]);
      expect(await stored(alice, 'tableau-comparatif')).toBeNull();

      await save(alice, 'tableau-comparatif', 0, { run: [aliceRun], 'classical-run': [forest.id] }).expect(
        200,
      );
      const { measured } = await read(alice, 'tableau-comparatif');
      expect(measured['comparison.training-time.ml']?.value).toBe(6.5);
      expect(measured['comparison.overall-accuracy.ml']?.value).toBe(0.93);
      expect(measured['comparison.frequent-errors.ml']?.value).toBe('4 → 9 (40 fois)');
      expect(measured['comparison.overall-accuracy.dl']?.value).toBe(0.987);

      // a draft typed before those cells were measured: read and saved again without them, the rest kept
      const legacy = { 'training-time.ml': '5 s', 'ease.ml': 'Simple' };
      await h.db.prisma.deliverable.update({
        where: { userId_activity: { userId: alice.id, activity: 'tableau-comparatif' } },
        data: { answers: { run: [aliceRun], 'classical-run': [forest.id], comparison: legacy } },
      });
      expect((await read(alice, 'tableau-comparatif')).answers.comparison).toEqual({ 'ease.ml': 'Simple' });
      await save(alice, 'tableau-comparatif', 1, { run: [aliceRun], comparison: legacy }).expect(200);
      expect((await stored(alice, 'tableau-comparatif'))?.answers).toEqual({
        run: [aliceRun],
        comparison: { 'ease.ml': 'Simple' },
      });
    });

    it("lets only the run's owner draw on it; its owner and the class's teacher may read the drawings", async () => {
      await api()
        .post(`/api/experiments/${aliceRun}/drawings`)
        .set(as(bob.token))
        .send(drawing(1, 1))
        .expect(404);
      await api()
        .post(`/api/experiments/${aliceRun}/drawings`)
        .set(as(teacherToken))
        .send(drawing(1, 1))
        .expect(404);
      const invalid = await api()
        .post(`/api/experiments/${aliceRun}/drawings`)
        .set(as(alice.token))
        .send({ ...drawing(1, 1), pixels: [0, 1] })
        .expect(400);
      expect(invalid.body.fields[0].message).toMatch(/784 pixels/);
      for (const token of [alice.token, teacherToken]) {
        const list = await api().get(`/api/experiments/${aliceRun}/drawings`).set(as(token)).expect(200);
        expect(list.body.map((d: { intended: number }) => d.intended)).toEqual([3, 7]);
      }
      await api().get(`/api/experiments/${aliceRun}/drawings`).set(as(bob.token)).expect(404);
      await api().get(`/api/experiments/${aliceRun}/drawings`).set(as(otherTeacherToken)).expect(404);
      await api().get('/api/experiments/pas-un-uuid/drawings').set(as(alice.token)).expect(404);
    });
  });

  describe('submitting and returning', () => {
    it('submits idempotently: the same version again answers the same record', async () => {
      const first = await submit(alice, 'fiche-observation', 4).expect(200);
      expect(first.body).toMatchObject({ status: 'submitted', version: 4, submittedAt: expect.any(String) });
      const again = await submit(alice, 'fiche-observation', 4).expect(200);
      expect(again.body).toEqual(first.body);
      const stale = await submit(alice, 'fiche-observation', 3).expect(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 4 } });
    });

    it('keeps a submitted deliverable read-only (409 DELIVERABLE_LOCKED), nothing overwritten', async () => {
      const before = await stored(alice, 'fiche-observation');
      const res = await save(alice, 'fiche-observation', 4, { learned: 'après coup' }).expect(409);
      expect(res.body.code).toBe('DELIVERABLE_LOCKED');
      expect(await stored(alice, 'fiche-observation')).toEqual(before);
      expect(before).toMatchObject({ version: 4, status: 'SUBMITTED' });
    });

    it("lets the class's teacher give it back, editable again; others may not", async () => {
      const id = (await read(alice, 'fiche-observation')).id as string;
      const url = `/api/classes/${classId}/deliverables/${id}/return`;
      expect((await api().post(url).set(as(alice.token)).expect(403)).body.code).toBe('FORBIDDEN');
      await api().post(url).set(as(otherTeacherToken)).expect(404);
      await api()
        .post(`/api/classes/${danClassId}/deliverables/${id}/return`)
        .set(as(teacherToken))
        .expect(404);
      await api()
        .post(`/api/classes/${classId}/deliverables/pas-un-uuid/return`)
        .set(as(teacherToken))
        .expect(404);
      const returned = (await api().post(url).set(as(teacherToken)).expect(200)).body.deliverable;
      expect(returned).toMatchObject({
        id,
        status: 'returned',
        version: 4,
        returnedAt: expect.any(String),
      });
      // the teacher sees the student's measured facts, not their own
      expect(returned.measured['test-accuracy'].value).toBe(0.987);

      await save(alice, 'fiche-observation', 4, { run: [aliceRun], learned: 'corrigé' }).expect(200);
      expect(await read(alice, 'fiche-observation')).toMatchObject({ status: 'returned', version: 5 });
      expect((await submit(alice, 'fiche-observation', 5).expect(200)).body.status).toBe('submitted');
    });

    it('refuses to submit a worksheet that is not handed in, or nothing at all', async () => {
      await save(alice, 'demonstrations', 0, {}).expect(200);
      const worksheet = await submit(alice, 'demonstrations', 1).expect(400);
      expect(worksheet.body.message).toMatch(/ne se rend pas/);
      const nothing = await submit(bob, 'synthese', 0).expect(400);
      expect(nothing.body.message).toMatch(/rien à rendre/);
    });
  });

  describe('the annotated schema', () => {
    const slotOf = new Map(SCHEMA_DIAGRAM.labels.map((label) => [label.id, label.slot]));
    const rightLabel = (slot: string) =>
      SCHEMA_DIAGRAM.labels.find((label) => label.slot === slot)?.id as string;

    it('checks the saved placements against the key, which never leaves the server', async () => {
      const [s1, s2, s3] = SCHEMA_DIAGRAM.slots.map((slot) => slot.id) as [string, string, string];
      const distractor = SCHEMA_DIAGRAM.labels.find((label) => label.slot === null)?.id as string;
      await save(alice, 'schema-annote', 0, {
        network: { [s1]: rightLabel(s1), [s2]: rightLabel(s2), [s3]: distractor },
      }).expect(200);
      const check = await api()
        .post('/api/deliverables/annotated-schema/check')
        .set(as(alice.token))
        .expect(200);
      expect(check.body).toEqual({
        correct: 2,
        total: SCHEMA_DIAGRAM.slots.length,
        slots: { [s1]: true, [s2]: true, [s3]: false },
      });
      expect(slotOf.get(distractor)).toBeNull();
      // the draft does not carry the score; the record once handed in does
      expect((await read(alice, 'schema-annote')).placementCheck).toBeNull();
      expect((await submit(alice, 'schema-annote', 1).expect(200)).body.placementCheck).toEqual(check.body);
      expect((await stored(alice, 'schema-annote'))?.placementScore).toBeCloseTo(
        2 / SCHEMA_DIAGRAM.slots.length,
      );
    });

    it('refuses an unknown label or slot, and a check where there is no schema', async () => {
      const bad = await save(bob, 'schema-annote', 0, { network: { 'slot-inconnu': 'label-a' } }).expect(400);
      expect(bad.body.fields[0].field).toBe('answers.network.slot-inconnu');
      await save(bob, 'schema-annote', 0, {
        network: { [SCHEMA_DIAGRAM.slots[0]?.id as string]: 'label-zz' },
      }).expect(400);
      expect(await stored(bob, 'schema-annote')).toBeNull();
      await api().post('/api/deliverables/observation-sheet/check').set(as(alice.token)).expect(400);
    });
  });

  describe('phase locks', () => {
    it('refuses to start work in a locked phase, but always accepts saves to work already started', async () => {
      const locked = await save(dan, 'tableau-comparatif', 0, { comparison: { 'ease.ml': 'x' } }).expect(403);
      expect(locked.body.code).toBe('ACTIVITY_LOCKED');
      expect(await stored(dan, 'tableau-comparatif')).toBeNull();
      await save(dan, 'fiche-observation', 0, { learned: 'phase 1 ouverte' }).expect(200);

      // Started while phase 2 was open, then locked again: the autosave still lands.
      await api()
        .put(`/api/classes/${danClassId}/phases/2`)
        .set(as(teacherToken))
        .send({ locked: false })
        .expect(200);
      await save(dan, 'tableau-comparatif', 0, { comparison: { 'ease.ml': 'commencé' } }).expect(200);
      await api()
        .put(`/api/classes/${danClassId}/phases/2`)
        .set(as(teacherToken))
        .send({ locked: true })
        .expect(200);
      await save(dan, 'tableau-comparatif', 1, { comparison: { 'ease.ml': 'continué' } }).expect(200);
      expect((await save(dan, 'schema-annote', 0, {}).expect(403)).body.code).toBe('ACTIVITY_LOCKED');
      // a tab that missed the first save is told to reload, not that the phase is locked
      const missed = await save(dan, 'tableau-comparatif', 0, { comparison: { 'ease.ml': 'vieil onglet' } });
      expect(missed.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
      expect(await stored(dan, 'tableau-comparatif')).toMatchObject({
        version: 2,
        answers: { comparison: { 'ease.ml': 'continué' } },
      });
    });
  });

  describe('every deliverable kind', () => {
    const kinds = WORKSHEET_KINDS.filter((kind) => templateFor(WORKSHEET_ACTIVITY[kind])?.submittable);

    it('covers the four graded kinds', () => {
      expect(kinds).toEqual(['observation-sheet', 'comparison-table', 'annotated-schema', 'synthesis']);
    });

    it.each(kinds)(
      '%s: autosave, 409 on a stale version, idempotent submit, read-only, private',
      async (kind) => {
        const owner = await student(classId, `Kind ${kind}`);
        const other = await student(classId, `Other ${kind}`);
        const activity = WORKSHEET_ACTIVITY[kind];
        const template = templateFor(activity);
        const [field] = textFieldIds(template as NonNullable<typeof template>);
        const answer = (text: string) => ({ [field as string]: text });
        const path = `/api/deliverables/${kind}`;

        await api()
          .put(path)
          .set(as(owner.token))
          .send({ version: 0, answers: answer('v1') })
          .expect(200);
        await api()
          .put(path)
          .set(as(owner.token))
          .send({ version: 1, answers: answer('v2') })
          .expect(200);
        const stale = await api()
          .put(path)
          .set(as(owner.token))
          .send({ version: 1, answers: answer('old tab') });
        expect(stale.status).toBe(409);
        expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });

        const first = await api()
          .post(`${path}/submit`)
          .set(as(owner.token))
          .send({ version: 2 })
          .expect(200);
        const again = await api()
          .post(`${path}/submit`)
          .set(as(owner.token))
          .send({ version: 2 })
          .expect(200);
        expect(again.body).toEqual(first.body);
        expect(first.body).toMatchObject({ status: 'submitted', answers: answer('v2') });
        const locked = await api()
          .put(path)
          .set(as(owner.token))
          .send({ version: 2, answers: answer('late') });
        expect(locked.status).toBe(409);
        expect(locked.body.code).toBe('DELIVERABLE_LOCKED');

        const othersView = (await api().get(path).set(as(other.token)).expect(200)).body as TDeliverable;
        expect(othersView).toMatchObject({ id: null, version: 0, answers: {} });
      },
    );
  });
});
