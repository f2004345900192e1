// Shared trainings in Chromium, against the real stack: a run attached to a classmate's identical training
// says so; one identical to a finished run shows its results at once, labelled "Même entraînement déjà
// calculé" (in English too), and "Réentraîner quand même" trains it anew; the teacher chooses the class's
// seed mode on the dashboard.
import {
  type TExperiment,
  type TExperimentSpecInput,
  type TSubmitExperimentResponse,
} from '@dlclass/contracts';
import { createClass, createStudent, createTeacher, issueSessionToken, tinyRun } from '@dlclass/db/testing';
import { Queue } from 'bullmq';
import { browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

const NAME = 'e2e-shared-training';
/** The training queue of this suite's stack (see browserSuite). */
const QUEUE_NAME = `${NAME}-${process.pid}`;
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

describe('shared trainings in Chromium', () => {
  const queue = new Queue(QUEUE_NAME, { connection: { url: REDIS_URL } });

  const suite = browserSuite(NAME, async (db) => {
    const teacher = await createTeacher(db.prisma, { displayName: 'M. Petit' });
    const klass = await createClass(db.prisma, teacher.id, { name: 'BTS SIO 1 C' });
    const token = async (displayName: string) =>
      issueSessionToken(db.prisma, (await createStudent(db.prisma, klass.id, { displayName })).id);
    return {
      classId: klass.id,
      teacherToken: await issueSessionToken(db.prisma, teacher.id),
      ana: await token('Ana'),
      ben: await token('Ben'),
    };
  });

  afterAll(async () => {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  });

  const call = async <T>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${suite.webUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.ok).toBe(true);
    return (await res.json()) as T;
  };
  const submit = (token: string, spec: TExperimentSpecInput) =>
    call<TSubmitExperimentResponse>(token, 'POST', '/experiments', spec);
  const succeeded = async (token: string, id: string) => {
    for (;;) {
      const run = await call<TExperiment>(token, 'GET', `/experiments/${id}`);
      if (run.status !== 'queued' && run.status !== 'running') return run;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  it('labels an attached run and an already computed one, and retrains it on request', async () => {
    const { webUrl, seeded } = suite;
    const spec = tinyRun({ seed: 5 });
    await queue.pause();
    const anas = await submit(seeded.ana, spec);
    const bens = await submit(seeded.ben, { ...spec, name: 'Mon premier réseau' });
    expect(bens.sharing).toBe('attached');

    const { page } = await suite.open(seeded.ben);
    await page.goto(`${webUrl}/eleve/hello-world?run=${bens.id}`);
    await page.getByTestId('run-attached').getByText('Entraînement partagé').waitFor();
    await queue.resume();
    await page.waitForSelector('[data-testid="run-status"][data-status="succeeded"]', { timeout: 120_000 });
    expect((await succeeded(seeded.ana, anas.id)).status).toBe('succeeded');

    // the same run once more: its results at once, labelled
    const again = await submit(seeded.ben, { ...spec, name: 'Encore le même' });
    expect(again).toMatchObject({ status: 'succeeded', sharing: 'reused' });
    await page.goto(`${webUrl}/eleve/hello-world?run=${again.id}`);
    const notice = page.getByTestId('run-reused');
    await notice.getByText('Même entraînement déjà calculé').waitFor();
    expect(await page.getByTestId('run-status').getAttribute('data-status')).toBe('succeeded');
    await page.getByTestId('epochs-table').waitFor({ state: 'attached' });
    await screenshot(page, 'shared-training-reused');

    const { page: english } = await suite.open(seeded.ben, (context) =>
      context.addCookies([{ name: 'dlclass_locale', value: 'en', url: webUrl }]),
    );
    await english.goto(`${webUrl}/eleve/hello-world?run=${again.id}`);
    await english.getByTestId('run-reused').getByText('Same training already computed').waitFor();
    await english.getByTestId('retrain-button').getByText('Retrain anyway').waitFor();

    // "retrain anyway": a new run, trained for itself
    await notice.getByTestId('retrain-button').click();
    await page.waitForURL((url) => !url.searchParams.get('run')?.includes(again.id), { timeout: 30_000 });
    const retrainedId = new URL(page.url()).searchParams.get('run') ?? '';
    expect(retrainedId).not.toBe(again.id);
    await page.waitForSelector('[data-testid="run-status"][data-status="succeeded"]', { timeout: 120_000 });
    expect(await page.getByTestId('run-reused').count()).toBe(0);
    const retrained = await call<TExperiment>(seeded.ben, 'GET', `/experiments/${retrainedId}`);
    expect(retrained).toMatchObject({ name: 'Encore le même', sharing: null, status: 'succeeded' });
  });

  it('lets the teacher choose one seed per student for the class, kept after a reload', async () => {
    const { webUrl, seeded } = suite;
    const { page } = await suite.open(seeded.teacherToken);
    await page.goto(`${webUrl}/enseignant`);
    const setting = page.getByTestId('seed-mode');
    await setting.getByText('Une graine pour toute la classe (entraînements identiques partagés)').waitFor();
    expect(await page.getByTestId('seed-mode-class').isChecked()).toBe(true);

    await page.getByTestId('seed-mode-student').check();
    await page.getByTestId('seed-mode-saved').waitFor();
    await screenshot(setting, 'shared-training-seed-mode');
    const classes = await call<{ id: string; seedMode: string }[]>(seeded.teacherToken, 'GET', '/classes');
    expect(classes.find((c) => c.id === seeded.classId)?.seedMode).toBe('student');
    await page.reload();
    await page.getByTestId('seed-mode').waitFor();
    expect(await page.getByTestId('seed-mode-student').isChecked()).toBe(true);
    expect(await page.getByText('Une graine par élève (résultats variés, chaque run entraîné)').count()).toBe(
      1,
    );

    // in that mode, identical runs of two students train apart
    const spec = tinyRun({ seed: undefined });
    await queue.pause();
    try {
      const [ana, ben] = [await submit(seeded.ana, spec), await submit(seeded.ben, spec)];
      expect([ana.sharing, ben.sharing]).toEqual([null, null]);
    } finally {
      await queue.resume();
    }
  });
});
