import { DEFAULT_RUBRICS, GRADED_KINDS } from '@dlclass/content';
import type { TRubric, TRubricCriterion } from '@dlclass/contracts';
import type { GradeRow } from './grade.mapper';
import { gradeBook, gradeBookCsv, studentReport } from './grade-book';
import type { GradedRow } from './grading.repository';

const rubrics: TRubric[] = GRADED_KINDS.map((kind) => {
  const criteria = DEFAULT_RUBRICS[kind] ?? [];
  return {
    kind,
    title:
      {
        'observation-sheet': 'Fiche',
        'comparison-table': 'Tableau',
        'annotated-schema': 'Schéma',
        synthesis: 'Synthèse',
      }[kind as string] ?? kind,
    criteria,
    maxTotal: criteria.reduce((sum, c) => sum + c.points, 0),
    custom: false,
    competences: [],
  };
});

const criteria: TRubricCriterion[] = [
  { id: 'tout', label: 'Tout', description: '', points: 20, competence: null },
];

function grade(total: number | null, patch: Partial<GradeRow> = {}): GradeRow {
  return {
    criteria,
    scores: total === null ? {} : { tout: total },
    sectionComments: {},
    comment: 'Bien',
    competences: {},
    total,
    maxTotal: 20,
    updatedAt: new Date('2026-11-30T10:00:00Z'),
    finalisedAt: null,
    ...patch,
  };
}

const row = (
  userId: string,
  activity: string,
  status: GradedRow['status'],
  g: GradeRow | null,
): GradedRow => ({
  userId,
  activity,
  status,
  grade: g,
});

const students = [
  { id: 'z', displayName: 'Zoé' },
  { id: 'a', displayName: '=HYPERLINK("x";"piège")' },
  { id: 'e', displayName: 'Émile; le "grand"' },
];

describe('grade book', () => {
  const book = gradeBook(
    students,
    [
      row(
        'z',
        'fiche-observation',
        'FINALISED',
        grade(15.5, {
          finalisedAt: new Date('2026-11-30T11:00:00Z'),
          competences: { 'B1.3': 'in-progress', 'B3.2': 'acquired' },
        }),
      ),
      row(
        'z',
        'synthese',
        'FINALISED',
        grade(8, {
          maxTotal: 10,
          finalisedAt: new Date('2026-11-30T12:00:00Z'),
          competences: { 'B2.2': 'acquired' },
        }),
      ),
      row(
        'z',
        'schema-annote',
        'FINALISED',
        grade(7, {
          maxTotal: 10,
          finalisedAt: new Date('2026-11-30T09:00:00Z'),
          competences: { 'B1.3': 'acquired' },
        }),
      ),
      row('z', 'tableau-comparatif', 'SUBMITTED', grade(12)),
      row(
        'e',
        'fiche-observation',
        'RETURNED',
        grade(10, { finalisedAt: null, competences: { 'B1.3': 'not-acquired' } }),
      ),
    ],
    new Map([['z', { score: 7, maxScore: 12, submittedAt: '2026-11-30T10:30:00Z' }]]),
  );

  it('sorts students by name and keeps the latest finalised level of each competence', () => {
    expect(book.map((entry) => entry.student.id)).toEqual(['a', 'e', 'z']);
    // B1.3: the sheet (11:00) is finalised after the schema (09:00); a returned grade does not count.
    expect(book[2]?.competences).toEqual({ 'B1.3': 'in-progress', 'B3.2': 'acquired', 'B2.2': 'acquired' });
    expect(book[1]?.competences).toEqual({});
  });

  it('writes a CSV that spreadsheets open cleanly: BOM, semicolons, decimal commas, safe cells', () => {
    const csv = gradeBookCsv(book, rubrics);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Élève;Fiche (/20);Tableau (/20);Schéma (/10);Synthèse (/10);QCM (/20);B1.3;B2.2;B2.3;B3.2',
      `"'=HYPERLINK(""x"";""piège"")";non rendu;non rendu;non rendu;non rendu;non passé;;;;`,
      '"Émile; le ""grand""";en révision;non rendu;non rendu;non rendu;non passé;;;;',
      'Zoé;15,5;à corriger;7;8;11,67;en cours d’acquisition;acquis;;acquis',
      '',
    ]);
  });

  it('says when a grade was given on another scale than the rubric now has', () => {
    const rescaled = rubrics.map((r) => (r.kind === 'synthesis' ? { ...r, maxTotal: 12 } : r));
    expect(gradeBookCsv(book, rescaled).split('\r\n')[3]).toContain(';8 / 10;');
  });

  it("builds a student's report: every graded deliverable, comments and grades as the student sees them", () => {
    const zoe = book[2];
    if (!zoe) throw new Error('no entry');
    const report = studentReport(zoe, rubrics, '1SIO B', new Date('2026-11-30T13:00:00Z'));
    expect(report.deliverables.map((d) => [d.kind, d.status, d.feedback?.result?.total ?? null])).toEqual([
      ['observation-sheet', 'finalised', 15.5],
      ['comparison-table', 'submitted', null],
      ['annotated-schema', 'finalised', 7],
      ['synthesis', 'finalised', 8],
    ]);
    expect(report.deliverables[1]?.feedback).toBeNull();
    expect(report).toMatchObject({ className: '1SIO B', quiz: { score: 7, maxScore: 12 } });
  });
});
