// The admin page in Chromium, against the real stack (its worker included): the admin sees the worker and
// the queue, pauses and resumes the queue, retries a failed run and cancels the copy, edits a class's quota;
// a teacher is sent back to their dashboard.
import { DEFAULT_QUOTA, type TQueueStats, type TQuotaView } from '@dlclass/contracts';
import {
  createAdmin,
  createClass,
  createExperiment,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import { browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

describe('The admin page in Chromium', () => {
  const suite = browserSuite('e2e-admin', async (db) => {
    const admin = await createAdmin(db.prisma);
    const teacher = await createTeacher(db.prisma, { displayName: 'Mme Durand' });
    const schoolClass = await createClass(db.prisma, teacher.id, { name: 'BTS SIO 2 (admin)' });
    const student = await createStudent(db.prisma, schoolClass.id, { displayName: 'Inès Robert' });
    await createExperiment(db.prisma, student, { status: 'FAILED', name: 'Run raté' });
    return {
      classId: schoolClass.id,
      adminToken: await issueSessionToken(db.prisma, admin.id),
      teacherToken: await issueSessionToken(db.prisma, teacher.id),
    };
  });

  const asAdmin = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${suite.webUrl}/api${path}`, {
      headers: { authorization: `Bearer ${suite.seeded.adminToken}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  it('shows the worker and the queue, pauses and resumes the queue, and edits a class quota', async () => {
    const { page } = await suite.open(suite.seeded.adminToken);
    await page.goto(`${suite.webUrl}/admin`);
    await page.getByRole('heading', { name: 'Administration' }).waitFor();

    // the stack's own worker: the page lists its queue's workers only (other test stacks share this Redis)
    const worker = page.locator(`[data-testid="admin-worker"][data-worker-id="e2e-admin-${process.pid}"]`);
    await worker.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('admin-worker').count()).toBe(1);
    expect(await worker.getByTestId('admin-worker-heartbeat').textContent()).toMatch(/^il y a [\d,]+ s$/);
    // why it trains on its backend: the faster ones it could not load
    expect(await worker.getByTestId('admin-worker-unavailable').first().textContent()).toMatch(
      /^tensorflow-gpu indisponible : .+/,
    );

    const state = page.getByTestId('admin-queue-state');
    await state.and(page.locator('[data-paused="false"]')).waitFor();
    await page.getByRole('button', { name: 'Mettre en pause' }).click();
    await state.and(page.locator('[data-paused="true"]')).waitFor();
    expect((await asAdmin<TQueueStats>('/admin/queue')).paused).toBe(true);

    // while paused, a retried run waits: the admin cancels it from the same list
    const runs = page.getByTestId('admin-runs');
    const failed = runs.locator('[data-testid="admin-run"]', { has: page.locator('[data-status="failed"]') });
    await failed.getByRole('button', { name: 'Relancer' }).click();
    await runs.getByText('Run relancé : un nouveau run est en attente.').waitFor();
    // a run is retried once: the failed one says so instead of offering the button again
    await failed.getByText('Déjà relancé').waitFor();
    expect(await failed.getByRole('button', { name: 'Relancer' }).count()).toBe(0);
    const retried = runs.locator('[data-testid="admin-run"]', {
      has: page.locator('[data-status="queued"]'),
    });
    expect(await retried.textContent()).toContain('Run raté');
    expect(await retried.textContent()).toContain('Inès Robert');
    await screenshot(page, 'admin-paused');
    await retried.getByRole('button', { name: 'Annuler' }).click();
    await runs.locator('[data-testid="admin-run"] [data-status="cancelled"]').waitFor();

    await page.getByRole('button', { name: 'Reprendre' }).click();
    await state.and(page.locator('[data-paused="false"]')).waitFor();
    expect((await asAdmin<TQueueStats>('/admin/queue')).paused).toBe(false);

    const quotas = page.getByTestId('admin-quotas');
    await quotas.getByTestId('admin-quota-class').waitFor();
    const epochs = quotas.getByTestId('admin-quota-maxEpochs');
    await epochs.waitFor();
    // an empty field inherits, and says from what
    await quotas.getByText(`hérité : ${DEFAULT_QUOTA.maxEpochs}`).waitFor();
    await epochs.fill('99');
    await quotas.getByRole('button', { name: 'Enregistrer le quota' }).click();
    await quotas.getByText("Le nombre maximal d'époques doit être un entier entre 1 et 30").waitFor();
    await epochs.fill('3');
    await quotas.getByRole('button', { name: 'Enregistrer le quota' }).click();
    await quotas.getByTestId('admin-quota-saved').waitFor();
    const saved = await asAdmin<TQuotaView>(`/admin/quotas/class/${suite.seeded.classId}`);
    expect(saved.effective).toEqual({ ...DEFAULT_QUOTA, maxEpochs: 3 });
    await screenshot(page, 'admin-page');
  });

  it('sends a teacher back to the teacher dashboard, and shows them no admin link', async () => {
    const { page } = await suite.open(suite.seeded.teacherToken);
    await page.goto(`${suite.webUrl}/admin`);
    await page.waitForURL(/\/enseignant$/);
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
  });
});
