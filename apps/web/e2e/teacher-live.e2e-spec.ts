// The teacher's live view of a class in Chromium, against the real stack: a student's page opens and the
// dashboard's grid shows them online with their progress, the class card counts them; they close it and go
// offline; a newcomer joins and the card's student count follows. The student's pages share one socket, and
// quick reloads (an "offline" that may arrive after the next "online") leave her shown online.
import {
  createClass,
  createExperiment,
  createStudent,
  createTeacher,
  issueSessionToken,
} from '@dlclass/db/testing';
import { browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

/** A full class: the grid must stay readable with this many rows at 1366 px. */
const CLASS_SIZE = 35;

describe("The teacher's live progress grid in Chromium", () => {
  const suite = browserSuite('e2e-teacher-live', async (db) => {
    const teacher = await createTeacher(db.prisma, { displayName: 'M. Roux' });
    const schoolClass = await createClass(db.prisma, teacher.id, { name: 'BTS SIO 1 B', lockedPhases: [] });
    const alice = await createStudent(db.prisma, schoolClass.id, { displayName: 'Alice Martin' });
    await createExperiment(db.prisma, alice);
    const bob = await createStudent(db.prisma, schoolClass.id, { displayName: 'Bob Durand' });
    await createExperiment(db.prisma, bob, { status: 'RUNNING' });
    for (let n = 3; n <= CLASS_SIZE; n++) {
      await createStudent(db.prisma, schoolClass.id, { displayName: `Élève ${String(n).padStart(2, '0')}` });
    }
    return {
      teacherToken: await issueSessionToken(db.prisma, teacher.id),
      aliceToken: await issueSessionToken(db.prisma, alice.id),
      bobToken: await issueSessionToken(db.prisma, bob.id),
      classCode: schoolClass.code,
    };
  });

  it('shows a student online with their progress while one of their pages is open, live', async () => {
    const teacher = await suite.open(suite.seeded.teacherToken);
    await teacher.page.goto(`${suite.webUrl}/enseignant`);
    const grid = teacher.page.getByTestId('class-progress');
    const rows = grid.getByTestId('progress-row');
    await rows.nth(CLASS_SIZE - 1).waitFor();
    expect(await rows.count()).toBe(CLASS_SIZE);
    expect((await grid.getByTestId('progress-name').allTextContents()).slice(0, 3)).toEqual([
      'Alice Martin',
      'Bob Durand',
      'Élève 03',
    ]);
    const alice = rows.filter({ hasText: 'Alice Martin' });
    expect(await alice.getAttribute('data-online')).toBe('false');
    expect(await alice.locator('[data-activity="hello-world"]').getAttribute('data-status')).toBe('done');
    expect(await alice.locator('[data-activity="hello-world"]').textContent()).toContain('Terminé');
    const bob = rows.filter({ hasText: 'Bob Durand' });
    expect(await bob.locator('[data-activity="hello-world"]').getAttribute('data-status')).toBe(
      'in-progress',
    );
    const card = teacher.page.getByTestId('class-button').filter({ hasText: 'BTS SIO 1 B' });
    await card.getByText(`${CLASS_SIZE} élève(s) · 0 en ligne`).waitFor();

    // Alice opens her home page (several live components): one socket, and she is online on the dashboard
    const student = await suite.open(suite.seeded.aliceToken);
    const sockets: string[] = [];
    student.page.on('websocket', (ws) => sockets.push(ws.url()));
    await student.page.goto(`${suite.webUrl}/eleve`);
    await teacher.page.waitForSelector('[data-testid="progress-row"][data-online="true"]');
    expect(await alice.getAttribute('data-online')).toBe('true');
    expect(await alice.locator('th').textContent()).toContain('En ligne');
    await card.getByText(`${CLASS_SIZE} élève(s) · 1 en ligne`).waitFor();
    // an in-app navigation keeps the same socket
    await student.page
      .getByRole('link', { name: /glossaire/i })
      .first()
      .click();
    await student.page.waitForURL(/\/eleve\/glossaire/);
    expect(sockets.filter((url) => url.includes('/socket.io/'))).toHaveLength(1);
    expect(await alice.getAttribute('data-online')).toBe('true');
    await screenshot(teacher.page, 'teacher-live-grid');
    await screenshot(grid, 'teacher-live-grid-panel');

    // quick reloads: each closes her socket and opens another, their events racing; then Bob arrives, and
    // once the dashboard has heard him it shows them both online (it reads presence again at each event)
    await student.page.reload();
    await student.page.reload();
    const bobPage = await suite.open(suite.seeded.bobToken);
    await bobPage.page.goto(`${suite.webUrl}/eleve`);
    await card.getByText(`${CLASS_SIZE} élève(s) · 2 en ligne`).waitFor();
    await grid
      .locator('[data-testid="progress-row"][data-online="true"]', { hasText: 'Bob Durand' })
      .waitFor();
    expect(await alice.getAttribute('data-online')).toBe('true');

    // their last pages close: offline
    await student.page.close();
    await bobPage.page.close();
    await teacher.page.waitForSelector('[data-testid="progress-row"][data-online="true"]', {
      state: 'detached',
    });
    await card.getByText(`${CLASS_SIZE} élève(s) · 0 en ligne`).waitFor();

    // a newcomer joins with the class code: the card's count and the grid follow without a reload
    const joined = await fetch(`${suite.webUrl}/api/auth/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ classCode: suite.seeded.classCode, displayName: 'Zoé Petit', pin: '2468' }),
    });
    expect(joined.status).toBe(200);
    await card.getByText(`${CLASS_SIZE + 1} élève(s)`).waitFor();
    await rows.filter({ hasText: 'Zoé Petit' }).waitFor();
  });
});
