import type { TAnswers, TDeliverable, TGradingDetail, TGradingItem, TRubric } from '@dlclass/contracts';
import {
  createAdmin,
  createClass,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import request from 'supertest';
import { type Harness, startHarness } from './harness';

interface Student {
  id: string;
  token: string;
}

describe('Grading (real PostgreSQL): rubrics, the queue, grades, finalise and return, access', () => {
  let h: Harness;
  let classId: string;
  let otherClassId: string;
  let teacher: string;
  let otherTeacher: string;
  let admin: string;
  let alice: Student;
  let bob: Student;
  let carol: Student;
  let sheetId: string;

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const grading = (klass: string, path = '') => `/api/classes/${klass}${path}`;

  async function student(klass: string, name: string): Promise<Student> {
    const user = await createStudent(h.db.prisma, klass, { displayName: name });
    return { id: user.id, token: await issueSessionToken(h.db.prisma, user.id) };
  }

  /** Saves the answers and hands them in, through the student's own routes. */
  async function handIn(who: Student, kind: string, answers: TAnswers): Promise<void> {
    const current = (await api().get(`/api/deliverables/${kind}`).set(as(who.token)).expect(200))
      .body as TDeliverable;
    const saved = await api()
      .put(`/api/deliverables/${kind}`)
      .set(as(who.token))
      .send({ version: current.version, answers })
      .expect(200);
    await api()
      .post(`/api/deliverables/${kind}/submit`)
      .set(as(who.token))
      .send({ version: saved.body.version })
      .expect(200);
  }

  const mine = async (who: Student, kind: string) =>
    (await api().get(`/api/deliverables/${kind}`).set(as(who.token)).expect(200)).body as TDeliverable;

  const fullScores = { data: 3, model: 2.5, training: 4, evaluation: 3, experiments: 3.5, conclusion: 2 };
  const gradeBody = (scores: Record<string, number>) => ({
    scores,
    sectionComments: { training: 'Bonne lecture des courbes.', data: '' },
    comment: 'Travail sérieux.',
    competences: { 'B1.3': 'acquired', 'B3.2': 'in-progress' },
  });

  beforeAll(async () => {
    h = await startHarness('grading');
    const owner = await createTeacher(h.db.prisma);
    teacher = await issueSessionToken(h.db.prisma, owner.id);
    classId = (await createClass(h.db.prisma, owner.id, { lockedPhases: [] })).id;
    const other = await createTeacher(h.db.prisma);
    otherTeacher = await issueSessionToken(h.db.prisma, other.id);
    otherClassId = (await createClass(h.db.prisma, other.id, { lockedPhases: [] })).id;
    admin = await issueSessionToken(h.db.prisma, (await createAdmin(h.db.prisma)).id);
    alice = await student(classId, 'Alice');
    bob = await student(classId, 'Bob');
    carol = await student(otherClassId, 'Carol');
    await handIn(alice, 'observation-sheet', { learned: 'Les époques', overfitting: 'Non' });
    await handIn(alice, 'synthesis', {});
    await handIn(carol, 'synthesis', {});
    // Bob only has a draft: nothing to grade.
    await api()
      .put('/api/deliverables/observation-sheet')
      .set(as(bob.token))
      .send({ version: 0, answers: { learned: 'brouillon' } })
      .expect(200);
    sheetId = (await mine(alice, 'observation-sheet')).id as string;
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('rubrics', () => {
    it("gives the lesson's rubric for each graded deliverable until the class has its own", async () => {
      const res = await api().get(grading(classId, '/rubrics')).set(as(teacher)).expect(200);
      const rubrics = res.body as TRubric[];
      expect(rubrics.map((r) => [r.kind, r.maxTotal, r.custom])).toEqual([
        ['observation-sheet', 20, false],
        ['comparison-table', 20, false],
        ['annotated-schema', 10, false],
        ['synthesis', 10, false],
      ]);
      expect(rubrics[0]?.competences).toEqual(['B1.3', 'B2.2', 'B3.2']);
    });

    it('saves a class rubric after checking it, and resets it to the default', async () => {
      const url = grading(classId, '/rubrics/synthesis');
      const bad = await api()
        .put(url)
        .set(as(teacher))
        .send({
          criteria: [
            { id: 'bilan', label: 'Bilan', points: 0 },
            { id: 'bilan', label: '', points: 4, competence: 'B2.3' },
          ],
        })
        .expect(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'criteria.0.points',
        'criteria.1.id',
        'criteria.1.label',
      ]);
      const notAssessed = await api()
        .put(url)
        .set(as(teacher))
        .send({ criteria: [{ id: 'bilan', label: 'Bilan', points: 4, competence: 'B2.3' }] })
        .expect(400);
      expect(notAssessed.body.fields).toEqual([
        { field: 'criteria.0.competence', message: 'Cette activité évalue B2.2, pas B2.3.' },
      ]);
      const saved = await api()
        .put(url)
        .set(as(teacher))
        .send({ criteria: [{ id: 'bilan', label: 'Bilan', points: 12.5, competence: 'B2.2' }] })
        .expect(200);
      expect(saved.body).toMatchObject({ kind: 'synthesis', custom: true, maxTotal: 12.5 });
      const listed = (await api().get(grading(classId, '/rubrics')).set(as(teacher)).expect(200)).body;
      expect(listed[3]).toMatchObject({ custom: true, criteria: [{ id: 'bilan', description: '' }] });
      const reset = await api().delete(url).set(as(teacher)).expect(200);
      expect(reset.body).toMatchObject({ custom: false, maxTotal: 10 });
      const unknown = await api()
        .delete(grading(classId, '/rubrics/demonstrations'))
        .set(as(teacher))
        .expect(404);
      expect(unknown.body.message).toMatch(
        /observation-sheet, comparison-table, annotated-schema, synthesis/,
      );
    });
  });

  describe('the queue and one deliverable', () => {
    it('lists handed-in work only, with its student', async () => {
      const res = await api().get(grading(classId, '/deliverables')).set(as(teacher)).expect(200);
      const items = res.body as TGradingItem[];
      expect(items.map((i) => [i.student.displayName, i.kind, i.status])).toEqual([
        ['Alice', 'observation-sheet', 'submitted'],
        ['Alice', 'synthesis', 'submitted'],
      ]);
      expect(items[0]).toMatchObject({ total: null, maxTotal: null, submittedAt: expect.any(String) });
    });

    it("opens one with the student's answers and the rubric", async () => {
      const res = await api()
        .get(grading(classId, `/deliverables/${sheetId}`))
        .set(as(teacher))
        .expect(200);
      const detail = res.body as TGradingDetail;
      expect(detail.deliverable).toMatchObject({
        id: sheetId,
        status: 'submitted',
        answers: { learned: 'Les époques' },
      });
      expect(detail.rubric.kind).toBe('observation-sheet');
      expect(detail.grade).toBeNull();
    });
  });

  describe('grading one deliverable', () => {
    const gradeUrl = () => grading(classId, `/deliverables/${sheetId}/grade`);

    it('refuses scores above the points, unknown sections and competences the deliverable does not assess', async () => {
      const res = await api()
        .put(gradeUrl())
        .set(as(teacher))
        .send({
          scores: { data: 3.5, nope: 1 },
          sectionComments: { ailleurs: 'x' },
          comment: '',
          competences: { 'B2.3': 'acquired' },
        })
        .expect(400);
      expect(res.body.fields).toEqual([
        { field: 'scores.data', message: 'Ce critère est noté sur 3 points au plus.' },
        { field: 'scores.nope', message: 'Critère inconnu « nope ».' },
        { field: 'sectionComments.ailleurs', message: 'Section inconnue « ailleurs ».' },
        { field: 'competences.B2.3', message: 'Ce livrable évalue B1.3, B2.2, B3.2, pas B2.3.' },
      ]);
      const malformed = await api()
        .put(gradeUrl())
        .set(as(teacher))
        .send({
          scores: { data: -1 },
          sectionComments: {},
          comment: '',
          competences: { 'B1.3': 'bien' },
          role: 'ADMIN',
        })
        .expect(400);
      expect(malformed.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        '(corps)',
        'competences.B1.3',
        'scores.data',
      ]);
      expect(await h.db.prisma.deliverableGrade.count()).toBe(0);
    });

    it('saves a partial grade (no total yet), which the student does not see', async () => {
      const res = await api()
        .put(gradeUrl())
        .set(as(teacher))
        .send(gradeBody({ data: 3 }))
        .expect(200);
      expect(res.body).toMatchObject({ total: null, maxTotal: 20, finalisedAt: null, scores: { data: 3 } });
      expect((await mine(alice, 'observation-sheet')).feedback).toBeNull();
    });

    it('will not finalise until every criterion is scored', async () => {
      const res = await api()
        .post(grading(classId, `/deliverables/${sheetId}/finalise`))
        .set(as(teacher))
        .expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([
        'scores.model',
        'scores.training',
        'scores.evaluation',
        'scores.experiments',
        'scores.conclusion',
      ]);
    });

    it('keeps the criteria a grade started with when the rubric changes afterwards', async () => {
      await api()
        .put(grading(classId, '/rubrics/observation-sheet'))
        .set(as(teacher))
        .send({ criteria: [{ id: 'tout', label: 'Tout', points: 20 }] })
        .expect(200);
      const res = await api().put(gradeUrl()).set(as(teacher)).send(gradeBody(fullScores)).expect(200);
      expect(res.body).toMatchObject({ total: 18, maxTotal: 20 });
      expect(res.body.criteria.map((c: { id: string }) => c.id)).toEqual(Object.keys(fullScores));
      await api().delete(grading(classId, '/rubrics/observation-sheet')).set(as(teacher)).expect(200);
    });

    it('finalises: the student sees the grade, the comments and the competences', async () => {
      const studentSavedAt = (await mine(alice, 'observation-sheet')).updatedAt;
      const res = await api()
        .post(grading(classId, `/deliverables/${sheetId}/finalise`))
        .set(as(teacher))
        .expect(200);
      expect((res.body as TGradingDetail).item).toMatchObject({
        status: 'finalised',
        total: 18,
        maxTotal: 20,
      });
      const seen = await mine(alice, 'observation-sheet');
      expect(seen.status).toBe('finalised');
      // The teacher's action is not the student's save: their last save time stays.
      expect(seen.updatedAt).toBe(studentSavedAt);
      expect(seen.feedback).toEqual({
        sectionComments: { training: 'Bonne lecture des courbes.' },
        comment: 'Travail sérieux.',
        result: {
          criteria: expect.any(Array),
          scores: fullScores,
          total: 18,
          maxTotal: 20,
          competences: { 'B1.3': 'acquired', 'B3.2': 'in-progress' },
        },
      });
      // A finalised grade may be corrected, never left incomplete.
      const incomplete = await api()
        .put(gradeUrl())
        .set(as(teacher))
        .send(gradeBody({ data: 3 }))
        .expect(400);
      expect(incomplete.body.message).toMatch(/finalisée doit rester complète/);
    });

    it('returns it for revision: comments without the grade, editable again, finalised after resubmission', async () => {
      const res = await api()
        .post(grading(classId, `/deliverables/${sheetId}/return`))
        .set(as(teacher))
        .expect(200);
      expect((res.body as TGradingDetail).item.status).toBe('returned');
      const seen = await mine(alice, 'observation-sheet');
      expect(seen.status).toBe('returned');
      expect(seen.feedback).toMatchObject({ comment: 'Travail sérieux.', result: null });
      const refused = await api()
        .post(grading(classId, `/deliverables/${sheetId}/finalise`))
        .set(as(teacher))
        .expect(409);
      expect(refused.body).toMatchObject({
        code: 'GRADING_CONFLICT',
        message: expect.stringMatching(/révise/),
      });
      await handIn(alice, 'observation-sheet', { learned: 'Les époques, corrigé' });
      await api()
        .post(grading(classId, `/deliverables/${sheetId}/finalise`))
        .set(as(teacher))
        .expect(200);
      expect((await mine(alice, 'observation-sheet')).feedback?.result?.total).toBe(18);
    });
  });

  describe('exports', () => {
    it('exports the grades as a CSV: UTF-8 with BOM, semicolons, a row per student of the class', async () => {
      // Bob takes the QCM and hands it in blank: 0 out of 20.
      await api().post('/api/quiz/attempt').set(as(bob.token)).expect(200);
      await api().post('/api/quiz/attempt/submit').set(as(bob.token)).expect(200);
      const res = await api()
        .get(grading(classId, '/grades.csv'))
        .set(as(teacher))
        .expect(200)
        .expect('Content-Type', 'text/csv; charset=utf-8');
      const name = (await h.db.prisma.class.findUniqueOrThrow({ where: { id: classId } })).name;
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="notes-${name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')}.csv"`,
      );
      // Node's UTF-8 decoding keeps the byte order mark (EF BB BF) as U+FEFF.
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      expect(res.text.slice(1).split('\r\n')).toEqual([
        "Élève;Fiche d'observations — Hello World du Deep Learning (/20);Tableau comparatif Machine Learning / Deep Learning (/20);Schéma annoté d'un réseau de neurones (/10);Synthèse personnelle (/10);QCM (/20);B1.3;B2.2;B2.3;B3.2",
        'Alice;18;non rendu;non rendu;à corriger;non passé;acquis;;;en cours d’acquisition',
        'Bob;non rendu;non rendu;non rendu;non rendu;0;;;;',
        '',
      ]);
    });

    it("gives a student's report: each deliverable with its grade and comments, the QCM, the competences", async () => {
      const res = await api()
        .get(grading(classId, `/students/${alice.id}/report`))
        .set(as(teacher))
        .expect(200);
      expect(res.body).toMatchObject({
        student: { id: alice.id, displayName: 'Alice' },
        quiz: null,
        competences: { 'B1.3': 'acquired', 'B3.2': 'in-progress' },
      });
      expect(res.body.deliverables.map((d: { kind: string; status: string }) => [d.kind, d.status])).toEqual([
        ['observation-sheet', 'finalised'],
        ['comparison-table', 'not-submitted'],
        ['annotated-schema', 'not-submitted'],
        ['synthesis', 'submitted'],
      ]);
      expect(res.body.deliverables[0].feedback).toMatchObject({
        comment: 'Travail sérieux.',
        result: { total: 18 },
      });
      const bobs = await api()
        .get(grading(classId, `/students/${bob.id}/report`))
        .set(as(teacher))
        .expect(200);
      expect(bobs.body.quiz).toMatchObject({ score: 0, maxScore: expect.any(Number) });
      // Carol is in another class: not in this one's reports.
      await api()
        .get(grading(classId, `/students/${carol.id}/report`))
        .set(as(teacher))
        .expect(404);
    });
  });

  describe('access', () => {
    it('keeps another teacher out of the class: 404 on every grading route', async () => {
      const routes = [
        api().get(grading(classId, '/rubrics')),
        api()
          .put(grading(classId, '/rubrics/synthesis'))
          .send({ criteria: [{ id: 'a', label: 'A', points: 1 }] }),
        api().delete(grading(classId, '/rubrics/synthesis')),
        api().get(grading(classId, '/deliverables')),
        api().get(grading(classId, `/deliverables/${sheetId}`)),
        api()
          .put(grading(classId, `/deliverables/${sheetId}/grade`))
          .send(gradeBody({})),
        api().post(grading(classId, `/deliverables/${sheetId}/finalise`)),
        api().post(grading(classId, `/deliverables/${sheetId}/return`)),
        api().get(grading(classId, '/grades.csv')),
        api().get(grading(classId, `/students/${alice.id}/report`)),
      ];
      for (const route of routes) await route.set(as(otherTeacher)).expect(404);
      // Their own class's path does not reach a deliverable of another class either.
      await api()
        .get(grading(otherClassId, `/deliverables/${sheetId}`))
        .set(as(otherTeacher))
        .expect(404);
      expect((await mine(alice, 'observation-sheet')).status).toBe('finalised');
    });

    it('gives students no teacher route: grading writes are 403, grading reads 404', async () => {
      for (const who of [alice, carol]) {
        const writes = [
          api()
            .put(grading(classId, `/deliverables/${sheetId}/grade`))
            .send(gradeBody({})),
          api().post(grading(classId, `/deliverables/${sheetId}/finalise`)),
          api().post(grading(classId, `/deliverables/${sheetId}/return`)),
          api().delete(grading(classId, '/rubrics/synthesis')),
        ];
        for (const route of writes) await route.set(as(who.token)).expect(403);
        const reads = [
          api().get(grading(classId, '/grades.csv')),
          api().get(grading(classId, `/students/${alice.id}/report`)),
          api().get(grading(classId, '/deliverables')),
          api().get(grading(classId, `/deliverables/${sheetId}`)),
          api().get(grading(classId, '/rubrics')),
        ];
        for (const route of reads) await route.set(as(who.token)).expect(404);
      }
      await api().get(grading(classId, '/deliverables')).expect(401);
      expect((await mine(alice, 'observation-sheet')).status).toBe('finalised');
    });

    it('lets the admin grade any class; unknown or malformed ids are 404', async () => {
      const items = (await api().get(grading(otherClassId, '/deliverables')).set(as(admin)).expect(200)).body;
      expect(items).toHaveLength(1);
      await api().get(grading(classId, '/deliverables/pas-un-uuid')).set(as(teacher)).expect(404);
      await api()
        .get(grading(classId, `/deliverables/${crypto.randomUUID()}`))
        .set(as(teacher))
        .expect(404);
      const draft = (await mine(bob, 'observation-sheet')).id as string;
      await api()
        .get(grading(classId, `/deliverables/${draft}`))
        .set(as(teacher))
        .expect(404);
    });
  });
});
