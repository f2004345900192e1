// Phase 2's workshops in Chromium, against the real stack: a classical model trained from the "black box" page
// (its bad parameter refused with the reason, then a good one queued and trained by the worker) and compared
// with the student's network on the same metrics; the comparison table's measured cells from both; the
// generalisation challenge's preview, both models' drop, and both read the class's shared drawings.
import type { TExperimentSpecInput } from '@dlclass/contracts';
import { PERTURBATIONS } from '@dlclass/contracts';
import {
  createClass,
  createExperiment,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import { loadMnist } from '@dlclass/ml/node';
import { API_CALL_HEADERS, browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

/** The classmate's drawings of the real-world test set. */
const DRAWINGS = 6;

/** The student's network: small enough to train in seconds on the test machine. */
const smallNetwork: TExperimentSpecInput = {
  name: 'Petit réseau',
  dataset: 'mnist',
  model: { layers: [{ type: 'dense', units: 32, activation: 'relu' }] },
  training: { epochs: 2, batchSize: 32, optimizer: 'adam', learningRate: 0.005, trainSize: 2_000 },
};

describe('Phase 2 workshops in Chromium', () => {
  const suite = browserSuite('e2e-phase2', async (db) => {
    const teacher = await createTeacher(db.prisma);
    const schoolClass = await createClass(db.prisma, teacher.id, {
      name: 'BTS SIO 1 (phase 2)',
      lockedPhases: [],
    });
    const student = await createStudent(db.prisma, schoolClass.id, { displayName: 'Noé Martin' });
    // a classmate's drawings, shared with consent: real handwritten digits (MNIST test images)
    const classmate = await createStudent(db.prisma, schoolClass.id, { displayName: 'Inès Roy' });
    const canvasRun = await createExperiment(db.prisma, classmate);
    const { test } = loadMnist();
    await db.prisma.drawing.createMany({
      data: Array.from({ length: DRAWINGS }, (_, i) => ({
        userId: classmate.id,
        experimentId: canvasRun.id,
        pixels: test.images.slice(i * 784, (i + 1) * 784),
        intended: test.labels[i] as number,
        predicted: test.labels[i] as number,
        probabilities: Array(10).fill(0.1),
        consent: true,
      })),
    });
    return { token: await issueSessionToken(db.prisma, student.id) };
  });

  it('trains a classical model from the black box page and sets it beside the network', async () => {
    const { webUrl } = suite;
    const { page } = await suite.open(suite.seeded.token);
    const network = await page.request.post(`${webUrl}/api/experiments`, {
      data: smallNetwork,
      headers: API_CALL_HEADERS,
    });
    expect(network.status()).toBe(202);

    await page.goto(`${webUrl}/eleve/boite-noire`);
    await page.getByTestId('classical-form').waitFor();
    // a parameter out of range: refused, with the reason beside the field, and nothing queued
    await page.getByTestId('classical-parameter').fill('500');
    await page.getByTestId('classical-submit').click();
    await page.getByText("Le nombre d'arbres doit être au plus 200").waitFor();
    expect(await page.getByTestId('classical-run').count()).toBe(0);

    await page.getByTestId('classical-parameter').fill('20');
    await page.getByTestId('classical-train-size').fill('2000');
    await page.getByTestId('classical-submit').click();
    const row = page.getByTestId('classical-run');
    await row.getByText('Forêt aléatoire (20 arbres, pixels)').waitFor();
    // followed live: its status reaches "succeeded" without a reload
    await row.locator('[data-status="succeeded"]').waitFor({ timeout: 180_000 });

    const table = page.getByTestId('side-by-side');
    await table.waitFor({ timeout: 180_000 });
    const cells = async (criterion: string) =>
      (await table.locator('tr', { hasText: criterion }).locator('td').allTextContents()).map((s) =>
        s.trim(),
      );
    expect(await cells('Modèle')).toEqual(['Forêt aléatoire', 'Petit réseau']);
    expect(await cells("Images d'entraînement")).toEqual(Array(2).fill((1_800).toLocaleString('fr-FR')));
    for (const accuracy of await cells('Précision sur le test')) expect(accuracy).toMatch(/^\d{2},\d\s%$/);
    for (const side of ['classical-details', 'network-details']) {
      const details = page.getByTestId(side);
      expect(await details.getByTestId('confusion-matrix').locator('tbody tr').count()).toBe(10);
      expect(await details.getByTestId('per-class').locator('thead th').allTextContents()).toContain('F1');
      expect(await details.getByTestId('mistakes').locator('li').count()).toBeGreaterThan(0);
      expect(await details.getByTestId('mistakes').locator('canvas').count()).toBeGreaterThan(0);
    }
    await screenshot(page, 'phase2-black-box');
  });

  it('prefills the comparison table’s measured cells, each column from its own model', async () => {
    const { webUrl } = suite;
    const { page } = await suite.open(suite.seeded.token);
    await page.goto(`${webUrl}/eleve/tableau-comparatif`);
    const cell = (row: string, column: 'ml' | 'dl') =>
      page.getByTestId(`measured-comparison.${row}.${column}`);
    const choose = async (testId: string, name: string) => {
      const option = page.getByTestId(testId).locator('option', { hasText: name }).first();
      await option.waitFor({ state: 'attached' });
      await page.getByTestId(testId).selectOption((await option.getAttribute('value')) ?? '');
    };
    await choose('answer-run', 'Petit réseau');
    await choose('answer-classical-run', 'Forêt aléatoire (20 arbres, pixels)');
    await cell('overall-accuracy', 'ml').locator('text=%').waitFor();
    await cell('overall-accuracy', 'dl').locator('text=%').waitFor();
    for (const column of ['ml', 'dl'] as const) {
      expect(Number(await cell('overall-accuracy', column).getAttribute('data-value'))).toBeGreaterThan(0.8);
      expect(Number(await cell('noisy-accuracy', column).getAttribute('data-value'))).toBeGreaterThan(0.2);
      expect(Number(await cell('training-time', column).getAttribute('data-value'))).toBeGreaterThan(0);
      expect(await cell('frequent-errors', column).getAttribute('data-value')).toMatch(
        /^\d → \d \(\d+ fois\)/,
      );
    }
    await screenshot(page.getByTestId('answer-comparison'), 'phase2-comparison-table');
  });

  it('previews the modified test sets and draws both models’ accuracy on each', async () => {
    const { webUrl } = suite;
    const { page } = await suite.open(suite.seeded.token);
    await page.goto(`${webUrl}/eleve/generalisation`);
    const preview = page.getByTestId('perturbation-preview');
    await preview.waitFor();
    for (const kind of PERTURBATIONS) {
      // the intact digits, then the three strengths, four digits each
      expect(await preview.getByTestId(`preview-${kind}`).locator('canvas').count()).toBe(16);
    }
    const chart = page.getByTestId('robustness-chart');
    await chart.waitFor();
    expect(await chart.locator('figure').count()).toBe(PERTURBATIONS.length);
    // four bars (intact and three strengths) for each of the two models
    expect(await chart.locator('figure').first().locator('rect').count()).toBe(8);
    const noise = page.getByTestId('robustness-table').getByTestId('robustness-noise');
    expect(await noise.count()).toBe(2);
    const percents = (await noise.first().locator('td').allTextContents()).slice(0, 4);
    const values = percents.map((text) => Number(text.replace(/\s|%/g, '').replace(',', '.')));
    expect(values[3]).toBeLessThan(values[0] as number);
    // the class's drawings: the classical model's answers from its run, the network's computed in this browser
    await page
      .getByTestId('real-world-network')
      .and(page.locator('[data-value]'))
      .waitFor({ timeout: 60_000 });
    const captions = await page.getByTestId('real-world-drawings').locator('figcaption').allTextContents();
    expect(captions).toHaveLength(DRAWINGS);
    // "voulu 7 · classique 7 · réseau 9": each score is the share of captions where the model read what was meant
    const answers = captions.map((caption) => (caption.match(/\d/g) ?? []).map(Number));
    for (const [side, column] of [
      ['classical', 1],
      ['network', 2],
    ] as const) {
      const right = answers.filter((digits) => digits[column] === digits[0]).length;
      const score = Number(await page.getByTestId(`real-world-${side}`).getAttribute('data-value'));
      expect(score).toBeCloseTo(right / DRAWINGS);
      expect(right).toBeGreaterThanOrEqual(DRAWINGS / 2); // real digits, read by models far above chance
    }
    await screenshot(page, 'phase2-generalisation');
  });
});
