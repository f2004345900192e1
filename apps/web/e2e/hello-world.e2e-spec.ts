// The student's Hello World in a real browser, against the real stack (api, worker, web, PostgreSQL, Redis):
// join the class -> train a small CNN -> the curves move live -> the test accuracy shows -> draw a digit
// -> the model, run in the browser with the student's own weights, gives ten probabilities.
// The teacher's dashboard, open meanwhile, follows the run without a reload.
import { createClass, createTeacher } from '@dlclass/db/testing';
import type { Page } from 'playwright-core';
import { blockRealtime, browserSuite, drawOne, readProbabilities, screenshot, waitForModel } from './browser';

const CLASS_CODE = 'E2EWEB1';

jest.setTimeout(600_000);

describe('Hello World du Deep Learning in Chromium', () => {
  const suite = browserSuite('e2e-web', async (db) => {
    const teacher = await createTeacher(db.prisma, { email: 'prof-e2e@demo.local' });
    await createClass(db.prisma, teacher.id, { code: CLASS_CODE, name: 'BTS SIO 1 (e2e)' });
    return { teacher: { email: 'prof-e2e@demo.local', password: teacher.password } };
  });

  const plottedPoints = (page: Page, chart: string) =>
    page.getByTestId(chart).getAttribute('data-points').then(Number);

  it('joins, trains a small CNN with live curves, evaluates it and reads a drawn digit', async () => {
    const { webUrl } = suite;
    const { teacher } = suite.seeded;

    const { page: teacherPage } = await suite.open();
    await teacherPage.goto(`${webUrl}/connexion`);
    await teacherPage.getByTestId('login-email').fill(teacher.email);
    await teacherPage.getByTestId('login-password').fill(teacher.password);
    await teacherPage.getByTestId('login-submit').click();
    await teacherPage.waitForURL('**/enseignant');
    await teacherPage.getByTestId('live-status').waitFor();

    const { page } = await suite.open();
    await page.goto(`${webUrl}/`);
    await page.getByTestId('join-class-code').fill(CLASS_CODE.toLowerCase());
    await page.getByTestId('join-display-name').fill('Léa Martin');
    await page.getByTestId('join-pin').fill('4821');
    await page.getByTestId('join-submit').click();
    await page.waitForURL('**/eleve');
    await page.getByTestId('open-hello-world').click();
    await page.waitForURL('**/eleve/hello-world**');

    // The page explains the data and the reference model before anything is trained.
    await page.getByTestId('dataset-examples').waitFor();
    expect(await page.getByTestId('param-total').getAttribute('data-value')).toBe('121930');
    await screenshot(page, 'hello-world-before-training');

    // Fashion-MNIST is offered too: its examples when the server has it, otherwise how to install it.
    const choice = page.getByTestId('dataset-choice');
    await choice.selectOption('fashion-mnist');
    await page
      .locator('figcaption', { hasText: 'Bottine' })
      .first()
      .or(page.getByText('sudo apt-get install dataset-fashion-mnist'))
      .waitFor();
    await choice.selectOption('mnist');
    await page.locator('figcaption', { hasText: 'Étiquette : 5' }).first().waitFor();

    // Keep the reference CNN, train it briefly on 5,000 images: long enough (several seconds an epoch on
    // 2 cores) for the curve to be seen growing between two readings, and for a reload between two epochs.
    await page.getByTestId('run-name').fill('CNN de référence, petit essai');
    await page.getByTestId('train-epochs').fill('3');
    await page.getByTestId('train-size').fill('5000');
    await page.getByTestId('train-batch-size').fill('32');
    // with a little data augmentation ("improve the model" missions): trained end to end by the worker
    await page.getByTestId('train-augmentation-shift').fill('1');
    await page.getByTestId('train-augmentation-rotation').fill('5');
    await page.getByTestId('train-button').click();
    await page.getByTestId('run-status').waitFor();

    // The loss curve grows while the run trains: two readings, the later one with more points.
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="loss-chart"]')?.getAttribute('data-points')) > 2,
      null,
      { timeout: 300_000 },
    );
    const early = await plottedPoints(page, 'loss-chart');
    await page.waitForFunction(
      (before) =>
        Number(document.querySelector('[data-testid="loss-chart"]')?.getAttribute('data-points')) > before,
      early,
      { timeout: 120_000 },
    );
    expect(await plottedPoints(page, 'accuracy-chart')).toBeGreaterThan(0);
    await screenshot(page.getByTestId('loss-chart'), 'hello-world-live-loss');

    // Reloaded mid-run, once the first of three epochs is stored: the page shows the stored epoch at once,
    // then the live stream goes on where it was.
    const storedEpochs = () => document.querySelectorAll('[data-testid="epochs-table"] tbody tr').length;
    await page.waitForFunction(storedEpochs, null, { timeout: 300_000 });
    expect(new URL(page.url()).searchParams.get('run')).toBeTruthy();
    await page.reload();
    await page.waitForFunction(storedEpochs);
    expect(await page.getByTestId('run-status').getAttribute('data-status')).toBe('running');
    const afterReload = await plottedPoints(page, 'loss-chart');
    expect(afterReload).toBeGreaterThan(0);
    await page.waitForFunction(
      (before) =>
        Number(document.querySelector('[data-testid="loss-chart"]')?.getAttribute('data-points')) > before,
      afterReload,
      { timeout: 120_000 },
    );

    // The run ends with a test accuracy far above chance (10 %).
    const accuracy = page.getByTestId('test-accuracy');
    await accuracy.waitFor({ timeout: 300_000 });
    expect(Number(await accuracy.getAttribute('data-value'))).toBeGreaterThan(0.5);
    expect(await page.getByTestId('run-status').getAttribute('data-status')).toBe('succeeded');
    expect(await page.getByTestId('sample-prediction').count()).toBe(10);
    await page.getByTestId('confusion-matrix').waitFor();
    await screenshot(page, 'hello-world-evaluated');

    // The teacher's table followed the run live, without a reload.
    await teacherPage.waitForSelector('[data-testid="run-row"][data-status="succeeded"]', {
      timeout: 60_000,
    });

    // Draw a "1" once the student's model is loaded in the page.
    await waitForModel(page);
    await drawOne(page);
    const probabilities = await readProbabilities(page);
    expect(probabilities).toHaveLength(10);
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 2);
    const predicted = Number(await page.getByTestId('drawing-prediction').getAttribute('data-digit'));
    expect(predicted).toBe(probabilities.indexOf(Math.max(...probabilities)));
    await screenshot(page.getByTestId('drawing-prediction'), 'hello-world-drawing');

    // kept with the run, with the digit meant, in the class's real-world set on consent
    await page.getByTestId('drawing-intended').selectOption('1');
    await page.getByTestId('drawing-consent').check();
    await page.getByTestId('drawing-save').click();
    await page.locator('[data-testid="drawing-saved"][data-count="1"]').waitFor();
    const [run] = (await (await page.request.get(`${suite.webUrl}/api/experiments`)).json()) as {
      id: string;
    }[];
    const drawings = await (
      await page.request.get(`${suite.webUrl}/api/experiments/${run?.id}/drawings`)
    ).json();
    expect(drawings).toEqual([
      expect.objectContaining({ intended: 1, predicted, consent: true, experimentId: run?.id }),
    ]);
    await screenshot(page.getByTestId('save-drawing'), 'hello-world-save-drawing');
    await screenshot(teacherPage, 'hello-world-teacher');
  });

  it('still follows a run to its end when a proxy blocks the realtime socket', async () => {
    let blocked = 0;
    const { context, page } = await suite.open(undefined, (c) =>
      blockRealtime(c, () => {
        blocked++;
      }),
    );

    await page.goto(`${suite.webUrl}/`);
    await page.getByTestId('join-class-code').fill(CLASS_CODE);
    await page.getByTestId('join-display-name').fill('Hugo Petit');
    await page.getByTestId('join-pin').fill('7305');
    await page.getByTestId('join-submit').click();
    await page.waitForURL('**/eleve');
    await page.goto(`${suite.webUrl}/eleve/hello-world`);
    await page.getByTestId('dataset-examples').waitFor();

    await page.getByTestId('train-epochs').fill('1');
    await page.getByTestId('train-size').fill('500');
    await page.getByTestId('train-button').click();
    await page.getByTestId('run-status').waitFor();

    // No socket event can arrive: the page reads the run again every few seconds until it ends.
    await page.waitForSelector('[data-testid="run-status"][data-status="succeeded"]', { timeout: 120_000 });
    await page.getByTestId('test-accuracy').waitFor();
    expect(await page.getByTestId('epochs-table').locator('tbody tr').count()).toBe(1);
    expect(blocked).toBeGreaterThan(0);
    await context.close();
  });
});
