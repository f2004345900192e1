import { randomUUID } from 'node:crypto';
import {
  DEFAULT_QUIZ_SETTINGS,
  QUIZ_GRACE_SECONDS,
  QUIZ_MIN_QUESTIONS,
  type TQuizBankState,
  ZQuizAttempt,
  ZQuizClassResults,
} from '@dlclass/contracts';
import {
  createAdmin,
  createClass,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import request from 'supertest';
import { type Harness, startHarness } from '../../../test/harness';
import { QuizService } from './quiz.service';

/** The class's own three questions: the first two single-answer (a right), the third a and b right. */
const MARKDOWN = `## Quelle couche donne la prédiction ?
- [x] La couche de sortie
- [ ] La couche d'entrée
- [ ] Une couche cachée
- [ ] Aucune

## Que mesure la perte ?
- [x] L'erreur du modèle
- [ ] La vitesse d'entraînement
- [ ] Le nombre de poids

## Lesquelles sont des fonctions d'activation ?
- [x] ReLU
- [x] Sigmoïde
- [ ] Adam
`;

/**
 * The teacher's QCM results through the API, on a real PostgreSQL: students take the class's QCM through
 * the student routes, then the teacher reads the counted scores and each question's analysis.
 */
describe('QCM results for the teacher, end to end', () => {
  let h: Harness;
  let classId: string;
  let teacherToken: string;
  const students: Record<string, { id: string; token: string }> = {};
  /** The imported questions' ids, in the file's order. */
  let [Q1, Q2, Q3] = ['', '', ''];

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const resultsUrl = (id = classId) => `/api/classes/${id}/quiz/results`;

  /** The student starts an attempt and saves these answers (question id → option ids). */
  const take = async (name: string, answers: Record<string, string[]>) => {
    const { token } = students[name] ?? {};
    if (!token) throw new Error(`No student ${name}`);
    const attempt = ZQuizAttempt.parse(
      (await api().post('/api/quiz/attempt').set(as(token)).expect(200)).body,
    );
    for (const [questionId, optionIds] of Object.entries(answers)) {
      await api()
        .put(`/api/quiz/attempt/answers/${questionId}`)
        .set(as(token))
        .send({ optionIds, attemptId: attempt.id })
        .expect(200);
    }
    return attempt;
  };
  const submit = (name: string) =>
    api()
      .post('/api/quiz/attempt/submit')
      .set(as(students[name]?.token ?? ''))
      .send({})
      .expect(200);

  beforeAll(async () => {
    h = await startHarness('quiz-results');
    const teacher = await createTeacher(h.db.prisma);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    classId = (await createClass(h.db.prisma, teacher.id, { lockedPhases: [] })).id;
    const imported = await api()
      .put(`/api/classes/${classId}/quiz-bank`)
      .set(as(teacherToken))
      .send({ markdown: MARKDOWN })
      .expect(200);
    [Q1, Q2, Q3] = (imported.body as TQuizBankState).questions.map((question) => question.id) as [
      string,
      string,
      string,
    ];
    await api()
      .put(`/api/classes/${classId}/quiz-settings`)
      .set(as(teacherToken))
      .send({ ...DEFAULT_QUIZ_SETTINGS, maxAttempts: 2, questionCount: QUIZ_MIN_QUESTIONS })
      .expect(200);
    for (const name of ['Alice', 'Bruno', 'Chloé', 'David', 'Emma', 'Farid', 'Gaby']) {
      const student = await createStudent(h.db.prisma, classId, { displayName: name });
      students[name] = { id: student.id, token: await issueSessionToken(h.db.prisma, student.id) };
    }

    // Alice: a blank first attempt, then everything right (3/3 counts)
    await take('Alice', {});
    await submit('Alice');
    await take('Alice', { [Q1]: ['a'], [Q2]: ['a'], [Q3]: ['a', 'b'] });
    await submit('Alice');
    // Bruno 2/3 (a wrong tick alone on Q3 earns nothing), Chloé 1.5/3 (half of Q3), David 0/3
    await take('Bruno', { [Q1]: ['a'], [Q2]: ['a'], [Q3]: ['c'] });
    await submit('Bruno');
    await take('Chloé', { [Q1]: ['b'], [Q2]: ['a'], [Q3]: ['a'] });
    await submit('Chloé');
    await take('David', { [Q1]: ['c'], [Q2]: ['b'] });
    await submit('David');
    // Farid answers Q1 right and leaves: his attempt is finalised once past its time (1/3)
    const farid = await take('Farid', { [Q1]: ['a'] });
    await h.db.prisma.quizAttempt.update({
      where: { id: farid.id },
      data: { deadline: new Date(Date.now() - (QUIZ_GRACE_SECONDS + 60) * 1000) },
    });
    // Gaby is answering right now; Emma never started
    await take('Gaby', { [Q1]: ['d'] });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('gives every student, their submitted attempts and the best one’s score, with the mean and median', async () => {
    const results = ZQuizClassResults.parse(
      (await api().get(resultsUrl()).set(as(teacherToken)).expect(200)).body,
    );
    const counted = (score: number, scoreOn20: number) =>
      expect.objectContaining({ score, maxScore: 3, scoreOn20 });
    expect(results.students).toEqual([
      {
        studentId: students.Alice?.id,
        displayName: 'Alice',
        attempts: 2,
        inProgress: false,
        counted: counted(3, 20),
      },
      {
        studentId: students.Bruno?.id,
        displayName: 'Bruno',
        attempts: 1,
        inProgress: false,
        counted: counted(2, 13.33),
      },
      {
        studentId: students.Chloé?.id,
        displayName: 'Chloé',
        attempts: 1,
        inProgress: false,
        counted: counted(1.5, 10),
      },
      {
        studentId: students.David?.id,
        displayName: 'David',
        attempts: 1,
        inProgress: false,
        counted: counted(0, 0),
      },
      { studentId: students.Emma?.id, displayName: 'Emma', attempts: 0, inProgress: false, counted: null },
      {
        studentId: students.Farid?.id,
        displayName: 'Farid',
        attempts: 1,
        inProgress: false,
        counted: counted(1, 6.67),
      },
      { studentId: students.Gaby?.id, displayName: 'Gaby', attempts: 0, inProgress: true, counted: null },
    ]);
    // (20 + 13.33 + 10 + 0 + 6.67) / 5 = 10; the middle of the five marks is 10
    expect(results.summary).toEqual({ submitted: 5, mean: 10, median: 10 });
    expect(results.discriminationMinStudents).toBe(4);
  });

  it('analyses each question over the counted attempts: facility, ticks per option, discrimination', async () => {
    const { questions } = ZQuizClassResults.parse(
      (await api().get(resultsUrl()).set(as(teacherToken)).expect(200)).body,
    );
    const ticks = (...chosen: number[]) =>
      chosen.map((count, index) =>
        expect.objectContaining({ id: 'abcd'[index], chosen: count, share: count / 5 }),
      );
    // Counted attempts: Alice 3, Bruno 2, Chloé 1.5, David 0, Farid 1 (Gaby's attempt is not submitted).
    // Discrimination = r(right on the question, score on the two others / 2), e.g. Q1: right 1,1,0,0,1 and
    // rest 1, .5, .75, 0, 0 → r = 0.1531.
    expect(questions).toEqual([
      {
        questionId: Q1,
        prompt: 'Quelle couche donne la prédiction ?',
        multiple: false,
        answers: 5,
        blank: 0,
        facility: 0.6,
        discrimination: 0.1531,
        options: ticks(3, 1, 1, 0),
      },
      {
        questionId: Q2,
        prompt: 'Que mesure la perte ?',
        multiple: false,
        answers: 5,
        blank: 1,
        facility: 0.6,
        discrimination: 0.4924,
        options: ticks(3, 1, 0),
      },
      {
        questionId: Q3,
        prompt: "Lesquelles sont des fonctions d'activation ?",
        multiple: true,
        answers: 5,
        blank: 2,
        // Chloé's half-right answer is not fully right
        facility: 0.2,
        discrimination: 0.5345,
        options: ticks(2, 1, 1),
      },
    ]);
    expect(questions[0]?.options.map((option) => option.correct)).toEqual([true, false, false, false]);
    expect(questions[2]?.options.map((option) => option.correct)).toEqual([true, true, false]);
  });

  it('gives the grading export each submitting student’s counted score (scoresByStudent)', async () => {
    const scores = await h.app.get(QuizService).scoresByStudent(classId);
    expect(new Map([...scores].map(([id, { score, maxScore }]) => [id, { score, maxScore }]))).toEqual(
      new Map([
        [students.Alice?.id, { score: 3, maxScore: 3 }],
        [students.Bruno?.id, { score: 2, maxScore: 3 }],
        [students.Chloé?.id, { score: 1.5, maxScore: 3 }],
        [students.David?.id, { score: 0, maxScore: 3 }],
        [students.Farid?.id, { score: 1, maxScore: 3 }],
      ]),
    );
    const alice = await h.db.prisma.quizAttempt.findFirstOrThrow({
      where: { userId: students.Alice?.id, number: 2 },
    });
    expect(scores.get(students.Alice?.id ?? '')?.submittedAt).toBe(alice.submittedAt?.toISOString());
    const teacher = await createTeacher(h.db.prisma);
    const untouched = (await createClass(h.db.prisma, teacher.id)).id;
    await createStudent(h.db.prisma, untouched);
    expect(await h.app.get(QuizService).scoresByStudent(untouched)).toEqual(new Map());
  });

  it('is for the class’s teacher and admins: another teacher gets 404, a student 403', async () => {
    const admin = await createAdmin(h.db.prisma);
    await api()
      .get(resultsUrl())
      .set(as(await issueSessionToken(h.db.prisma, admin.id)))
      .expect(200);
    const other = await createTeacher(h.db.prisma);
    const otherToken = await issueSessionToken(h.db.prisma, other.id);
    await api().get(resultsUrl()).set(as(otherToken)).expect(404);
    // … even for their own class's id the other teacher reads only their class: empty, not this one
    const otherClass = (await createClass(h.db.prisma, other.id)).id;
    const own = ZQuizClassResults.parse(
      (await api().get(resultsUrl(otherClass)).set(as(otherToken)).expect(200)).body,
    );
    expect(own).toEqual({
      students: [],
      summary: { submitted: 0, mean: null, median: null },
      questions: [],
      discriminationMinStudents: 4,
    });
    await api().get(resultsUrl(otherClass)).set(as(teacherToken)).expect(404);
    await api()
      .get(resultsUrl())
      .set(as(students.Alice?.token ?? ''))
      .expect(403);
    await api().get(resultsUrl()).expect(401);
  });

  it('answers 404 for an unknown or malformed class id', async () => {
    await api().get(resultsUrl(randomUUID())).set(as(teacherToken)).expect(404);
    await api().get(resultsUrl('not-a-uuid')).set(as(teacherToken)).expect(404);
    const admin = await createAdmin(h.db.prisma);
    const adminToken = await issueSessionToken(h.db.prisma, admin.id);
    await api().get(resultsUrl(randomUUID())).set(as(adminToken)).expect(404);
    await api().get(resultsUrl('not-a-uuid')).set(as(adminToken)).expect(404);
  });
});
