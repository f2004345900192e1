// The lesson in Chromium, against the real stack: the teacher locks and opens a phase and the student's
// home follows without a reload; the demonstrations' shipped model reads a drawn digit (and a reflection
// answer is autosaved); the guided challenge ties two runs to a mission and compares them side by side.
import { REFERENCE_EXPERIMENT } from '@dlclass/contracts';
import {
  createClass,
  createExperiment,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { blockRealtime, browserSuite, drawOne, readProbabilities, screenshot, waitForModel } from './browser';

jest.setTimeout(600_000);

const phase = (page: Page, number: number) =>
  page.locator(`[data-testid="lesson-phase"][data-phase="${number}"]`);

describe('The lesson in Chromium', () => {
  const suite = browserSuite('e2e-lesson', async (db) => {
    const teacher = await createTeacher(db.prisma);
    // phase 2 open at first, so that the teacher can lock it
    const schoolClass = await createClass(db.prisma, teacher.id, {
      name: 'BTS SIO 1 (leçon)',
      lockedPhases: [3],
    });
    const student = await createStudent(db.prisma, schoolClass.id, { displayName: 'Inès Leroy' });
    const runIds: string[] = [];
    for (const [name, epochs, accuracies] of [
      ['Référence, 5 époques', 5, [0.9, 0.95, 0.97, 0.975, 0.98]],
      ['Mission époques : 2', 2, [0.88, 0.94]],
    ] as const) {
      const run = await createExperiment(db.prisma, student, {
        name,
        spec: { ...REFERENCE_EXPERIMENT, name, training: { ...REFERENCE_EXPERIMENT.training, epochs } },
        testAccuracy: accuracies[accuracies.length - 1],
        epochs: accuracies.map((accuracy) => ({ accuracy, valAccuracy: accuracy - 0.01 })),
      });
      runIds.push(run.id);
    }
    return {
      teacherToken: await issueSessionToken(db.prisma, teacher.id),
      studentToken: await issueSessionToken(db.prisma, student.id),
      runIds,
    };
  });

  async function signedIn(
    who: 'teacherToken' | 'studentToken',
    setup?: (context: BrowserContext) => Promise<void>,
  ): Promise<Page> {
    return (await suite.open(suite.seeded[who], setup)).page;
  }

  it('shows the teacher’s phase locks on the student’s home live, without a reload', async () => {
    const { webUrl } = suite;
    const student = await signedIn('studentToken');
    await student.goto(`${webUrl}/eleve`);
    await phase(student, 2).and(student.locator('[data-locked="false"]')).waitFor();
    expect(await phase(student, 3).getAttribute('data-locked')).toBe('true');
    expect(await student.getByTestId('open-tableau-comparatif').count()).toBe(1);
    // the student has succeeded runs: the Hello World is done
    expect(
      await student
        .locator('[data-testid="activity"][data-slug="hello-world"]')
        .getAttribute('data-progress'),
    ).toBe('done');

    // the same student behind a proxy that blocks the realtime socket: the page re-reads the state instead
    let blocked = 0;
    const offline = await signedIn('studentToken', (context) =>
      blockRealtime(context, () => {
        blocked++;
      }),
    );
    await offline.goto(`${webUrl}/eleve`);
    await phase(offline, 2).and(offline.locator('[data-locked="false"]')).waitFor();

    const teacher = await signedIn('teacherToken');
    await teacher.goto(`${webUrl}/enseignant`);
    const toggle = teacher.locator('[data-testid="phase-lock-toggle"][data-phase="2"]');
    await toggle.waitFor();
    await screenshot(teacher, 'teacher-phase-locks');

    await toggle.click();
    await teacher.locator('[data-testid="phase-lock-state"][data-phase="2"][data-locked="true"]').waitFor();
    await phase(student, 2).and(student.locator('[data-locked="true"]')).waitFor();
    await phase(student, 2).getByTestId('phase-locked-reason').waitFor();
    expect(await student.getByTestId('open-tableau-comparatif').count()).toBe(0);
    await screenshot(student, 'student-home-locked');
    await phase(offline, 2).and(offline.locator('[data-locked="true"]')).waitFor({ timeout: 30_000 });
    expect(blocked).toBeGreaterThan(0);

    await toggle.click();
    await phase(student, 2).and(student.locator('[data-locked="false"]')).waitFor();
    await student.getByTestId('open-tableau-comparatif').waitFor();
    await teacher.locator('[data-testid="phase-lock-state"][data-phase="2"][data-locked="false"]').waitFor();
    await screenshot(student, 'student-home');
  });

  it('shows the teacher’s broadcast on the student’s home live, and loads its model in the Hello World', async () => {
    const { webUrl } = suite;
    const student = await signedIn('studentToken');
    await student.goto(`${webUrl}/eleve`);
    await student.getByTestId('lesson-overall').waitFor();
    expect(await student.getByTestId('broadcast').count()).toBe(0);

    const teacher = await signedIn('teacherToken');
    await teacher.goto(`${webUrl}/enseignant`);
    await teacher.getByTestId('broadcast-message-input').fill('Chargez ce modèle et lancez-le.');
    // one of the class's runs: the reference model with 2 epochs
    await teacher
      .getByTestId('broadcast-model')
      .selectOption({ label: 'Entraînement « Mission époques : 2 » de Inès Leroy' });
    await teacher.getByTestId('broadcast-send').click();
    await teacher.getByTestId('broadcast-sent').waitFor();

    // the student's open page shows it without a reload
    await student.getByTestId('broadcast-message').getByText('Chargez ce modèle et lancez-le.').waitFor();
    await screenshot(student.getByTestId('broadcast'), 'lesson-broadcast');
    await student.getByTestId('broadcast-load').click();
    await student.getByTestId('broadcast-loaded').waitFor();
    expect(await student.getByTestId('run-name').inputValue()).toBe('Mission époques : 2');
    expect(await student.getByTestId('train-epochs').inputValue()).toBe('2');
    expect(student.url()).not.toContain('modele=');
  });

  it('brings a raised hand to the teacher’s dashboard live, and the answer back to the student', async () => {
    const { webUrl } = suite;
    const teacher = await signedIn('teacherToken');
    await teacher.goto(`${webUrl}/enseignant`);
    await teacher.getByTestId('hands').getByText('Aucune main levée.').waitFor();
    await teacher.getByTestId('live-status').getByText('Mise à jour en direct').waitFor();

    const student = await signedIn('studentToken');
    await student.goto(`${webUrl}/eleve/anatomie`);
    await student.getByTestId('raise-hand-button').click();
    await student.locator('[data-testid="raise-hand"][data-state="raised"]').waitFor();

    const hand = teacher.getByTestId('hand').filter({ hasText: 'Inès Leroy' });
    await hand.waitFor();
    await screenshot(teacher.getByTestId('hands'), 'teacher-raised-hand');
    await hand.getByTestId('hand-answer').click();
    await teacher.getByTestId('hands').getByText('Aucune main levée.').waitFor();
    await student.locator('[data-testid="raise-hand"][data-state="answered"]').waitFor({ timeout: 15_000 });
    expect(await student.getByTestId('raise-hand').textContent()).toContain('Votre professeur arrive.');
  });

  it('reads a digit drawn on the demonstrations page with the shipped model, and autosaves a reflection', async () => {
    const { webUrl } = suite;
    const page = await signedIn('studentToken');
    await page.goto(`${webUrl}/eleve/demonstrations`);
    await waitForModel(page);
    await drawOne(page);
    const probabilities = await readProbabilities(page);
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 2);
    expect(Number(await page.getByTestId('drawing-prediction').getAttribute('data-digit'))).toBe(1);

    const answer = page.getByTestId('answer-digit-recognition-how');
    await answer.fill('Il a vu des milliers d’exemples étiquetés et a ajusté ses poids.');
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]');
    await screenshot(page, 'demonstrations');
    await page.reload();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="answer-digit-recognition-how"]') as HTMLTextAreaElement | null)
          ?.value === 'Il a vu des milliers d’exemples étiquetés et a ajusté ses poids.',
    );
  });

  it('ties two runs to a mission and compares them side by side', async () => {
    const { webUrl } = suite;
    const page = await signedIn('studentToken');
    await page.goto(`${webUrl}/eleve/defi-experimentation`);
    const mission = page.locator('[data-testid="mission"][data-mission="epochs"]');
    // the instructions link the glossary's terms to their definition
    const term = mission.locator('a[data-term="epoch"]').first();
    expect(await term.getAttribute('href')).toBe('/eleve/glossaire#epoch');
    for (const id of suite.seeded.runIds) await mission.getByTestId(`answer-epochs-runs-${id}`).check();
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]');
    await screenshot(page.locator('section[aria-labelledby="base-title"]'), 'guided-challenge-base');
    await screenshot(mission, 'guided-challenge-mission');
    expect(await mission.getByTestId('mission-open-editor').getAttribute('href')).toMatch(
      /^\/eleve\/hello-world\?run=[0-9a-f-]{36}#modele$/,
    );

    await mission.getByTestId('mission-compare').click();
    await page.waitForURL('**/eleve/comparer?runs=**');
    await page.getByTestId('compare-table').waitFor();
    expect(await page.getByTestId('compare-run').count()).toBe(2);
    const epochsRow = page.locator('[data-testid="compare-parameter"][data-parameter="training.epochs"]');
    expect(await epochsRow.getAttribute('data-differs')).toBe('true');
    expect(
      await page
        .locator('[data-testid="compare-parameter"][data-parameter="training.batchSize"]')
        .getAttribute('data-differs'),
    ).toBe('false');
    // train and validation curves of both runs: 5 + 5 + 2 + 2 epoch points
    expect(Number(await page.getByTestId('compare-accuracy-chart').getAttribute('data-points'))).toBe(14);
    await screenshot(page, 'compare');

    // unticking a run updates the comparison and the address
    await page.locator(`[data-testid="compare-pick"][data-run-id="${suite.seeded.runIds[1]}"]`).uncheck();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-run"]').length === 1);
    expect(page.url()).toContain(`runs=${suite.seeded.runIds[0]}`);

    await page.goto(`${webUrl}/eleve/glossaire#epoch`);
    await page.locator('dt#epoch').waitFor();
    await screenshot(page, 'glossary');
  });
});
