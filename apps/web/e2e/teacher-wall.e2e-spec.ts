// The teacher's live view in Chromium, against the real stack: the class's experiment wall (leaderboard with
// names hidden for the projector, accuracy against each hyper-parameter, parallel coordinates) kept live as
// runs finish, the runs feed of both kinds on the dashboard, and one run on the projector.
import { REFERENCE_EXPERIMENT, type TExperimentSpec } from '@dlclass/contracts';
import {
  createClass,
  createExperiment,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import { API_CALL_HEADERS, browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

const spec = (
  name: string,
  training: Partial<TExperimentSpec['training']>,
  layers?: TExperimentSpec['model']['layers'],
) => ({
  ...REFERENCE_EXPERIMENT,
  name,
  model: layers ? { layers } : REFERENCE_EXPERIMENT.model,
  training: { ...REFERENCE_EXPERIMENT.training, ...training },
});

/** A network small enough to train in seconds. */
const tinyNetwork = {
  name: 'Mini réseau en direct',
  dataset: 'mnist',
  model: { layers: [{ type: 'flatten' }, { type: 'dense', units: 16, activation: 'relu' }] },
  training: { epochs: 1, batchSize: 32, optimizer: 'adam', learningRate: 0.01, trainSize: 300, seed: 5 },
};

describe('The experiment wall and the projector in Chromium', () => {
  const suite = browserSuite('e2e-wall', async (db) => {
    const teacher = await createTeacher(db.prisma);
    const schoolClass = await createClass(db.prisma, teacher.id, { name: 'BTS SIO 2 (mur)' });
    const alice = await createStudent(db.prisma, schoolClass.id, { displayName: 'Alice Bernard' });
    const bruno = await createStudent(db.prisma, schoolClass.id, { displayName: 'Bruno Petit' });
    const chloe = await createStudent(db.prisma, schoolClass.id, { displayName: 'Chloé Martin' });
    // created one after the other: Alice's first run comes first, so she is "Élève 1"
    const runs: Record<string, string> = {};
    for (const [student, name, accuracy, parameterCount, training, layers] of [
      [alice, 'Référence Adam', 0.97, 121_930, {}],
      [
        bruno,
        'SGD rapide',
        0.91,
        121_930,
        { optimizer: 'sgd', learningRate: 0.05, batchSize: 32, epochs: 3 },
      ],
      [
        chloe,
        'Dense tanh',
        0.985,
        52_650,
        { learningRate: 0.0005, batchSize: 128, epochs: 8 },
        [
          { type: 'flatten' },
          { type: 'dense', units: 64, activation: 'tanh' },
          { type: 'dense', units: 32, activation: 'tanh' },
        ],
      ],
      [alice, 'Deuxième essai', 0.93, 30_000, { epochs: 2, trainSize: 10_000 }],
    ] as const) {
      const run = await createExperiment(db.prisma, student, {
        name,
        spec: spec(name, training, layers as TExperimentSpec['model']['layers'] | undefined),
        testAccuracy: accuracy,
        parameterCount,
      });
      runs[name] = run.id;
    }
    // failed: in the feed, not on the wall
    await createExperiment(db.prisma, bruno, { name: 'Échouée', status: 'FAILED' });
    const other = await createTeacher(db.prisma);
    return {
      classId: schoolClass.id,
      runs,
      teacherToken: await issueSessionToken(db.prisma, teacher.id),
      otherTeacherToken: await issueSessionToken(db.prisma, other.id),
      chloeToken: await issueSessionToken(db.prisma, chloe.id),
    };
  });

  it('ranks the finished runs, hides the names for the projector and adds a run live as it finishes', async () => {
    const { webUrl, seeded } = suite;
    const { page } = await suite.open(seeded.teacherToken);
    await page.goto(`${webUrl}/enseignant/mur?classe=${seeded.classId}`);
    await page.getByRole('heading', { level: 1, name: 'Mur d’expériences' }).waitFor();
    const rows = page.getByTestId('leaderboard-row');
    await rows.first().waitFor();
    const column = (testId: string) => page.getByTestId(testId).allTextContents();
    expect(await column('leaderboard-student')).toEqual([
      'Chloé Martin',
      'Alice Bernard',
      'Alice Bernard',
      'Bruno Petit',
    ]);
    expect(await column('leaderboard-accuracy')).toEqual(['98,5 %', '97,0 %', '93,0 %', '91,0 %']);
    // one small chart per hyper-parameter, a dot per finished run (the failed one is left out)
    expect(await page.getByTestId('wall-scatter').count()).toBe(8);
    expect(
      await page
        .locator('[data-testid="wall-scatter"][data-axis="learningRate"] [data-testid="wall-dot"]')
        .count(),
    ).toBe(4);
    expect(await page.getByTestId('wall-line').count()).toBe(4);
    await page.getByTestId('wall-legend').getByText('de 91,0 % (rouge) à 98,5 % (vert)').waitFor();
    expect(
      await page.locator('[data-testid="wall-scatter"][data-axis="optimizer"] text').allTextContents(),
    ).toEqual(expect.arrayContaining(['adam', 'sgd']));
    await screenshot(page, 'wall-names');

    await page.getByTestId('hide-names').check();
    expect(await column('leaderboard-student')).toEqual(['Élève 3', 'Élève 1', 'Élève 1', 'Élève 2']);
    expect(await page.getByText('Chloé Martin').count()).toBe(0);
    // the dots' hover texts hide them too
    expect(await page.locator('[data-testid="wall-dot"] title').first().textContent()).toMatch(
      /^Élève \d — /,
    );
    await page.getByTestId('best-per-student').check();
    expect(await column('leaderboard-student')).toEqual(['Élève 3', 'Élève 1', 'Élève 2']);
    await page.getByTestId('best-per-student').uncheck();
    await screenshot(page, 'wall-hidden');

    // a student's run finishes: the wall adds it without a reload
    const { page: student } = await suite.open(seeded.chloeToken);
    const submitted = await student.request.post(`${webUrl}/api/experiments`, {
      data: tinyNetwork,
      headers: API_CALL_HEADERS,
    });
    expect(submitted.status()).toBe(202);
    await page
      .getByTestId('leaderboard-row')
      .filter({ hasText: 'Mini réseau en direct' })
      .waitFor({ timeout: 180_000 });
    expect(await rows.count()).toBe(5);
    expect(await page.getByTestId('wall-line').count()).toBe(5);
    expect(await page.getByTestId('wall-count').textContent()).toBe('5 expériences terminées');
  });

  it('projects a run from the leaderboard, its student hidden, with its curves and confusion matrix', async () => {
    const { webUrl, seeded } = suite;
    const { page } = await suite.open(seeded.teacherToken);
    await page.goto(`${webUrl}/enseignant/mur?classe=${seeded.classId}`);
    await page.getByTestId('leaderboard-row').first().waitFor();
    await page.getByTestId('hide-names').check();
    await page.getByTestId('leaderboard-row').first().getByTestId('project-run').click();
    await page.waitForURL(/\/enseignant\/projection\?run=/);
    expect(new URL(page.url()).searchParams.get('run')).toBe(seeded.runs['Dense tanh']);
    const projector = page.getByTestId('projector');
    await projector.waitFor();
    expect(await page.getByTestId('projector-name').textContent()).toBe('Dense tanh');
    expect(await page.getByTestId('projector-owner').count()).toBe(0);
    expect(await page.getByTestId('projector-accuracy').textContent()).toBe('98,5 %');
    expect(await page.getByTestId('projector-status').getAttribute('data-status')).toBe('succeeded');
    await page.getByTestId('accuracy-chart').waitFor();
    await page.getByTestId('confusion-matrix').waitFor();
    await screenshot(page, 'projector-network');
    await page.getByTestId('projector-hide-name').uncheck();
    expect(await page.getByTestId('projector-owner').textContent()).toBe('Chloé Martin');

    // another teacher is not shown a run of a class that is not theirs
    const { page: other } = await suite.open(seeded.otherTeacherToken);
    await other.goto(`${webUrl}/enseignant/projection?run=${seeded.runs['Dense tanh']}`);
    await other.locator('.alert-error').waitFor();
    expect(await other.getByTestId('projector').count()).toBe(0);
  });

  it('lists both kinds of runs in the dashboard feed, live, and projects a classical one', async () => {
    const { webUrl, seeded } = suite;
    const { page } = await suite.open(seeded.teacherToken);
    await page.goto(`${webUrl}/enseignant`);
    const feed = page.getByTestId('run-row');
    await feed.first().waitFor();
    const { page: student } = await suite.open(seeded.chloeToken);
    const submitted = await student.request.post(`${webUrl}/api/classical-runs`, {
      headers: API_CALL_HEADERS,
      data: { model: { algorithm: 'random-forest', trees: 10 }, trainSize: 1_000, seed: 3 },
    });
    expect(submitted.status()).toBe(202);
    const { id } = (await submitted.json()) as { id: string };
    // the newest first: the classical run heads the feed, and reaches "succeeded" without a reload
    const row = page.locator(`[data-testid="run-row"][data-run-id="${id}"]`);
    await row.and(page.locator('[data-status="succeeded"]')).waitFor({ timeout: 180_000 });
    expect(await feed.first().getAttribute('data-run-id')).toBe(id);
    expect(await row.getAttribute('data-kind')).toBe('classical');
    expect(await row.getByTestId('run-parameters').textContent()).toBe('Forêt aléatoire (10 arbres)');
    const kinds = await feed.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['classical', 'network']));
    expect(
      await page
        .locator('[data-testid="run-row"][data-status="failed"] [data-testid="run-accuracy"]')
        .textContent(),
    ).toBe('—');
    await screenshot(page, 'dashboard-feed');

    await row.getByTestId('project-run').click();
    await page.waitForURL(/type=classique/);
    await page.getByTestId('projector-accuracy').waitFor();
    expect(await page.getByTestId('projector-name').textContent()).toBe(
      'Forêt aléatoire (10 arbres, pixels)',
    );
    await page.getByTestId('confusion-matrix').waitFor();
    await screenshot(page, 'projector-classical');
  });
});
