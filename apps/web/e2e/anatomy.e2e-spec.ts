// The anatomy workshop in Chromium, against the real stack: the single neuron's sum and output follow the
// sliders and the AND challenge is recognised; the XOR challenge is solved by setting the 2-3-1 network's
// weights by hand and checked on its four cases; the playground learns, and its address reopens the same setup.
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

/** Sets a range input to a value (keyboard-free: the way a drag ends). */
async function slide(slider: Locator, value: number): Promise<void> {
  await slider.fill(String(value));
}

async function typeNumber(page: Page, testId: string, value: number): Promise<void> {
  await page.getByTestId(testId).fill(String(value));
}

describe('The anatomy of a network in Chromium', () => {
  const suite = browserSuite('e2e-anatomy', async (db) => {
    const teacher = await createTeacher(db.prisma);
    const schoolClass = await createClass(db.prisma, teacher.id, {
      name: 'BTS SIO 1 (anatomie)',
      lockedPhases: [],
    });
    const student = await createStudent(db.prisma, schoolClass.id, { displayName: 'Lina Garnier' });
    return { token: await issueSessionToken(db.prisma, student.id) };
  });

  it('computes one neuron live, then recognises the AND it was set to', async () => {
    const { page } = await suite.open(suite.seeded.token);
    await page.goto(`${suite.webUrl}/eleve`);
    await page.getByTestId('open-anatomie').click();
    await page.waitForURL('**/eleve/anatomie');
    const lab = page.getByTestId('neuron-lab');
    await slide(lab.getByTestId('neuron-x1'), 1);
    await slide(lab.getByTestId('neuron-x2'), 0.5);
    await slide(lab.getByTestId('neuron-w1'), 2);
    await slide(lab.getByTestId('neuron-w2'), -1);
    await slide(lab.getByTestId('neuron-b'), 0.5);
    // z = 2·1 − 1·0.5 + 0.5 = 2, sigmoid(2) ≈ 0.881
    await lab.getByTestId('neuron-sum').and(page.locator('[data-value="2"]')).waitFor();
    expect(Number(await lab.getByTestId('neuron-output').getAttribute('data-value'))).toBeCloseTo(
      1 / (1 + Math.exp(-2)),
      6,
    );
    expect(await lab.getByTestId('challenge-and').getAttribute('data-done')).toBe('false');

    await lab.getByTestId('neuron-activation').selectOption('step');
    await slide(lab.getByTestId('neuron-w1'), 1);
    await slide(lab.getByTestId('neuron-w2'), 1);
    await slide(lab.getByTestId('neuron-b'), -1.5);
    await lab.getByTestId('challenge-and').and(page.locator('[data-done="true"]')).waitFor();
    await lab.getByTestId('neuron-boundary').waitFor();
    await screenshot(lab, 'anatomy-neuron-and');
  });

  it('checks the XOR challenge on its four cases, refused at zero, solved with OR and not-AND', async () => {
    const { page } = await suite.open(suite.seeded.token);
    await page.goto(`${suite.webUrl}/eleve/anatomie`);
    const challenge = page.getByTestId('xor-challenge');
    await challenge.getByTestId('xor-check').click();
    await challenge.getByTestId('xor-result').and(page.locator('[data-solved="false"]')).waitFor();
    expect(await challenge.getByTestId('xor-case').count()).toBe(4);

    // hidden 1: OR (x1 + x2 − 0.5), hidden 2: AND (x1 + x2 − 1.5), hidden 3 unused; output: OR and not AND
    for (const [testId, value] of [
      ['xor-h0-w1', 1],
      ['xor-h0-w2', 1],
      ['xor-h0-b', -0.5],
      ['xor-h1-w1', 1],
      ['xor-h1-w2', 1],
      ['xor-h1-b', -1.5],
      ['xor-out-w1', 10],
      ['xor-out-w2', -20],
      ['xor-out-b', -5],
    ] as const)
      await typeNumber(page, testId, value);
    await challenge.getByTestId('xor-check').click();
    await challenge.getByTestId('xor-result').and(page.locator('[data-solved="true"]')).waitFor();
    expect(await challenge.locator('[data-testid="xor-case"][data-correct="true"]').count()).toBe(4);
    await challenge.getByText('Défi réussi : votre réseau calcule XOR sur les quatre cas.').waitFor();
    await screenshot(challenge, 'anatomy-xor-solved');
  });

  it('learns circles live, and its address reopens the same configuration', async () => {
    const { page } = await suite.open(suite.seeded.token);
    await page.goto(`${suite.webUrl}/eleve/anatomie`);
    const playground = page.getByTestId('playground');
    await playground.getByTestId('playground-dataset').selectOption('circles');
    await playground.getByTestId('playground-hidden').selectOption('6');
    await playground.getByTestId('playground-rate').selectOption('1');
    const loss = playground.getByTestId('playground-loss');
    const before = Number(await loss.getAttribute('data-value'));
    await playground.getByTestId('playground-run').click();
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="playground-loss"]')?.getAttribute('data-steps')) >= 600,
      null,
      { timeout: 60_000 },
    );
    await playground.getByTestId('playground-run').click();
    expect(Number(await loss.getAttribute('data-value'))).toBeLessThan(before / 2);
    expect(
      Number(await playground.getByTestId('playground-accuracy').getAttribute('data-value')),
    ).toBeGreaterThan(0.9);
    await screenshot(playground, 'anatomy-playground');

    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).toMatchObject({
      dataset: 'circles',
      hidden: '6',
      rate: '1',
    });
    const { page: other } = await suite.open(suite.seeded.token);
    await other.goto(address.toString());
    const reopened = other.getByTestId('playground');
    await reopened.getByTestId('playground-dataset').and(other.locator('select')).waitFor();
    await other.waitForFunction(
      () =>
        (document.querySelector('[data-testid="playground-dataset"]') as HTMLSelectElement | null)?.value ===
        'circles',
    );
    expect(await reopened.getByTestId('playground-hidden').inputValue()).toBe('6');
    expect(await reopened.getByTestId('playground-rate').inputValue()).toBe('1');
  });
});
