// The teacher's QCM results in Chromium, against the real stack: students take the class's QCM through the
// API, the teacher opens /enseignant/qcm and reads the marks, each question's facility, the ticks per option
// and the discrimination; a student who hands in while the page is open appears without a reload.
import {
  DEFAULT_QUIZ_SETTINGS,
  QUIZ_MIN_QUESTIONS,
  type TQuizAttempt,
  type TQuizBankState,
} from '@dlclass/contracts';
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import { browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

/** Three questions: the first two single-answer (a right), the third a and b right. */
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

const NAMES = ['Alice Martin', 'Bruno Petit', 'Chloé Roux', 'David Léger', 'Emma Colin'] as const;
type Name = (typeof NAMES)[number];

describe("The teacher's QCM results in Chromium", () => {
  const suite = browserSuite('e2e-teacher-quiz-results', async (db) => {
    const teacher = await createTeacher(db.prisma);
    const schoolClass = await createClass(db.prisma, teacher.id, {
      name: 'BTS SIO 1 (QCM)',
      lockedPhases: [],
    });
    const students = new Map<Name, string>();
    for (const name of NAMES) {
      const student = await createStudent(db.prisma, schoolClass.id, { displayName: name });
      students.set(name, await issueSessionToken(db.prisma, student.id));
    }
    return {
      classId: schoolClass.id,
      teacherToken: await issueSessionToken(db.prisma, teacher.id),
      students,
    };
  });

  /** A call to the API through the web app, as the browser makes it. */
  const call = async <T>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${suite.webUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  let questionIds: string[] = [];

  /** The student takes the QCM: these options on the questions by position (none: left blank), then hands in. */
  const takeQuiz = async (name: Name, answers: string[][]) => {
    const token = suite.seeded.students.get(name) ?? '';
    const attempt = await call<TQuizAttempt>(token, 'POST', '/quiz/attempt');
    for (const [index, optionIds] of answers.entries()) {
      await call(token, 'PUT', `/quiz/attempt/answers/${questionIds[index]}`, {
        optionIds,
        attemptId: attempt.id,
      });
    }
    await call(token, 'POST', '/quiz/attempt/submit', { attemptId: attempt.id });
  };

  beforeAll(async () => {
    const { classId, teacherToken } = suite.seeded;
    const bank = await call<TQuizBankState>(teacherToken, 'PUT', `/classes/${classId}/quiz-bank`, {
      markdown: MARKDOWN,
    });
    questionIds = bank.questions.map((question) => question.id);
    await call(teacherToken, 'PUT', `/classes/${classId}/quiz-settings`, {
      ...DEFAULT_QUIZ_SETTINGS,
      questionCount: QUIZ_MIN_QUESTIONS,
    });
    await takeQuiz('Alice Martin', [['a'], ['a'], ['a', 'b']]); // 3 / 3
    await takeQuiz('Bruno Petit', [['a'], ['a'], ['c']]); // 2 / 3
    await takeQuiz('Chloé Roux', [['b'], ['a'], ['a']]); // 1.5 / 3
    await takeQuiz('David Léger', [['c'], ['b']]); // 0 / 3
  });

  it('shows the marks and each question’s analysis, and follows a student who hands in', async () => {
    const { page } = await suite.open(suite.seeded.teacherToken);
    await page.goto(`${suite.webUrl}/enseignant/qcm?classe=${suite.seeded.classId}`);
    await page.getByRole('heading', { level: 1, name: 'Résultats du QCM' }).waitFor();

    // 20, 13.33, 10 and 0 out of 20; Emma has not handed in
    const submitted = page.getByTestId('quiz-submitted');
    await submitted.and(page.locator('[data-value="4"]')).waitFor();
    expect(await submitted.textContent()).toBe('4 sur 5');
    expect(await page.getByTestId('quiz-mean').textContent()).toBe('10,83 / 20');
    expect(await page.getByTestId('quiz-median').textContent()).toBe('11,67 / 20');
    const rows = page.getByTestId('quiz-student');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-score')))).toEqual([
      '20',
      '13.33',
      '10',
      '0',
      '',
    ]);
    expect(await rows.nth(1).locator('td').nth(2).textContent()).toBe('13,33 / 20');
    expect(await rows.nth(4).textContent()).toContain('pas encore rendu');

    // Q1: Alice and Bruno right (50 %); Chloé ticked b, David c; b and c tie as the most frequent mistake
    const first = page.getByTestId('quiz-question').nth(0);
    expect(await first.locator('.quiz-prompt').textContent()).toBe('Quelle couche donne la prédiction ?');
    expect(await first.getByTestId('quiz-facility').textContent()).toContain(
      '50 % d’élèves entièrement justes',
    );
    expect(await first.getByTestId('quiz-answers').textContent()).toBe(
      '4 élève(s) interrogé(s), 0 sans réponse',
    );
    const options = first.getByTestId('quiz-option');
    expect(await options.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-chosen')))).toEqual([
      '2',
      '1',
      '1',
      '0',
    ]);
    expect(await options.nth(0).textContent()).toContain('bonne réponse');
    expect(await options.nth(0).textContent()).toContain('2 fois (50 %)');
    expect(await options.nth(1).textContent()).toContain('erreur la plus fréquente');
    expect(await options.nth(2).textContent()).toContain('erreur la plus fréquente');
    expect(await first.locator('.top-wrong').count()).toBe(2);
    // right 1, 1, 0, 0 against the rest of the attempt 1, .5, .75, 0 → r = 0.5071 (good)
    const discrimination = first.getByTestId('quiz-discrimination');
    expect(await discrimination.getAttribute('data-value')).toBe('0.5071');
    expect(await discrimination.textContent()).toBe('0,51sépare bien les élèves');

    // Q3: only Alice fully right (Chloé half right), hard; David left it blank
    const third = page.getByTestId('quiz-question').nth(2);
    expect(await third.getByTestId('quiz-facility').getAttribute('data-value')).toBe('0.25');
    expect(await third.getByTestId('quiz-facility').textContent()).toContain('difficile');
    expect(await third.getByTestId('quiz-answers').textContent()).toBe(
      '4 élève(s) interrogé(s), 1 sans réponse',
    );

    await page.locator('.quiz-help').evaluate((details) => details.setAttribute('open', ''));
    await screenshot(page, 'teacher-quiz-results');

    // Emma hands in while the page is open: it shows her without a reload
    await takeQuiz('Emma Colin', [['a']]);
    await submitted.and(page.locator('[data-value="5"]')).waitFor({ timeout: 30_000 });
    expect(await rows.nth(4).getAttribute('data-score')).toBe('6.67');
  });

  it('keeps the page to staff: a student is sent away', async () => {
    const { page } = await suite.open(suite.seeded.students.get('Alice Martin'));
    await page.goto(`${suite.webUrl}/enseignant/qcm`);
    await page.waitForURL((url) => url.pathname === '/eleve');
    expect(await page.getByTestId('quiz-results').count()).toBe(0);
  });
});
