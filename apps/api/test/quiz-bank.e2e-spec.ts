import { QUIZ_BANK } from '@dlclass/content';
import {
  DEFAULT_QUIZ_SETTINGS,
  QUIZ_MARKDOWN_MAX_BYTES,
  type TApiError,
  type TQuizAttempt,
  type TQuizBankState,
} from '@dlclass/contracts';
import {
  createAdmin,
  createClass,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import request from 'supertest';
import { type Harness, startHarness } from './harness';

const MARKDOWN = `## Qu'est-ce qu'une époque ?

- [ ] Une couche du réseau
  > Non : les couches forment l'architecture.
- [x] Un passage complet sur les données d'entraînement

Une époque est un passage complet sur toutes les données.

## Quels éléments composent un neurone ?
- [x] Des poids
- [x] Un biais
- [ ] Un jeu de données
`;

/** Line 5's option outside a question, line 7's question without a right option. */
const BROKEN = `- [x] Perdue

## Bonne question ?
- [x] Oui
- [ ] Non
## Sans bonne réponse ?
- [ ] Oui
- [ ] Non
`;

describe("A class's own QCM imported from Markdown; the public lesson content (real PostgreSQL)", () => {
  let h: Harness;
  let classId: string;
  let teacherToken: string;
  let otherTeacherToken: string;
  let adminToken: string;
  let studentToken: string;

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const bankUrl = () => `/api/classes/${classId}/quiz-bank`;
  const stored = async () =>
    (await h.db.prisma.class.findUniqueOrThrow({ where: { id: classId }, select: { quizBank: true } }))
      .quizBank;

  beforeAll(async () => {
    h = await startHarness('quiz-bank');
    const teacher = await createTeacher(h.db.prisma);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    classId = (await createClass(h.db.prisma, teacher.id, { lockedPhases: [] })).id;
    const student = await createStudent(h.db.prisma, classId);
    studentToken = await issueSessionToken(h.db.prisma, student.id);
    const otherTeacher = await createTeacher(h.db.prisma);
    otherTeacherToken = await issueSessionToken(h.db.prisma, otherTeacher.id);
    adminToken = await issueSessionToken(h.db.prisma, (await createAdmin(h.db.prisma)).id);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows the lesson’s bank until the teacher imports one', async () => {
    const res = await api().get(bankUrl()).set(as(teacherToken)).expect(200);
    const state = res.body as TQuizBankState;
    expect(state).toMatchObject({ source: 'default', questionCount: QUIZ_BANK.length });
    expect(state.markdown).toBeUndefined();
    expect(JSON.stringify(state)).not.toContain('"correct"');
  });

  it('imports the teacher’s Markdown and gives it back', async () => {
    const res = await api().put(bankUrl()).set(as(teacherToken)).send({ markdown: MARKDOWN }).expect(200);
    expect(res.body).toEqual({
      source: 'imported',
      questionCount: 2,
      markdown: MARKDOWN,
      questions: [
        {
          id: '1-qu-est-ce-qu-une-epoque',
          prompt: "Qu'est-ce qu'une époque ?",
          multiple: false,
          optionCount: 2,
        },
        {
          id: '2-quels-elements-composent-un-neurone',
          prompt: 'Quels éléments composent un neurone ?',
          multiple: true,
          optionCount: 3,
        },
      ],
    });
    const again = await api().get(bankUrl()).set(as(teacherToken)).expect(200);
    expect(again.body).toEqual(res.body);
  });

  it('refuses a file with errors, line by line in French, and keeps the bank it had', async () => {
    const before = await stored();
    const res = await api().put(bankUrl()).set(as(teacherToken)).send({ markdown: BROKEN }).expect(400);
    const error = res.body as TApiError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Le QCM n’a pas été importé : 2 erreurs à corriger.');
    expect(error.fields).toEqual([
      { field: 'markdown', message: expect.stringMatching(/^Ligne 1 : cette option est en dehors/) },
      { field: 'markdown', message: expect.stringMatching(/^Ligne 6 : aucune bonne réponse/) },
    ]);
    expect(error.details).toEqual({
      errors: [
        { line: 1, message: expect.stringContaining('Ligne 1 : ') },
        { line: 6, message: expect.stringContaining('Ligne 6 : ') },
      ],
    });
    expect(await stored()).toEqual(before);
  });

  it('refuses an empty or too large file with a clear message', async () => {
    const empty = await api().put(bankUrl()).set(as(teacherToken)).send({ markdown: ' \n' }).expect(400);
    expect(empty.body.fields).toEqual([{ field: 'markdown', message: 'Le QCM est vide' }]);
    const huge = `${MARKDOWN}\n${'é'.repeat(QUIZ_MARKDOWN_MAX_BYTES / 2)}`;
    const large = await api().put(bankUrl()).set(as(teacherToken)).send({ markdown: huge }).expect(400);
    expect(large.body.fields).toEqual([
      { field: 'markdown', message: expect.stringContaining('dépasse 100 Ko') },
    ]);
  });

  it('lets only the class’s teacher and admins see or change its QCM', async () => {
    for (const method of ['get', 'put', 'delete'] as const) {
      await api()[method](bankUrl()).set(as(otherTeacherToken)).send({ markdown: MARKDOWN }).expect(404);
      const student = await api()[method](bankUrl()).set(as(studentToken)).send({ markdown: MARKDOWN });
      expect(student.status).toBe(403);
      expect(student.body.code).toBe('FORBIDDEN');
      await api()[method](bankUrl()).send({ markdown: MARKDOWN }).expect(401);
    }
    await api().get(bankUrl()).set(as(adminToken)).expect(200);
    await api()
      .get('/api/classes/00000000-0000-4000-8000-000000000000/quiz-bank')
      .set(as(adminToken))
      .expect(404);
    expect((await api().get(bankUrl()).set(as(teacherToken))).body.source).toBe('imported');
  });

  it('goes back to the lesson’s bank on DELETE', async () => {
    const res = await api().delete(bankUrl()).set(as(teacherToken)).expect(200);
    expect(res.body).toMatchObject({ source: 'default', questionCount: QUIZ_BANK.length });
    expect(await stored()).toBeNull();
    expect((await api().get(bankUrl()).set(as(teacherToken))).body.source).toBe('default');
  });

  it('draws the students’ attempts from the imported questions, which then can no longer change', async () => {
    await api().put(bankUrl()).set(as(teacherToken)).send({ markdown: MARKDOWN }).expect(200);
    // settings still saved with a bank smaller than their minimum (its questions are all drawn)
    await api()
      .put(`/api/classes/${classId}/quiz-settings`)
      .set(as(teacherToken))
      .send({ ...DEFAULT_QUIZ_SETTINGS, questionCount: 5, correction: 'when-released' })
      .expect(200);
    // the student is told how many questions they will get: the 2 imported, not the 5 of the settings
    const overview = await api().get('/api/quiz').set(as(studentToken)).expect(200);
    expect(overview.body.settings.questionCount).toBe(2);
    const res = await api().post('/api/quiz/attempt').set(as(studentToken)).expect(200);
    const attempt = res.body as TQuizAttempt;
    expect(attempt.questions.map((question) => question.id).sort()).toEqual([
      '1-qu-est-ce-qu-une-epoque',
      '2-quels-elements-composent-un-neurone',
    ]);
    for (const change of [
      api().put(bankUrl()).set(as(teacherToken)).send({ markdown: MARKDOWN }),
      api().delete(bankUrl()).set(as(teacherToken)),
    ]) {
      const refused = await change;
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('QUIZ_BANK_IN_USE');
    }
    expect((await api().get(bankUrl()).set(as(teacherToken))).body.source).toBe('imported');
  });

  it('serves the lesson content to signed-in users without any answer', async () => {
    await api().get('/api/content').expect(401);
    const res = await api().get('/api/content').set(as(studentToken)).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(
      ['demos', 'glossary', 'lesson', 'missions', 'selfAssessment', 'templates'].sort(),
    );
    expect(res.body.templates['schema-annote']).toBeDefined();
    const json = JSON.stringify(res.body);
    expect(json).toContain('"labels"');
    expect(json).not.toContain('"slot"');
    expect(json).not.toContain('"correct"');
    expect(json).not.toContain('"explanation"');
    for (const question of QUIZ_BANK) expect(json).not.toContain(JSON.stringify(question.prompt));
  });
});
