// The teacher's own QCM in Chromium, against the real stack: a file with mistakes is refused with its faulty
// lines, the corrected one is imported, and the class goes back to the lesson's QCM.
import { QUIZ_BANK } from '@dlclass/content';
import { createClass, createTeacher, issueSessionToken } from '@dlclass/db/testing';
import { browserSuite, screenshot } from './browser';

jest.setTimeout(600_000);

const BROKEN = `## Qu'est-ce qu'une époque ?
- [ ] Une couche du réseau
- [ ] Un passage complet sur les données

## Quels éléments appartiennent à un neurone ?
- [x] Des poids
`;

describe("The teacher's QCM import in Chromium", () => {
  const suite = browserSuite('e2e-quiz-import', async (db) => {
    const teacher = await createTeacher(db.prisma);
    await createClass(db.prisma, teacher.id, { name: 'BTS SIO 1 (QCM)' });
    return { teacherToken: await issueSessionToken(db.prisma, teacher.id) };
  });

  it('shows the faulty lines, imports the corrected file, then goes back to the default QCM', async () => {
    const { page } = await suite.open(suite.seeded.teacherToken);
    await page.goto(`${suite.webUrl}/enseignant`);
    const panel = page.getByTestId('quiz-import');
    const source = panel.getByTestId('quiz-source');
    await source.and(page.locator('[data-source="default"]')).waitFor();
    expect(await source.textContent()).toContain(`${QUIZ_BANK.length} questions`);

    await panel.getByTestId('quiz-markdown').fill(BROKEN);
    await panel.getByRole('button', { name: 'Importer' }).click();
    const problems = panel.getByTestId('quiz-import-errors').locator('li');
    await problems.first().waitFor();
    expect(await problems.allTextContents()).toEqual([
      'Ligne 1 : aucune bonne réponse : cochez-en au moins une avec « - [x] »',
      'Ligne 5 : la question n’a qu’une option : il en faut au moins 2',
    ]);
    expect(await panel.getByTestId('quiz-markdown').getAttribute('aria-invalid')).toBe('true');
    await panel
      .locator('details')
      .first()
      .evaluate((details) => details.setAttribute('open', ''));
    await screenshot(panel, 'quiz-import-errors');
    expect(await source.getAttribute('data-source')).toBe('default');

    await panel.getByRole('button', { name: 'Partir de l’exemple' }).click();
    await panel.getByRole('button', { name: 'Importer' }).click();
    await panel.getByText('2 questions importées.', { exact: true }).waitFor();
    expect(await source.getAttribute('data-source')).toBe('imported');
    expect(await panel.getByTestId('quiz-import-errors').count()).toBe(0);
    await screenshot(panel, 'quiz-import-done');

    // the imported Markdown is what the panel shows after a reload
    await page.reload();
    await panel.getByTestId('quiz-source').and(page.locator('[data-source="imported"]')).waitFor();
    expect(await panel.getByTestId('quiz-markdown').inputValue()).toContain("## Qu'est-ce qu'une époque ?");

    await panel.getByRole('button', { name: 'Revenir au QCM par défaut' }).click();
    await panel.getByText('La classe repasse au QCM de la séance.').waitFor();
    expect(await source.getAttribute('data-source')).toBe('default');
    expect(await panel.getByTestId('quiz-markdown').inputValue()).toBe('');
  });
});
