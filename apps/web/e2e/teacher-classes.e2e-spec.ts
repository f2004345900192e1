// The teacher's class management in Chromium, against the real stack: a new class is created and renamed, its
// join code replaced (the old one refused at once), a student's PIN reset (the new one lets them back in) and
// another student removed.
import { createClass, createStudent, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import { browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

describe("The teacher's classes in Chromium", () => {
  const suite = browserSuite('e2e-teacher-classes', async (db) => {
    const teacher = await createTeacher(db.prisma, { displayName: 'Mme Laurent' });
    const schoolClass = await createClass(db.prisma, teacher.id, { name: 'BTS SIO 1 A' });
    await createStudent(db.prisma, schoolClass.id, { displayName: 'Nina Blanc' });
    await createStudent(db.prisma, schoolClass.id, { displayName: 'Hugo Faure' });
    return { teacherToken: await issueSessionToken(db.prisma, teacher.id) };
  });

  const join = (classCode: string, displayName: string, pin: string) =>
    fetch(`${suite.webUrl}/api/auth/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ classCode, displayName, pin }),
    });

  it('creates and renames a class, replaces its code, resets a PIN and removes a student', async () => {
    const { page } = await suite.open(suite.seeded.teacherToken);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${suite.webUrl}/enseignant`);

    // a new class, selected at once, empty, with its code to hand out
    await page.getByTestId('new-class-name').fill('BTS SIO 2');
    await page.getByTestId('new-class-submit').click();
    const manager = page.getByTestId('class-manager');
    await manager.getByText(/Aucun élève pour l’instant : donnez-leur le code [A-Z0-9]{8}\./).waitFor();
    await page.getByTestId('class-name').fill('BTS SIO 2 — option SLAM');
    await manager.getByRole('button', { name: 'Renommer' }).click();
    await page.getByTestId('class-button').getByText('BTS SIO 2 — option SLAM').waitFor();

    // the seeded class: a new code, the old one refused straight away
    await page.getByTestId('class-button').filter({ hasText: 'BTS SIO 1 A' }).click();
    await page.getByTestId('roster-student').first().waitFor();
    const codeOf = async () =>
      (await page
        .getByTestId('class-button')
        .filter({ hasText: 'BTS SIO 1 A' })
        .getByTestId('class-code')
        .textContent()) ?? '';
    const oldCode = await codeOf();
    await page.getByTestId('class-new-code').click();
    await page.waitForFunction((old) => !document.body.textContent?.includes(old), oldCode);
    const newCode = await codeOf();
    expect(newCode).not.toBe(oldCode);
    expect((await join(oldCode, 'Nina Blanc', '1234')).status).toBe(404);

    // Nina forgot her PIN: the new one, shown once, lets her back in
    const nina = page.getByTestId('roster-student').filter({ hasText: 'Nina Blanc' });
    await nina.getByTestId('roster-reset-pin').click();
    const notice = await page.getByTestId('roster-notice').textContent();
    const pin = notice?.match(/\d{6}/)?.[0] ?? '';
    expect(pin).toHaveLength(6);
    expect((await join(newCode, 'Nina Blanc', pin)).status).toBe(200);
    await screenshot(page, 'teacher-classes');

    // Hugo leaves the class, with his work
    await page
      .getByTestId('roster-student')
      .filter({ hasText: 'Hugo Faure' })
      .getByTestId('roster-remove')
      .click();
    await page.getByTestId('roster-notice').getByText('Hugo Faure a été retiré·e de la classe.').waitFor();
    expect(await page.getByTestId('roster-student').allTextContents()).toEqual([
      expect.stringContaining('Nina Blanc'),
    ]);
    await page
      .getByTestId('class-button')
      .filter({ hasText: 'BTS SIO 1 A' })
      .getByText('1 élève(s)')
      .waitFor();
    // a new student with his name starts from nothing (the old account is gone)
    expect((await join(newCode, 'Hugo Faure', '9999')).status).toBe(200);
  });
});
