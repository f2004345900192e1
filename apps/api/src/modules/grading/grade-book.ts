import {
  COMPETENCES,
  type TCompetence,
  type TCompetenceLevel,
  type TFeedback,
  type TGradeBookStatus,
  type TRubric,
  type TStudentReport,
  type TWorksheetKind,
  worksheetKindOf,
} from '@dlclass/contracts';
import type { CountedScore } from '../quiz/quiz.service';
import { feedbackOf, type GradeRow, toGrade } from './grade.mapper';
import type { GradedRow } from './grading.repository';

export interface GradeBookStudent {
  id: string;
  displayName: string;
}

interface DeliverableEntry {
  status: TGradeBookStatus;
  grade: GradeRow | null;
  /** What the student sees of the grade (comments once returned, the grade once finalised). */
  feedback: TFeedback | null;
}

/** One student's line of the grade book: each graded deliverable, the QCM and the competences. */
export interface GradeBookEntry {
  student: GradeBookStudent;
  deliverables: Map<TWorksheetKind, DeliverableEntry>;
  quiz: CountedScore | null;
  competences: Partial<Record<TCompetence, TCompetenceLevel>>;
}

const STATUS = { SUBMITTED: 'submitted', RETURNED: 'returned', FINALISED: 'finalised' } as const;

/**
 * A competence's level is the one set by the most recently finalised grade that assessed it: the latest
 * evidence of the student's work, as a teacher reads a competence grid.
 */
function competenceLevels(grades: readonly GradeRow[]): Partial<Record<TCompetence, TCompetenceLevel>> {
  const levels: Partial<Record<TCompetence, TCompetenceLevel>> = {};
  const finalised = grades
    .filter((grade) => grade.finalisedAt !== null)
    .sort((a, b) => (a.finalisedAt?.getTime() ?? 0) - (b.finalisedAt?.getTime() ?? 0));
  for (const grade of finalised) Object.assign(levels, toGrade(grade).competences);
  return levels;
}

/** The class's grade book, one entry per student, sorted by name. */
export function gradeBook(
  students: readonly GradeBookStudent[],
  graded: readonly GradedRow[],
  quiz: ReadonlyMap<string, CountedScore>,
): GradeBookEntry[] {
  return [...students]
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'))
    .map((student) => {
      const own = graded.filter((row) => row.userId === student.id);
      const deliverables = new Map<TWorksheetKind, DeliverableEntry>();
      for (const row of own) {
        const kind = worksheetKindOf(row.activity);
        if (kind && row.status !== 'DRAFT') {
          deliverables.set(kind, {
            status: STATUS[row.status],
            grade: row.grade,
            feedback: feedbackOf(row.status, row.grade),
          });
        }
      }
      return {
        student,
        deliverables,
        quiz: quiz.get(student.id) ?? null,
        competences: competenceLevels(own.flatMap((row) => (row.grade ? [row.grade] : []))),
      };
    });
}

/** A student's printable report from their grade-book entry. */
export function studentReport(
  entry: GradeBookEntry,
  rubrics: readonly TRubric[],
  className: string,
  now: Date,
): TStudentReport {
  return {
    student: entry.student,
    className,
    generatedAt: now.toISOString(),
    deliverables: rubrics.map((rubric) => {
      const found = entry.deliverables.get(rubric.kind);
      return {
        kind: rubric.kind,
        title: rubric.title,
        status: found?.status ?? 'not-submitted',
        feedback: found?.feedback ?? null,
      };
    }),
    quiz: entry.quiz,
    competences: entry.competences,
  };
}

// ---------------------------------------------------------------------------------------------------------
// CSV: what LibreOffice and Excel open cleanly in a French locale (UTF-8 with a BOM, `;`, decimal commas)

const STATUS_TEXT: Record<Exclude<TGradeBookStatus, 'finalised'>, string> = {
  'not-submitted': 'non rendu',
  submitted: 'à corriger',
  returned: 'en révision',
};

const LEVEL_TEXT: Record<TCompetenceLevel, string> = {
  'not-acquired': 'non acquis',
  'in-progress': 'en cours d’acquisition',
  acquired: 'acquis',
};

/** The QCM column is out of 20, whatever the number of questions drawn. */
const QUIZ_SCALE = 20;

const decimal = (value: number) =>
  (Math.round(value * 100) / 100).toLocaleString('fr-FR', { useGrouping: false, maximumFractionDigits: 2 });

/**
 * One cell: quoted when it holds a separator, a quote or a line break; a leading =, +, -, @ or control
 * character is neutralised so that a student's name can never run as a spreadsheet formula.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function deliverableCell(rubric: TRubric, entry: DeliverableEntry | undefined): string {
  if (!entry) return STATUS_TEXT['not-submitted'];
  if (entry.status !== 'finalised' || entry.grade?.total == null) {
    return STATUS_TEXT[entry.status === 'finalised' ? 'submitted' : entry.status];
  }
  const { total, maxTotal } = entry.grade;
  // A grade started before the rubric changed keeps its own scale: say it rather than mix scales.
  return maxTotal === rubric.maxTotal ? decimal(total) : `${decimal(total)} / ${decimal(maxTotal)}`;
}

/** The grade book as a CSV file's text: a row per student, a column per deliverable, the QCM, each competence. */
export function gradeBookCsv(book: readonly GradeBookEntry[], rubrics: readonly TRubric[]): string {
  const header = [
    'Élève',
    ...rubrics.map((rubric) => `${rubric.title} (/${decimal(rubric.maxTotal)})`),
    `QCM (/${QUIZ_SCALE})`,
    ...COMPETENCES,
  ];
  const rows = book.map((entry) => [
    entry.student.displayName,
    ...rubrics.map((rubric) => deliverableCell(rubric, entry.deliverables.get(rubric.kind))),
    entry.quiz && entry.quiz.maxScore > 0
      ? decimal((entry.quiz.score / entry.quiz.maxScore) * QUIZ_SCALE)
      : 'non passé',
    ...COMPETENCES.map((competence) => {
      const level = entry.competences[competence];
      return level ? LEVEL_TEXT[level] : '';
    }),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}
