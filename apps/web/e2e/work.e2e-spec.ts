// The student's work in Chromium, against the real stack: the observation sheet autosaves, survives the
// network going down (and a reload while the server is unreachable), refuses a stale write from a second tab
// with an offer to reload, and becomes read-only once handed in; the annotated schema is completed with the
// keyboard only (after a label was dragged there and back with the mouse) and checked; a QCM attempt is
// answered, with one answer given offline, handed in and scored.
import { QUIZ_BANK, SCHEMA_DIAGRAM } from '@dlclass/content';
import { DEFAULT_QUIZ_SETTINGS, type TDeliverable, type TQuizOverview } from '@dlclass/contracts';
import {
  createClass,
  createExperiment,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, type OpenedPage, screenshot } from './browser';

jest.setTimeout(600_000);

describe('The student’s work in Chromium', () => {
  const suite = browserSuite('e2e-work', async (db) => {
    const teacher = await createTeacher(db.prisma);
    const schoolClass = await createClass(db.prisma, teacher.id, {
      name: 'BTS SIO 1 (livrables)',
      lockedPhases: [],
    });
    const student = await createStudent(db.prisma, schoolClass.id, { displayName: 'Nora Benali' });
    const run = await createExperiment(db.prisma, student, {
      name: 'Hello World',
      testAccuracy: 0.985,
      correctSamples: 9,
    });
    return { token: await issueSessionToken(db.prisma, student.id), runId: run.id };
  });

  const signedIn = (): Promise<OpenedPage> => suite.open(suite.seeded.token);

  /** What the server holds, read through the API as the student. */
  async function fromApi<T>(path: string): Promise<T> {
    const response = await fetch(`${suite.webUrl}/api${path}`, {
      headers: { authorization: `Bearer ${suite.seeded.token}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  const saved = (page: Page) => page.waitForSelector('[data-testid="save-state"][data-state="saved"]');

  it('autosaves the observation sheet through a network cut, a reload and a stale second tab, then hands it in', async () => {
    const { webUrl } = suite;
    const { context, page } = await signedIn();
    await page.goto(`${webUrl}/eleve/fiche-observation`);
    await page.getByTestId('worksheet').waitFor();

    // The run chosen, its measured facts appear, read-only (not inputs) and marked as measured.
    await page.getByTestId('answer-run').selectOption(suite.seeded.runId);
    await page.waitForSelector('[data-testid="measured-test-accuracy"][data-value="0.985"]');
    expect(await page.getByTestId('measured-test-accuracy').locator('input, textarea, select').count()).toBe(
      0,
    );
    await page.getByTestId('measured-test-accuracy').getByText('mesuré').waitFor();
    await screenshot(page.getByTestId('section-data'), 'work-observation-measured');

    const normalise = page.getByTestId('answer-why-normalise');
    await normalise.fill('Pour que les nombres restent petits et que l’apprentissage soit stable.');
    await saved(page);
    await page
      .getByTestId('save-state')
      .getByText(/Enregistré à \d{1,2}:\d{2}/)
      .waitFor();

    // The network drops: the page says so and keeps what is typed meanwhile.
    await context.setOffline(true);
    const convolution = page.getByTestId('answer-convolution-role');
    await convolution.fill('Elle repère des motifs locaux (bords, traits) avec des filtres.');
    await page.waitForSelector('[data-testid="save-state"][data-state="offline"]');
    await page
      .getByText('Hors connexion : vos réponses sont gardées et seront envoyées au retour du réseau.')
      .waitFor();
    await screenshot(page.getByTestId('save-state'), 'work-observation-offline-line');
    await screenshot(page, 'work-observation-offline');
    await context.setOffline(false);
    await saved(page);
    let record = await fromApi<TDeliverable>('/deliverables/observation-sheet');
    expect(record.answers['convolution-role']).toBe(
      'Elle repère des motifs locaux (bords, traits) avec des filtres.',
    );
    expect(record.answers.run).toEqual([suite.seeded.runId]);

    // The server unreachable for saves, then the page reloaded: the unsent answer comes back from the browser
    // and goes to the server.
    await page.route('**/api/deliverables/observation-sheet', (route) =>
      route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page
      .getByTestId('answer-pooling-role')
      .fill('Il réduit la taille des cartes en gardant l’essentiel.');
    await page.waitForSelector('[data-testid="save-state"][data-state="offline"]');
    await page.unrouteAll();
    await page.reload();
    await page.getByTestId('worksheet').waitFor();
    expect(await page.getByTestId('answer-pooling-role').inputValue()).toBe(
      'Il réduit la taille des cartes en gardant l’essentiel.',
    );
    await saved(page);
    record = await fromApi<TDeliverable>('/deliverables/observation-sheet');
    expect(record.answers['pooling-role']).toBe('Il réduit la taille des cartes en gardant l’essentiel.');
    expect(await normalise.inputValue()).toBe(
      'Pour que les nombres restent petits et que l’apprentissage soit stable.',
    );

    // A second tab saves first: this tab's next save is refused, nothing is overwritten, reload is offered.
    const second = await context.newPage();
    await second.goto(`${webUrl}/eleve/fiche-observation`);
    await second
      .getByTestId('answer-why-softmax')
      .fill('Elle transforme les sorties en probabilités (deuxième onglet).');
    await saved(second);
    await page.getByTestId('answer-enough-epochs').fill('Oui, la validation ne progresse plus.');
    await page.getByTestId('stale-banner').waitFor();
    expect(await page.getByTestId('answer-enough-epochs').inputValue()).toBe(
      'Oui, la validation ne progresse plus.',
    );
    record = await fromApi<TDeliverable>('/deliverables/observation-sheet');
    expect(record.answers['enough-epochs']).toBeUndefined();
    await screenshot(page.getByTestId('stale-banner'), 'work-observation-stale');
    await page.getByTestId('stale-reload').click();
    await page.getByTestId('discarded-answers').getByText('Oui, la validation ne progresse plus.').waitFor();
    expect(await page.getByTestId('answer-why-softmax').inputValue()).toBe(
      'Elle transforme les sorties en probabilités (deuxième onglet).',
    );
    expect(await page.getByTestId('stale-banner').count()).toBe(0);
    await screenshot(page.getByTestId('discarded-answers'), 'work-observation-discarded');
    await second.close();

    await screenshot(page.getByTestId('section-experiments'), 'work-observation-experiments');

    // Handed in: read-only, and handing in again changes nothing.
    await page.getByTestId('submit-work').click();
    await page.getByTestId('submitted-notice').waitFor();
    expect(await page.getByTestId('worksheet').getAttribute('data-status')).toBe('submitted');
    expect(await normalise.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('submit-work').count()).toBe(0);
    record = await fromApi<TDeliverable>('/deliverables/observation-sheet');
    expect(record.status).toBe('submitted');
    await screenshot(page, 'work-observation-submitted');
    await page.reload();
    await page.getByTestId('submitted-notice').waitFor();
  });

  it('completes the annotated schema with the keyboard only and checks it', async () => {
    const { page } = await signedIn();
    await page.goto(`${suite.webUrl}/eleve/schema-annote`);
    const board = page.getByTestId('answer-network');
    await board.waitFor();
    // The answer key stays on the server: the page does not carry it.
    expect(await page.content()).not.toMatch(/\\?"slot\\?":\\?"[a-z]/);

    // A label dragged with the mouse onto the drawing, then dragged back to the labels.
    const drag = async (from: Locator, to: Locator) => {
      // the label in the middle of the window, the slot above it within reach
      await from.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      const a = await from.boundingBox();
      const b = await to.boundingBox();
      if (!a || !b) throw new Error('not visible');
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      for (let step = 1; step <= 8; step++) {
        await page.mouse.move(
          a.x + a.width / 2 + ((b.x + b.width / 2 - a.x - a.width / 2) * step) / 8,
          a.y + a.height / 2 + ((b.y + b.height / 2 - a.y - a.height / 2) * step) / 8,
        );
      }
      await page.mouse.up();
    };
    await drag(page.getByTestId('label-label-a'), page.getByTestId('slot-mark-loss'));
    await page.waitForSelector('[data-testid="slot-loss"][data-label="label-a"]');
    await drag(page.getByTestId('slot-loss'), page.getByTestId('label-label-b'));
    await page.waitForSelector('[data-testid="slot-loss"][data-label=""]');

    // Keyboard only from here: Enter picks the focused label and moves to the first free slot, the arrows
    // go to the right slot, Enter places it and focus returns to the labels; Escape cancels a pick.
    const slotIds = [...SCHEMA_DIAGRAM.slots].sort((a, b) => a.number - b.number).map((slot) => slot.id);
    const keyOf = new Map(SCHEMA_DIAGRAM.labels.map((label) => [label.id, label.slot]));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    await page.getByTestId('label-label-a').focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe(`slot-${slotIds[0]}`);
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('label-label-a');
    await page.getByText('Choix annulé.').waitFor({ state: 'attached' });

    // a distractor first put on slot 1, then replaced by the right label
    await page.getByTestId('label-label-d').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="slot-${slotIds[0]}"][data-label="label-d"]`);

    for (let placed = 0; placed < slotIds.length; placed++) {
      let labelId = (await focused()).replace(/^label-/, '');
      while (!keyOf.get(labelId)) {
        await page.keyboard.press('ArrowRight');
        labelId = (await focused()).replace(/^label-/, '');
      }
      const target = keyOf.get(labelId) as string;
      await page.keyboard.press('Enter');
      const from = slotIds.indexOf((await focused()).replace(/^slot-/, ''));
      const to = slotIds.indexOf(target);
      for (let i = 0; i < Math.abs(to - from); i++)
        await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
      expect(await focused()).toBe(`slot-${target}`);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`[data-testid="slot-${target}"][data-label="${labelId}"]`);
    }
    // the distractor that was replaced went back to the labels to place
    await page.getByTestId('label-label-d').waitFor();

    // Every slot filled: focus is on the check button.
    expect(await focused()).toBe('check-placements');
    await page.keyboard.press('Enter');
    const score = page.getByTestId('placement-score');
    await score.waitFor();
    expect(await score.getAttribute('data-correct')).toBe(String(slotIds.length));
    expect(await score.getAttribute('data-total')).toBe(String(slotIds.length));
    expect(await page.locator('[data-testid^="slot-mark-"][data-result="right"]').count()).toBe(
      slotIds.length,
    );
    const record = await fromApi<TDeliverable>('/deliverables/annotated-schema');
    expect(Object.keys(record.answers.network ?? {})).toHaveLength(slotIds.length);
    await screenshot(board, 'work-schema-checked');
  });

  it('takes the QCM: answers saved one by one (one while offline), handed in, scored with the correction', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${suite.webUrl}/eleve/qcm`);
    await page.getByTestId('quiz-intro').waitFor();
    await screenshot(page, 'work-quiz-intro');
    await page.getByTestId('quiz-start').click();
    await page.getByTestId('quiz-attempt').or(page.locator('.alert-error')).waitFor();
    expect(await page.locator('.alert-error').allTextContents()).toEqual([]);
    expect(await page.getByTestId('quiz-countdown').textContent()).toMatch(/^\d+:\d{2}$/);

    const started = await fromApi<TQuizOverview>('/quiz');
    const total = started.active?.questions.length ?? 0;
    expect(total).toBe(Math.min(DEFAULT_QUIZ_SETTINGS.questionCount, QUIZ_BANK.length));
    expect(await page.getByTestId('quiz-nav').count()).toBe(total);
    for (let i = 0; i < total; i++) {
      const question = page.getByTestId('quiz-question');
      const offline = i === 0;
      if (offline) await context.setOffline(true);
      await question.getByTestId('quiz-option').first().check();
      if (offline) {
        await page.getByTestId('quiz-offline').waitFor();
        // the answer is kept in the page, to be sent when the network is back
        await page.waitForSelector('[data-testid="answer-state"][data-state="pending"]');
        await screenshot(page.getByTestId('quiz-attempt'), 'work-quiz-offline');
        await context.setOffline(false);
      }
      await page.waitForSelector('[data-testid="answer-state"][data-state="saved"]');
      if (i === 0) await screenshot(page.getByTestId('quiz-attempt'), 'work-quiz-question');
      if (i < total - 1) await page.getByTestId('quiz-next').click();
    }
    const overview = await fromApi<TQuizOverview>('/quiz');
    expect(Object.keys(overview.active?.answers ?? {})).toHaveLength(total);

    await page.getByTestId('quiz-submit').click();
    const result = page.getByTestId('quiz-result');
    await result.waitFor();
    const score = Number(await page.getByTestId('quiz-score').getAttribute('data-score'));
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(20);
    // One attempt allowed, the correction shown after the last one: explanations are there.
    expect(await page.getByTestId('quiz-result-question').count()).toBe(total);
    expect(await page.getByTestId('quiz-correction-option').count()).toBeGreaterThan(total);
    const after = await fromApi<TQuizOverview>('/quiz');
    expect(after.results).toHaveLength(1);
    expect(after.results[0]?.scoreOn20).toBe(score);
    await screenshot(page, 'work-quiz-result');
  });

  it('shows the comparison table and the synthesis with their measured cells and grid', async () => {
    const { page } = await signedIn();
    const { webUrl } = suite;
    await page.goto(`${webUrl}/eleve/tableau-comparatif`);
    await page.getByTestId('answer-run').selectOption(suite.seeded.runId);
    await page.waitForSelector('[data-testid="measured-comparison.overall-accuracy.dl"][data-value="0.985"]');
    await page
      .getByTestId('answer-comparison-feature-extraction-ml')
      .fill('À la main (densité de pixels par zone).');
    await saved(page);
    await screenshot(page, 'work-comparison-table');

    await page.goto(`${webUrl}/eleve/synthese`);
    await page.getByTestId('answer-self-assessment-train-network-intermediaire').check();
    await page.getByTestId('answer-clear').fill('Le rôle des époques et du taux d’apprentissage.');
    await saved(page);
    const record = await fromApi<TDeliverable>('/deliverables/synthesis');
    expect(record.answers['self-assessment']).toEqual({ 'train-network': 'intermediaire' });
    await screenshot(page, 'work-synthesis');
  });
});
