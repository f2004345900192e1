// The teacher's QCM tools in Chromium, against the real stack: the class's settings are checked, saved and
// shown to the students; a QCM file with mistakes is refused with its faulty lines, the corrected one is
// imported, and the class goes back to the lesson's QCM.
import { QUIZ_BANK } from '@dlclass/content';
import { DEFAULT_QUIZ_SETTINGS, type TQuizSettings } from '@dlclass/contracts';
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import { browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

const BROKEN = `## Qu'est-ce qu'une époque ?
- [ ] Une couche du réseau
- [ ] Un passage complet sur les données

## Quels éléments appartiennent à un neurone ?
- [x] Des poids
`;

describe("The teacher's QCM tools in Chromium", () => {
  const suite = browserSuite('e2e-teacher-quiz', async (db) => {
    const teacher = await createTeacher(db.prisma);
    const schoolClass = await createClass(db.prisma, teacher.id, {
      name: 'BTS SIO 1 (QCM)',
      lockedPhases: [],
    });
    const student = await createStudent(db.prisma, schoolClass.id, { displayName: 'Yanis Morel' });
    return {
      classId: schoolClass.id,
      teacherToken: await issueSessionToken(db.prisma, teacher.id),
      studentToken: await issueSessionToken(db.prisma, student.id),
    };
  });

  const savedSettings = async (): Promise<TQuizSettings> => {
    const response = await fetch(`${suite.webUrl}/api/classes/${suite.seeded.classId}/quiz-settings`, {
      headers: { authorization: `Bearer ${suite.seeded.teacherToken}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as TQuizSettings;
  };

  it('checks and saves the class’s QCM settings, which the students then see', async () => {
    const { page } = await suite.open(suite.seeded.teacherToken);
    await page.goto(`${suite.webUrl}/enseignant`);
    const form = page.getByTestId('quiz-settings');
    const duration = form.getByTestId('quiz-setting-timeLimitMinutes');
    await duration.and(page.locator(`[value="${DEFAULT_QUIZ_SETTINGS.timeLimitMinutes}"]`)).waitFor();

    // a duration of 0 is refused beside the field, and nothing is saved
    await duration.fill('0');
    await form.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await form.getByText('La durée est d’au moins 1 minute').waitFor();
    expect(await duration.getAttribute('aria-invalid')).toBe('true');
    expect(await savedSettings()).toEqual(DEFAULT_QUIZ_SETTINGS);

    await duration.fill('12');
    await form.getByTestId('quiz-setting-maxAttempts').fill('2');
    await form.getByTestId('quiz-setting-questionCount').fill('10');
    await form.getByTestId('quiz-setting-correction').selectOption('when-released');
    await form.getByTestId('quiz-setting-released').waitFor();
    await form.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await form.getByTestId('quiz-settings-saved').waitFor();
    await screenshot(form, 'quiz-settings-saved');
    const expected: TQuizSettings = {
      timeLimitMinutes: 12,
      maxAttempts: 2,
      questionCount: 10,
      correction: 'when-released',
      correctionReleased: false,
    };
    expect(await savedSettings()).toEqual(expected);

    // kept after a reload; then the correction released
    await page.reload();
    await duration.and(page.locator('[value="12"]')).waitFor();
    expect(await form.getByTestId('quiz-setting-correction').inputValue()).toBe('when-released');
    await form.getByTestId('quiz-setting-released').check();
    await form.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await form.getByTestId('quiz-settings-saved').waitFor();
    expect(await savedSettings()).toEqual({ ...expected, correctionReleased: true });

    // the student's QCM page states the new rules
    const { page: student } = await suite.open(suite.seeded.studentToken);
    await student.goto(`${suite.webUrl}/eleve/qcm`);
    const intro = student.getByTestId('quiz-intro');
    await intro.getByText('12 min').waitFor();
    expect(await intro.getByTestId('quiz-attempts').textContent()).toBe('0 utilisée(s) sur 2');
    await intro.getByText('quand votre enseignant·e la publiera').waitFor();
  });

  it('shows the faulty lines, imports the corrected file, then goes back to the default QCM', async () => {
    const { page } = await suite.open(suite.seeded.teacherToken);
    await page.goto(`${suite.webUrl}/enseignant`);
    const panel = page.getByTestId('quiz-import');
    const source = panel.getByTestId('quiz-source');
    await source.and(page.locator('[data-source="default"]')).waitFor();
    expect(await source.textContent()).toContain(`${QUIZ_BANK.length} questions`);

    await panel.getByTestId('quiz-markdown').fill(BROKEN);
    await panel.getByRole('button', { name: 'Importer' }).click();
    const problems = panel.getByTestId('quiz-import-errors').locator('li');
    await problems.first().waitFor();
    expect(await problems.allTextContents()).toEqual([
      'Ligne 1 : aucune bonne réponse : cochez-en au moins une avec « - [x] »',
      'Ligne 5 : la question n’a qu’une option : il en faut au moins 2',
    ]);
    expect(await panel.getByTestId('quiz-markdown').getAttribute('aria-invalid')).toBe('true');
    await panel
      .locator('details')
      .first()
      .evaluate((details) => details.setAttribute('open', ''));
    await screenshot(panel, 'quiz-import-errors');
    expect(await source.getAttribute('data-source')).toBe('default');

    await panel.getByRole('button', { name: 'Partir de l’exemple' }).click();
    await panel.getByRole('button', { name: 'Importer' }).click();
    await panel.getByText('2 questions importées.', { exact: true }).waitFor();
    expect(await source.getAttribute('data-source')).toBe('imported');
    expect(await panel.getByTestId('quiz-import-errors').count()).toBe(0);
    await screenshot(panel, 'quiz-import-done');

    // the imported Markdown is what the panel shows after a reload
    await page.reload();
    await panel.getByTestId('quiz-source').and(page.locator('[data-source="imported"]')).waitFor();
    expect(await panel.getByTestId('quiz-markdown').inputValue()).toContain("## Qu'est-ce qu'une époque ?");

    await panel.getByRole('button', { name: 'Revenir au QCM par défaut' }).click();
    await panel.getByText('La classe repasse au QCM de la séance.').waitFor();
    expect(await source.getAttribute('data-source')).toBe('default');
    expect(await panel.getByTestId('quiz-markdown').inputValue()).toBe('');
  });
});
