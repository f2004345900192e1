// Launch-time estimates in a real browser (issue 15, item 4): the teacher sets the class's run size for the
// Hello World and the guided challenge and sees the class time; the student's editor starts from that size,
// shows before the click how long the run would take and when it would start, and after the run the estimate
// beside the real times.
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import type { Page } from 'playwright-core';
import { browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

/** "≈ 19 s, début immédiat", "≈ 2 min 10, début dans ~40 s", or no worker up. */
const LAUNCH_TEXT = /^≈ \d+ (s|min( \d\d)?|h \d\d), (début immédiat|début dans ~.+)$/;

describe('launch-time estimates in Chromium', () => {
  const suite = browserSuite('e2e-estimates', async (db) => {
    const teacher = await createTeacher(db.prisma);
    const klass = await createClass(db.prisma, teacher.id, { name: 'BTS SIO 1 (estimations)' });
    const student = await createStudent(db.prisma, klass.id, { displayName: 'Inès' });
    return {
      teacherToken: await issueSessionToken(db.prisma, teacher.id),
      studentToken: await issueSessionToken(db.prisma, student.id),
    };
  });

  const setSize = async (page: Page, activity: string, epochs: string, images: string) => {
    await page.getByTestId(`run-defaults-${activity}-epochs`).fill(epochs);
    await page.getByTestId(`run-defaults-${activity}-trainSize`).fill(images);
  };

  it('the teacher sets the class run size and sees the class time; the student starts from it', async () => {
    const { webUrl, seeded } = suite;
    const { page: teacher } = await suite.open(seeded.teacherToken);
    await teacher.goto(`${webUrl}/enseignant`);
    const form = teacher.getByTestId('class-run-defaults');
    await form.waitFor();
    // the platform's sizes until the teacher sets the class's
    expect(await teacher.getByTestId('run-defaults-hello-epochs').inputValue()).toBe('5');
    expect(await teacher.getByTestId('run-defaults-challenge-trainSize').inputValue()).toBe('20000');
    await setSize(teacher, 'hello', '1', '600');
    await setSize(teacher, 'challenge', '2', '1000');
    // the class time follows the sizes typed, from the live worker's figures
    await teacher
      .getByTestId('class-time-hello')
      .getByText(/^Un entraînement \(modèle de référence\) : ≈ /)
      .waitFor();
    await teacher
      .getByTestId('class-time-challenge')
      .getByText(/^Si chaque élève entraîne le sien \(effectif : 1 ; entraînements simultanés : \d+\) : ≈ /)
      .waitFor();
    await teacher.getByTestId('run-defaults-save').click();
    await teacher.getByTestId('run-defaults-saved').waitFor();
    await screenshot(form, 'estimates-class-run-size');

    const { page } = await suite.open(seeded.studentToken);
    await page.goto(`${webUrl}/eleve/hello-world`);
    await page.getByTestId('launch-estimate-text').waitFor();
    expect(await page.getByTestId('train-epochs').inputValue()).toBe('1');
    expect(await page.getByTestId('train-size').inputValue()).toBe('600');
    const before = await page.getByTestId('launch-estimate-text').textContent();
    expect(before).toMatch(LAUNCH_TEXT);

    // the estimate follows the spec as it changes: ten times the epochs take longer
    await page.getByTestId('train-epochs').fill('10');
    await page.waitForFunction(
      (previous) => {
        const text = document.querySelector('[data-testid="launch-estimate-text"]')?.textContent;
        return Boolean(text) && text !== previous;
      },
      before,
      { timeout: 10_000 },
    );
    expect(await page.getByTestId('launch-estimate-text').textContent()).toMatch(LAUNCH_TEXT);
    await page.getByTestId('train-epochs').fill('1');

    // the guided challenge: its epochs' mission starts from the class's size, and its editor too
    const { page: challenge } = await suite.open(seeded.studentToken);
    await challenge.goto(`${webUrl}/eleve/defi-experimentation`);
    const mission = challenge.locator('[data-testid="mission"][data-mission="epochs"]');
    await mission.locator('li.reference', { hasText: /^2 \(/ }).waitFor();
    await screenshot(mission, 'estimates-challenge-mission');
    const editor = mission.getByTestId('mission-open-editor');
    expect(await editor.getAttribute('href')).toBe('/eleve/hello-world?depuis=defi#modele');
    await editor.click();
    await challenge.waitForURL('**/eleve/hello-world?depuis=defi**');
    await challenge.getByTestId('launch-estimate-text').waitFor();
    expect(await challenge.getByTestId('train-epochs').inputValue()).toBe('2');
    expect(await challenge.getByTestId('train-size').inputValue()).toBe('1000');
    await challenge.close();

    await page.getByTestId('launch-estimate-text').waitFor();
    await screenshot(page.getByTestId('train-button').locator('xpath=..'), 'estimates-before-click');

    // after the run: the estimate it got beside the real wait and duration
    await page.getByTestId('train-button').click();
    await page.getByTestId('estimate-vs-real').waitFor();
    await page
      .getByTestId('estimate-duration')
      .getByText(/^Durée — estimée : \d+ s · réelle : \d+ s$/)
      .waitFor({ timeout: 300_000 });
    expect(await page.getByTestId('run-status').getAttribute('data-status')).toBe('succeeded');
    expect(await page.getByTestId('estimate-wait').textContent()).toMatch(
      /^Attente avant le début — estimée : \d+ s · réelle : \d+ s$/,
    );
    await screenshot(page.getByTestId('estimate-vs-real').locator('xpath=..'), 'estimates-after-run');

    // the same run again (the class's seed): the class already computed it, its results come at once
    await page.goto(`${webUrl}/eleve/hello-world`);
    await page
      .getByTestId('launch-estimate-text')
      .getByText('Immédiat : même entraînement déjà calculé par la classe')
      .waitFor();
    expect(await page.getByTestId('launch-estimate-basis').count()).toBe(0);
    await screenshot(page.getByTestId('train-button').locator('xpath=..'), 'estimates-already-computed');
  });
});
