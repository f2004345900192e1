// Grading one deliverable in Chromium, against the real stack: the teacher opens the student's handed-in
// synthesis from the queue, scores the rubric, comments a section, sets a competence level and finalises;
// the student then sees the grade and the comments on their page; the CSV and the printable report agree.
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import { browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

describe('Grading a deliverable in Chromium', () => {
  const suite = browserSuite('e2e-teacher-grading', async (db) => {
    const teacher = await createTeacher(db.prisma, { displayName: 'M. Roussel' });
    const schoolClass = await createClass(db.prisma, teacher.id, { name: 'BTS SIO 1 B', lockedPhases: [] });
    const lea = await createStudent(db.prisma, schoolClass.id, { displayName: 'Léa Martin' });
    const yanis = await createStudent(db.prisma, schoolClass.id, { displayName: 'Yanis Petit' });
    const submittedAt = new Date();
    await db.prisma.deliverable.create({
      data: {
        userId: yanis.id,
        classId: schoolClass.id,
        activity: 'schema-annote',
        status: 'SUBMITTED',
        version: 1,
        submittedVersion: 1,
        submittedAt,
        answers: {},
      },
    });
    await db.prisma.deliverable.create({
      data: {
        userId: lea.id,
        classId: schoolClass.id,
        activity: 'synthese',
        status: 'SUBMITTED',
        version: 3,
        submittedVersion: 3,
        submittedAt,
        answers: {
          clear: 'Les époques et la validation.',
          deepen: 'Le rôle du pooling.',
          surprised: 'Un réseau lit mal mes dessins penchés.',
          apply: 'Trier des photos en stage.',
        },
      },
    });
    return {
      prisma: db.prisma,
      classId: schoolClass.id,
      leaId: lea.id,
      teacherToken: await issueSessionToken(db.prisma, teacher.id),
      leaToken: await issueSessionToken(db.prisma, lea.id),
    };
  });

  it('grades a handed-in synthesis with the rubric; the student sees the grade and the comments', async () => {
    const { classId, leaId, teacherToken, leaToken } = suite.seeded;
    const { page } = await suite.open(teacherToken);
    await page.goto(`${suite.webUrl}/enseignant/correction?classe=${classId}`);

    await page.getByTestId('queue-item').filter({ hasText: 'Léa Martin' }).click();
    const panel = page.getByTestId('grade-panel');
    // The student's answers, read-only.
    const clear = panel.getByLabel('Ce qui est clair pour vous');
    await clear.waitFor();
    expect(await clear.inputValue()).toBe('Les époques et la validation.');
    expect(await clear.isEditable()).toBe(false);
    await panel.getByTestId('score-reflection').fill('5.5');
    await panel.getByTestId('score-self-assessment').fill('3');
    await panel.getByTestId('section-comment-reflection').fill('Bilan lucide ; précisez le rôle du pooling.');
    await panel.getByTestId('level-B2.2').selectOption('acquired');
    await panel.getByTestId('grade-comment').fill('Très bonne séance, continuez ainsi.');
    await panel.getByTestId('grade-sheet-total').getByText('Total : 8,5 / 10').waitFor();
    await page.locator('[data-testid="grade-save-state"][data-state="saved"]').waitFor();
    await screenshot(page, 'teacher-grading');

    await panel.getByTestId('finalise').click();
    await page.locator('[data-testid="grade-panel"][data-status="finalised"]').waitFor();
    await page.getByTestId('queue-item').filter({ hasText: 'noté' }).getByText('8,5 / 10').waitFor();

    // The class's own rubric for the synthesis: the criterion's points change, the grade above keeps its own.
    const rubric = page.getByTestId('rubric-synthesis');
    await rubric.locator('summary').click();
    await rubric.getByLabel('Points').first().fill('8');
    await rubric.getByRole('button', { name: 'Enregistrer la grille' }).click();
    await rubric.getByText('Grille enregistrée.').waitFor();
    await rubric.locator('summary').getByText('grille de la classe').waitFor();
    await rubric.locator('summary').getByText('Total : 12 points').waitFor();
    await screenshot(rubric, 'teacher-rubric');

    // The grade book agrees: the CSV (downloaded with the teacher's session) and the printable report.
    const csv = await page.request.get(`${suite.webUrl}/api/classes/${classId}/grades.csv`);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n');
    // Graded out of 10 before the rubric changed to 12: the cell says so.
    expect(lines[0]).toContain(';Synthèse personnelle (/12);');
    expect(lines[1]).toBe('Léa Martin;non rendu;non rendu;non rendu;8,5 / 10;non passé;;acquis;;');
    expect(lines[2]).toBe('Yanis Petit;non rendu;non rendu;à corriger;non rendu;non passé;;;;');
    await page.goto(`${suite.webUrl}/enseignant/bilan?classe=${classId}&eleve=${leaId}`);
    const report = page.getByTestId('student-report');
    await report.getByText('Bilan de Léa Martin').waitFor();
    await report.getByTestId('report-synthesis').getByText('Note : 8,5 / 10').waitFor();
    await screenshot(page, 'teacher-student-report');

    // The student's page shows the grade, the competence and the comment under the section.
    const student = await suite.open(leaToken);
    await student.page.goto(`${suite.webUrl}/eleve/synthese`);
    const feedback = student.page.getByTestId('feedback');
    await feedback.getByTestId('grade-total').getByText('Note : 8,5 / 10').waitFor();
    await feedback.getByText('B2.2 — Améliorer un modèle').waitFor();
    await feedback.getByTestId('feedback-comment').getByText('Très bonne séance, continuez ainsi.').waitFor();
    await student.page
      .getByTestId('section-reflection')
      .getByTestId('section-comment')
      .getByText('Bilan lucide ; précisez le rôle du pooling.')
      .waitFor();
    await screenshot(student.page, 'student-graded-synthesis');
  });

  it('keeps what the teacher typed through a network failure and a reload, then saves it', async () => {
    const { classId, teacherToken, prisma } = suite.seeded;
    const { page } = await suite.open(teacherToken);
    page.on('dialog', (dialog) => void dialog.accept());
    const gradeRoute = '**/api/classes/*/deliverables/*/grade';
    await page.route(gradeRoute, (route) => route.abort('internetdisconnected'));
    await page.goto(`${suite.webUrl}/enseignant/correction?classe=${classId}`);
    await page.getByTestId('queue-item').filter({ hasText: 'Yanis Petit' }).click();
    await page.getByTestId('grade-comment').fill('Reprenez la légende du schéma.');
    await page.locator('[data-testid="grade-save-state"][data-state="failed"]').waitFor();

    // The tab is reloaded while the network is still down: the comment comes back from this browser.
    await page.reload();
    await page.getByTestId('queue-item').filter({ hasText: 'Yanis Petit' }).click();
    const comment = page.getByTestId('grade-comment');
    await comment.waitFor();
    expect(await comment.inputValue()).toBe('Reprenez la légende du schéma.');

    // The network is back: it is sent by itself, and the server has it.
    await page.unroute(gradeRoute);
    await page.locator('[data-testid="grade-save-state"][data-state="saved"]').waitFor();
    const stored = await prisma.deliverableGrade.findFirstOrThrow({
      where: { deliverable: { activity: 'schema-annote' } },
    });
    expect(stored.comment).toBe('Reprenez la légende du schéma.');
  });
});
