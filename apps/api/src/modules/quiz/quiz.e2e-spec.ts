import { drawQuiz, QUIZ_BANK, type TQuizQuestionContent } from '@dlclass/content';
import {
  DEFAULT_QUIZ_SETTINGS,
  QUIZ_GRACE_SECONDS,
  type TApiError,
  type TQuizSettings,
  ZQuizAttempt,
  ZQuizOverview,
  ZQuizResult,
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

/** The QCM through the API, on a real PostgreSQL: settings, attempts, answers, time limit, results. */
describe('QCM API end to end', () => {
  let h: Harness;
  let classId: string;
  let teacherToken: string;

  const api = () => request(h.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const bank = new Map(QUIZ_BANK.map((question) => [question.id, question]));
  const question = (id: string): TQuizQuestionContent => {
    const found = bank.get(id);
    if (!found) throw new Error(`No question ${id} in the bank`);
    return found;
  };
  const rightIds = (id: string) =>
    question(id)
      .options.filter((o) => o.correct)
      .map((o) => o.id);
  const wrongIds = (id: string) =>
    question(id)
      .options.filter((o) => !o.correct)
      .map((o) => o.id);

  const newStudent = async () => {
    const student = await createStudent(h.db.prisma, classId);
    return { id: student.id, token: await issueSessionToken(h.db.prisma, student.id) };
  };
  /** The class's settings: the defaults with `patch`, every question of the bank unless said otherwise. */
  const setSettings = async (patch: Partial<TQuizSettings>) => {
    const settings = { ...DEFAULT_QUIZ_SETTINGS, questionCount: QUIZ_BANK.length, ...patch };
    await api().put(`/api/classes/${classId}/quiz-settings`).set(as(teacherToken)).send(settings).expect(200);
  };
  const start = async (token: string) =>
    ZQuizAttempt.parse((await api().post('/api/quiz/attempt').set(as(token)).expect(200)).body);
  /** Answers a question of the student's current attempt (the routes never name an attempt). */
  const answer = (token: string, questionId: string, optionIds: string[]) =>
    api().put(`/api/quiz/attempt/answers/${questionId}`).set(as(token)).send({ optionIds });
  const submit = (token: string) => api().post('/api/quiz/attempt/submit').set(as(token));
  const overview = async (token: string) =>
    ZQuizOverview.parse((await api().get('/api/quiz').set(as(token)).expect(200)).body);
  /** Moves the attempt's deadline `ms` into the past (the clock is the server's: the row is what counts). */
  const deadlinePassedBy = (attemptId: string, ms: number) =>
    h.db.prisma.quizAttempt.update({
      where: { id: attemptId },
      data: { deadline: new Date(Date.now() - ms) },
    });
  const beyondGrace = (QUIZ_GRACE_SECONDS + 60) * 1000;
  const firstSingle = (attempt: { questions: { id: string; multiple: boolean }[] }) => {
    const found = attempt.questions.find((q) => !q.multiple);
    if (!found) throw new Error('The attempt has no single-answer question');
    return found.id;
  };
  const firstMultiple = (attempt: { questions: { id: string; multiple: boolean }[] }) => {
    const found = attempt.questions.find((q) => q.multiple);
    if (!found) throw new Error('The attempt has no multiple-answer question');
    return found.id;
  };

  beforeAll(async () => {
    h = await startHarness('quiz');
    const teacher = await createTeacher(h.db.prisma);
    teacherToken = await issueSessionToken(h.db.prisma, teacher.id);
    classId = (await createClass(h.db.prisma, teacher.id)).id;
    // A new class has phases 2 and 3 locked: this class is past them.
    await h.db.prisma.class.update({ where: { id: classId }, data: { lockedPhases: [] } });
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('settings', () => {
    it('gives the defaults until the teacher saves settings', async () => {
      const res = await api().get(`/api/classes/${classId}/quiz-settings`).set(as(teacherToken)).expect(200);
      expect(res.body).toEqual(DEFAULT_QUIZ_SETTINGS);
    });

    it('saves the teacher’s settings (and an admin may too)', async () => {
      const settings: TQuizSettings = {
        timeLimitMinutes: 25,
        maxAttempts: 2,
        questionCount: 10,
        correction: 'when-released',
        correctionReleased: false,
      };
      await api()
        .put(`/api/classes/${classId}/quiz-settings`)
        .set(as(teacherToken))
        .send(settings)
        .expect(200, settings);
      const res = await api().get(`/api/classes/${classId}/quiz-settings`).set(as(teacherToken)).expect(200);
      expect(res.body).toEqual(settings);

      const admin = await createAdmin(h.db.prisma);
      const adminToken = await issueSessionToken(h.db.prisma, admin.id);
      await api().get(`/api/classes/${classId}/quiz-settings`).set(as(adminToken)).expect(200, settings);
    });

    it('refuses another teacher (404) and a student (403)', async () => {
      const other = await createTeacher(h.db.prisma);
      const otherToken = await issueSessionToken(h.db.prisma, other.id);
      const body = DEFAULT_QUIZ_SETTINGS;
      await api().put(`/api/classes/${classId}/quiz-settings`).set(as(otherToken)).send(body).expect(404);
      await api().get(`/api/classes/${classId}/quiz-settings`).set(as(otherToken)).expect(404);
      const { token } = await newStudent();
      const res = await api()
        .put(`/api/classes/${classId}/quiz-settings`)
        .set(as(token))
        .send(body)
        .expect(403);
      expect((res.body as TApiError).code).toBe('FORBIDDEN');
    });

    it('refuses bad settings with a French message per field', async () => {
      const res = await api()
        .put(`/api/classes/${classId}/quiz-settings`)
        .set(as(teacherToken))
        .send({ ...DEFAULT_QUIZ_SETTINGS, timeLimitMinutes: 0 })
        .expect(400);
      expect(res.body as TApiError).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ field: 'timeLimitMinutes', message: 'La durée est d’au moins 1 minute' }],
      });

      const tooMany = await api()
        .put(`/api/classes/${classId}/quiz-settings`)
        .set(as(teacherToken))
        .send({ ...DEFAULT_QUIZ_SETTINGS, questionCount: QUIZ_BANK.length + 1 })
        .expect(400);
      expect((tooMany.body as TApiError).fields?.[0]).toMatchObject({ field: 'questionCount' });
      expect((tooMany.body as TApiError).fields?.[0]?.message).toContain(`${QUIZ_BANK.length} questions`);
    });
  });

  describe('an attempt', () => {
    let alice: { id: string; token: string };
    let attemptId: string;

    beforeAll(async () => {
      await setSettings({ maxAttempts: 2, correction: 'after-each-attempt' });
      alice = await newStudent();
    });

    it('draws the questions and option orders from its stored seed, and never sends the correction', async () => {
      const attempt = await start(alice.token);
      attemptId = attempt.id;
      expect(attempt).toMatchObject({ number: 1, submittedAt: null, answers: {} });
      expect(attempt.questions).toHaveLength(QUIZ_BANK.length);
      expect(new Date(attempt.deadline).getTime() - new Date(attempt.startedAt).getTime()).toBe(
        DEFAULT_QUIZ_SETTINGS.timeLimitMinutes * 60_000,
      );
      expect(JSON.stringify(attempt)).not.toMatch(/"correct"|explanation/);

      const row = await h.db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
      const drawn = drawQuiz(QUIZ_BANK, QUIZ_BANK.length, row.seed);
      expect(attempt.questions.map((q) => q.id)).toEqual(drawn.map((q) => q.id));
      expect(attempt.questions.map((q) => q.options.map((o) => o.id))).toEqual(
        drawn.map((q) => q.options.map((o) => o.id)),
      );
    });

    it('returns the same attempt, in the same order, when started again', async () => {
      const first = await overview(alice.token);
      const again = await start(alice.token);
      expect(again.id).toBe(attemptId);
      expect(again.questions).toEqual(first.active?.questions);
      expect(await h.db.prisma.quizAttempt.count({ where: { userId: alice.id } })).toBe(1);
    });

    it('shuffles questions per student', async () => {
      const orders = await Promise.all(
        [1, 2, 3, 4].map(async () => (await start((await newStudent()).token)).questions.map((q) => q.id)),
      );
      const distinct = new Set(orders.map((order) => order.join(',')));
      expect(distinct.size).toBeGreaterThan(1);
    });

    it('saves answers one by one; each shows on the next read and a new answer replaces the old', async () => {
      const attempt = await start(alice.token);
      const single = firstSingle(attempt);
      const multiple = firstMultiple(attempt);
      const saved = await answer(alice.token, single, [wrongIds(single)[0] as string]).expect(200);
      expect(Number.isNaN(Date.parse(saved.body.savedAt))).toBe(false);
      expect((await overview(alice.token)).active?.answers).toEqual({ [single]: [wrongIds(single)[0]] });

      await answer(alice.token, single, rightIds(single)).expect(200);
      await answer(alice.token, multiple, rightIds(multiple)).expect(200);
      expect((await overview(alice.token)).active?.answers).toEqual({
        [single]: rightIds(single),
        [multiple]: rightIds(multiple),
      });
    });

    it('refuses an unknown option, two options on a single-answer question, and a question not drawn', async () => {
      const attempt = await start(alice.token);
      const single = firstSingle(attempt);
      const unknown = await answer(alice.token, single, ['nope']).expect(400);
      expect((unknown.body as TApiError).fields?.[0]?.message).toContain('Option inconnue');
      await answer(
        alice.token,
        single,
        question(single)
          .options.map((o) => o.id)
          .slice(0, 2),
      ).expect(400);
      await answer(alice.token, 'no-such-question', []).expect(404);
      expect((await overview(alice.token)).active?.answers[single]).toEqual(rightIds(single));
    });

    it("reaches only the student's own attempt: another student without one gets 404, a teacher 403", async () => {
      const bob = await newStudent();
      const attempt = await start(alice.token);
      const single = firstSingle(attempt);
      const none = await answer(bob.token, single, []).expect(404);
      expect((none.body as TApiError).message).toContain('Aucune tentative');
      await submit(bob.token).expect(404);
      const bobs = await start(bob.token);
      await answer(bob.token, single, []).expect(200);
      expect(bobs.id).not.toBe(attemptId);
      expect((await overview(alice.token)).active?.answers[single]).toEqual(rightIds(single));

      await answer(teacherToken, single, []).expect(403);
      await submit(teacherToken).expect(403);
      await api().get('/api/quiz').set(as(teacherToken)).expect(403);
      await api().post('/api/quiz/attempt').set(as(teacherToken)).expect(403);
    });

    it('scores on submit, and submitting twice gives the same result', async () => {
      const first = ZQuizResult.parse((await submit(alice.token).expect(200)).body);
      expect(first).toMatchObject({ attemptId, number: 1, score: 2, maxScore: QUIZ_BANK.length });
      expect(first.scoreOn20).toBe(Math.round((2 / QUIZ_BANK.length) * 2000) / 100);
      const second = ZQuizResult.parse((await submit(alice.token).expect(200)).body);
      expect(second).toEqual(first);
      const row = await h.db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
      expect(row).toMatchObject({ score: 2, maxScore: QUIZ_BANK.length });
    });

    it('takes no answer once submitted', async () => {
      const res = await answer(alice.token, QUIZ_BANK[0]?.id as string, []).expect(409);
      expect((res.body as TApiError).code).toBe('QUIZ_TIME_UP');
    });

    it('refuses to act on a newer attempt than the one the page shows (a tab left open on the first)', async () => {
      const second = await start(alice.token);
      expect(second.id).not.toBe(attemptId);
      const question = second.questions[0]?.id as string;
      // the stale tab names the first attempt: neither its answer nor its hand-in reaches the second
      const stale = await api()
        .put(`/api/quiz/attempt/answers/${question}`)
        .set(as(alice.token))
        .send({ optionIds: [], attemptId })
        .expect(409);
      expect((stale.body as TApiError).code).toBe('QUIZ_ATTEMPT_CHANGED');
      const staleSubmit = await api()
        .post('/api/quiz/attempt/submit')
        .set(as(alice.token))
        .send({ attemptId })
        .expect(409);
      expect((staleSubmit.body as TApiError).code).toBe('QUIZ_ATTEMPT_CHANGED');
      expect((await overview(alice.token)).active?.id).toBe(second.id);
      // the page that shows the second one goes on
      await api()
        .put(`/api/quiz/attempt/answers/${question}`)
        .set(as(alice.token))
        .send({ optionIds: [], attemptId: second.id })
        .expect(200);
    });
  });

  describe('the time limit', () => {
    beforeAll(() => setSettings({ maxAttempts: 1, correction: 'after-each-attempt' }));

    it('accepts an answer within the grace period after the deadline', async () => {
      const student = await newStudent();
      const attempt = await start(student.token);
      await deadlinePassedBy(attempt.id, 5_000);
      await answer(student.token, firstSingle(attempt), []).expect(200);
    });

    it('refuses an answer past the deadline and the grace period with 409 QUIZ_TIME_UP, and finalises', async () => {
      const student = await newStudent();
      const attempt = await start(student.token);
      const single = firstSingle(attempt);
      await answer(student.token, single, rightIds(single)).expect(200);
      await deadlinePassedBy(attempt.id, beyondGrace);
      const late = await answer(student.token, firstMultiple(attempt), rightIds(firstMultiple(attempt)));
      expect(late.status).toBe(409);
      expect((late.body as TApiError).code).toBe('QUIZ_TIME_UP');
      const result = ZQuizResult.parse((await submit(student.token).expect(200)).body);
      expect(result.score).toBe(1);
    });

    it('finalises an expired attempt with the answers saved in time when the QCM is read', async () => {
      const student = await newStudent();
      const attempt = await start(student.token);
      const single = firstSingle(attempt);
      await answer(student.token, single, rightIds(single)).expect(200);
      await deadlinePassedBy(attempt.id, beyondGrace);

      const read = await overview(student.token);
      expect(read.active).toBeNull();
      expect(read.attemptsUsed).toBe(1);
      expect(read.results).toHaveLength(1);
      expect(read.results[0]).toMatchObject({ attemptId: attempt.id, score: 1 });
      const row = await h.db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
      expect(row.submittedAt?.getTime()).toBe(row.deadline.getTime() + QUIZ_GRACE_SECONDS * 1000);
      expect(row.score).toBe(1);
    });

    it('finalises an expired attempt when a new one is asked for', async () => {
      const student = await newStudent();
      const attempt = await start(student.token);
      await deadlinePassedBy(attempt.id, beyondGrace);
      const res = await api().post('/api/quiz/attempt').set(as(student.token)).expect(409);
      expect((res.body as TApiError).code).toBe('NO_ATTEMPTS_LEFT');
      const row = await h.db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
      expect(row).toMatchObject({ score: 0, maxScore: QUIZ_BANK.length });
      expect(row.submittedAt).not.toBeNull();
    });
  });

  describe('scoring', () => {
    beforeAll(() => setSettings({ maxAttempts: 1, correction: 'after-each-attempt' }));

    it('gives nothing for ticking every option of a multiple-answer question', async () => {
      const student = await newStudent();
      const attempt = await start(student.token);
      const multiple = firstMultiple(attempt);
      await answer(
        student.token,
        multiple,
        question(multiple).options.map((o) => o.id),
      ).expect(200);
      const result = ZQuizResult.parse((await submit(student.token).expect(200)).body);
      expect(result.questions.find((q) => q.questionId === multiple)?.score).toBe(0);
      expect(result.score).toBe(0);
    });

    it('gives 20/20 for every right answer', async () => {
      const student = await newStudent();
      const attempt = await start(student.token);
      for (const q of attempt.questions) await answer(student.token, q.id, rightIds(q.id)).expect(200);
      const result = ZQuizResult.parse((await submit(student.token).expect(200)).body);
      expect(result).toMatchObject({ score: QUIZ_BANK.length, scoreOn20: 20 });
    });
  });

  describe('the correction', () => {
    /** Every option with whether it is right and why, or nothing at all. */
    const expectCorrection = (result: { questions: { correction: unknown }[] }, shown: boolean) => {
      for (const q of result.questions) {
        if (shown)
          expect(q.correction).toEqual(
            expect.arrayContaining([expect.objectContaining({ explanation: expect.any(String) })]),
          );
        else expect(q.correction).toBeNull();
      }
      if (!shown) expect(JSON.stringify(result)).not.toMatch(/explanation|"correct"/);
    };

    it('after-each-attempt: shown with each submitted attempt', async () => {
      await setSettings({ maxAttempts: 2, correction: 'after-each-attempt' });
      const student = await newStudent();
      const attempt = await start(student.token);
      const result = ZQuizResult.parse((await submit(student.token).expect(200)).body);
      expect(result.correctionVisible).toBe(true);
      expectCorrection(result, true);
      const single = firstSingle(attempt);
      const correction = result.questions.find((q) => q.questionId === single)?.correction ?? [];
      expect(correction.map((o) => o.id)).toEqual(
        attempt.questions.find((q) => q.id === single)?.options.map((o) => o.id),
      );
      expect(correction.filter((o) => o.correct).map((o) => o.id)).toEqual(rightIds(single));

      // Hidden again while the next attempt is in progress: it would answer it.
      await start(student.token);
      expectCorrection(
        (await overview(student.token)).results[0] as { questions: { correction: unknown }[] },
        false,
      );
    });

    it('after-last-attempt: hidden until no attempt is left', async () => {
      await setSettings({ maxAttempts: 2, correction: 'after-last-attempt' });
      const student = await newStudent();
      await start(student.token);
      const firstResult = ZQuizResult.parse((await submit(student.token).expect(200)).body);
      expect(firstResult.correctionVisible).toBe(false);
      expectCorrection(firstResult, false);

      const second = await start(student.token);
      expect(second.number).toBe(2);
      const secondResult = ZQuizResult.parse((await submit(student.token).expect(200)).body);
      expect(secondResult.correctionVisible).toBe(true);
      const read = await overview(student.token);
      expect(read.attemptsUsed).toBe(2);
      for (const result of read.results) expectCorrection(result, true);

      const res = await api().post('/api/quiz/attempt').set(as(student.token)).expect(409);
      expect((res.body as TApiError).code).toBe('NO_ATTEMPTS_LEFT');
    });

    it('when-released: hidden until the teacher releases it', async () => {
      await setSettings({ maxAttempts: 1, correction: 'when-released', correctionReleased: false });
      const student = await newStudent();
      await start(student.token);
      const result = ZQuizResult.parse((await submit(student.token).expect(200)).body);
      expectCorrection(result, false);
      expectCorrection(
        (await overview(student.token)).results[0] as { questions: { correction: unknown }[] },
        false,
      );

      await setSettings({ maxAttempts: 1, correction: 'when-released', correctionReleased: true });
      const read = await overview(student.token);
      expect(read.results[0]?.correctionVisible).toBe(true);
      expectCorrection(read.results[0] as { questions: { correction: unknown }[] }, true);
    });
  });

  describe('a locked phase', () => {
    beforeAll(() => setSettings({ maxAttempts: 1, correction: 'after-each-attempt' }));
    afterAll(() => h.db.prisma.class.update({ where: { id: classId }, data: { lockedPhases: [] } }));

    it('refuses to start the QCM while phase 3 is locked, but keeps an attempt in progress going', async () => {
      const started = await newStudent();
      const attempt = await start(started.token);
      await h.db.prisma.class.update({ where: { id: classId }, data: { lockedPhases: [3] } });

      const newcomer = await newStudent();
      const res = await api().post('/api/quiz/attempt').set(as(newcomer.token)).expect(403);
      expect((res.body as TApiError).code).toBe('ACTIVITY_LOCKED');
      expect(await h.db.prisma.quizAttempt.count({ where: { userId: newcomer.id } })).toBe(0);

      expect((await start(started.token)).id).toBe(attempt.id);
      await answer(started.token, firstSingle(attempt), []).expect(200);
      await submit(started.token).expect(200);
    });
  });
});
