// A student whose runs wait behind the class's sees, in a real browser, each run's place in the fair-share
// queue and its estimated start: in their runs list and on the run's own page, which follows the queue. The queue is paused so the
// worker leaves the runs queued (it re-adds their jobs at start, with their priorities).
import {
  createClass,
  createExperiment,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import { Queue } from 'bullmq';
import { browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

const NAME = 'e2e-fair-queue';
/** The training queue of this suite's stack (see browserSuite). */
const QUEUE_NAME = `${NAME}-${process.pid}`;
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
/** "2e dans la file", with an estimated start when some worker is up on this Redis. */
const placeText = (place: string) =>
  new RegExp(`^${place} dans la file( — début estimé dans (~\\d+ min|moins d’une minute))?$`);

describe('queue place and estimated start in Chromium', () => {
  const queue = new Queue(QUEUE_NAME, { connection: { url: REDIS_URL } });

  const suite = browserSuite(NAME, async (db) => {
    await queue.pause();
    const teacher = await createTeacher(db.prisma);
    const klass = await createClass(db.prisma, teacher.id);
    const ana = await createStudent(db.prisma, klass.id, { displayName: 'Ana' });
    const ben = await createStudent(db.prisma, klass.id, { displayName: 'Ben' });
    // Ana's two runs first, then Ben's first: Ben's starts before Ana's second
    const first = await createExperiment(db.prisma, ana, { name: 'Premier essai', status: 'QUEUED' });
    const second = await createExperiment(db.prisma, ana, { name: 'Deuxième essai', status: 'QUEUED' });
    const third = await createExperiment(db.prisma, ben, { name: 'Essai de Ben', status: 'QUEUED' });
    // one second apart, so that the order does not rest on the clock's resolution
    for (const [i, run] of [first, second, third].entries()) {
      await db.prisma.experiment.update({
        where: { id: run.id },
        data: { createdAt: new Date(Date.now() - (3 - i) * 1000) },
      });
    }
    return {
      token: await issueSessionToken(db.prisma, ana.id),
      benToken: await issueSessionToken(db.prisma, ben.id),
      first: first.id,
      second: second.id,
      bens: third.id,
    };
  });

  afterAll(async () => {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  });

  it('shows each queued run’s place and estimated start in the list and on the run’s page', async () => {
    const { webUrl, seeded } = suite;
    const { page } = await suite.open(seeded.token);
    await page.goto(`${webUrl}/eleve`);
    const row = (id: string) => page.locator(`[data-testid="run-row"][data-run-id="${id}"]`);
    await row(seeded.second).getByTestId('queue-place').waitFor();
    expect(await row(seeded.first).getByTestId('queue-place').textContent()).toMatch(placeText('1re'));
    expect(await row(seeded.second).getByTestId('queue-place').textContent()).toMatch(placeText('3e'));
    await screenshot(page.getByTestId('runs-table'), 'fair-queue-runs');

    await page.goto(`${webUrl}/eleve/hello-world?run=${seeded.second}`);
    await page.waitForSelector('[data-testid="run-status"][data-status="queued"]');
    expect(await page.getByTestId('run-status-text').textContent()).toMatch(placeText('3e'));
    await screenshot(page, 'fair-queue-run-page');

    // Ben cancels his run, ahead of Ana's second: her page moves her up without a reload
    const cancelled = await fetch(`${webUrl}/api/experiments/${seeded.bens}/cancel`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${seeded.benToken}` },
    });
    expect(cancelled.status).toBe(200);
    await page
      .getByTestId('run-status-text')
      .filter({ hasText: placeText('2e') })
      .waitFor({ timeout: 30_000 });
  });
});
