import { competencesOf, DEFAULT_RUBRICS, GRADED_KINDS, templateFor } from '@dlclass/content';
import {
  ErrorCode,
  type TFieldError,
  type TGrade,
  type TGradingDetail,
  type TGradingItem,
  type TRubric,
  type TRubricCriterion,
  type TSaveGradeRequest,
  type TSaveRubricRequest,
  type TStudentReport,
  type TWorksheetKind,
  WORKSHEET_ACTIVITY,
  worksheetKindOf,
  ZRubricCriteria,
} from '@dlclass/contracts';
import type { Prisma } from '@dlclass/db';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { DeliverablesService } from '../deliverables/deliverables.service';
import { QuizService } from '../quiz/quiz.service';
import { toGrade, totalOf } from './grade.mapper';
import { gradeBook, gradeBookCsv, studentReport } from './grade-book';
import { type GradingItemRow, GradingRepository } from './grading.repository';

const GRADED_ACTIVITIES = GRADED_KINDS.map((kind) => WORKSHEET_ACTIVITY[kind]);

const NOT_HANDED_IN = "Ce livrable n'a pas été rendu : il n'y a rien à corriger.";
const BEING_REVISED =
  "L'élève révise ce travail : vous pourrez le finaliser quand il l'aura rendu à nouveau.";
const FINALISED_INCOMPLETE = 'Une note finalisée doit rester complète : notez chaque critère.';
const UNSCORED = 'Notez ce critère avant de finaliser.';

/** Submitted work first (the oldest first), then work being revised, then finalised work. */
const QUEUE_ORDER = { submitted: 0, returned: 1, finalised: 2 } as const;

/** A file name's part from a class name: "1SIO B" → "1sio-b". */
const fileSlug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'classe';

const maxTotalOf = (criteria: readonly TRubricCriterion[]) =>
  criteria.reduce((sum, criterion) => sum + criterion.points, 0);

/** The graded kind a `:kind` of the routes names (404, listing them, for any other). */
function gradedKind(kind: string): TWorksheetKind {
  const found = GRADED_KINDS.find((graded) => graded === kind);
  if (!found) {
    throw new DomainError(
      ErrorCode.NotFound,
      `Livrable noté inconnu « ${kind} » : ${GRADED_KINDS.join(', ')}.`,
    );
  }
  return found;
}

function toItem(row: GradingItemRow): TGradingItem {
  const kind = worksheetKindOf(row.activity);
  if (!kind || row.status === 'DRAFT') throw new Error(`not a graded deliverable: ${row.id}`);
  return {
    deliverableId: row.id,
    student: row.user,
    kind,
    title: templateFor(row.activity)?.title ?? row.activity,
    status: row.status === 'SUBMITTED' ? 'submitted' : row.status === 'RETURNED' ? 'returned' : 'finalised',
    submittedAt: row.submittedAt?.toISOString() ?? null,
    returnedAt: row.returnedAt?.toISOString() ?? null,
    total: row.grade?.total ?? null,
    maxTotal: row.grade?.maxTotal ?? null,
  };
}

/**
 * Grading: each class's rubric per graded deliverable (the lesson's default until the teacher writes their
 * own), the queue of handed-in work, the grade of one deliverable (scores per criterion, comments per
 * section, competence levels), then finalise it or return it for revision. Teachers of the class and the
 * admin only; the student sees the result through their deliverable's `feedback`.
 */
@Injectable()
export class GradingService {
  constructor(
    private readonly repository: GradingRepository,
    private readonly deliverables: DeliverablesService,
    private readonly access: AccessService,
    private readonly quiz: QuizService,
  ) {}

  async rubrics(auth: AuthContext, classId: string): Promise<TRubric[]> {
    await this.access.requireAccess(auth, Permission.ClassRead, classId);
    return this.classRubrics(classId);
  }

  async saveRubric(
    auth: AuthContext,
    classId: string,
    kind: string,
    request: TSaveRubricRequest,
  ): Promise<TRubric> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    const graded = gradedKind(kind);
    const assessed = competencesOf(WORKSHEET_ACTIVITY[graded]);
    const problems = request.criteria.flatMap((criterion, index): TFieldError[] =>
      criterion.competence && !assessed.includes(criterion.competence)
        ? [
            {
              field: `criteria.${index}.competence`,
              message: `Cette activité évalue ${assessed.join(', ')}, pas ${criterion.competence}.`,
            },
          ]
        : [],
    );
    if (problems.length > 0) throw new DomainError(ErrorCode.ValidationFailed, undefined, problems);
    await this.repository.saveRubric(classId, WORKSHEET_ACTIVITY[graded], request.criteria);
    return this.toRubric(graded, request.criteria);
  }

  async resetRubric(auth: AuthContext, classId: string, kind: string): Promise<TRubric> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    const graded = gradedKind(kind);
    await this.repository.deleteRubric(classId, WORKSHEET_ACTIVITY[graded]);
    return this.toRubric(graded, undefined);
  }

  async queue(auth: AuthContext, classId: string): Promise<TGradingItem[]> {
    await this.access.requireAccess(auth, Permission.ClassRead, classId);
    const items = (await this.repository.queue(classId, GRADED_ACTIVITIES)).map(toItem);
    return items.sort((a, b) => QUEUE_ORDER[a.status] - QUEUE_ORDER[b.status]);
  }

  async detail(auth: AuthContext, classId: string, deliverableId: string): Promise<TGradingDetail> {
    await this.access.requireAccess(auth, Permission.ClassRead, classId);
    return this.describe(classId, deliverableId);
  }

  async saveGrade(
    auth: AuthContext,
    classId: string,
    deliverableId: string,
    request: TSaveGradeRequest,
  ): Promise<TGrade> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    const item = await this.findItem(classId, deliverableId);
    const existing = await this.repository.findGrade(deliverableId);
    // A grade keeps the criteria it was started with: editing the rubric later does not move its points.
    const criteria = existing
      ? toGrade(existing).criteria
      : (await this.rubricOf(classId, item.kind)).criteria;
    const problems = gradeProblems(item.kind, criteria, request);
    if (problems.length > 0) throw new DomainError(ErrorCode.ValidationFailed, undefined, problems);
    const outcome = await this.repository.saveGrade({
      deliverableId,
      graderId: auth.user.id,
      grade: request,
      criteria,
      total: totalOf(criteria, request.scores),
      maxTotal: maxTotalOf(criteria),
    });
    if (outcome === 'not-handed-in') throw new DomainError(ErrorCode.GradingConflict, NOT_HANDED_IN);
    if (outcome === 'finalised-incomplete') {
      throw new DomainError(ErrorCode.ValidationFailed, FINALISED_INCOMPLETE, unscored(criteria, request));
    }
    const saved = await this.repository.findGrade(deliverableId);
    if (!saved) throw new DomainError(ErrorCode.GradingConflict);
    return toGrade(saved);
  }

  async finalise(auth: AuthContext, classId: string, deliverableId: string): Promise<TGradingDetail> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    const item = await this.findItem(classId, deliverableId);
    if (item.status !== 'finalised' && !(await this.repository.finalise(deliverableId, new Date()))) {
      if (item.status === 'returned') throw new DomainError(ErrorCode.GradingConflict, BEING_REVISED);
      const grade = await this.repository.findGrade(deliverableId);
      const criteria = grade ? toGrade(grade).criteria : (await this.rubricOf(classId, item.kind)).criteria;
      const scores = grade ? toGrade(grade).scores : {};
      throw new DomainError(ErrorCode.ValidationFailed, UNSCORED, unscored(criteria, { scores }));
    }
    return this.describe(classId, deliverableId);
  }

  /** Returns the work for revision: the student may edit it again and sees the comments (idempotent). */
  async giveBack(auth: AuthContext, classId: string, deliverableId: string): Promise<TGradingDetail> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    const item = await this.findItem(classId, deliverableId);
    if (item.status !== 'returned') await this.repository.giveBack(deliverableId, new Date());
    return this.describe(classId, deliverableId);
  }

  /** The class's grades as a CSV file (UTF-8 with BOM, `;`), named after the class. */
  async gradesCsv(auth: AuthContext, classId: string): Promise<{ fileName: string; csv: string }> {
    await this.access.requireAccess(auth, Permission.ClassRead, classId);
    const { className, book, rubrics } = await this.gradeBookOf(classId);
    return { fileName: `notes-${fileSlug(className)}.csv`, csv: gradeBookCsv(book, rubrics) };
  }

  /** One student's printable report: grades, comments, QCM and competences. */
  async report(auth: AuthContext, classId: string, studentId: string): Promise<TStudentReport> {
    await this.access.requireAccess(auth, Permission.ClassRead, classId);
    const { className, book, rubrics } = await this.gradeBookOf(classId);
    const entry = book.find((each) => each.student.id === studentId);
    if (!entry) throw new DomainError(ErrorCode.NotFound);
    return studentReport(entry, rubrics, className, new Date());
  }

  private async gradeBookOf(classId: string) {
    const [roster, graded, quiz, rubrics] = await Promise.all([
      this.repository.classRoster(classId),
      this.repository.graded(classId, GRADED_ACTIVITIES),
      this.quiz.scoresByStudent(classId),
      this.classRubrics(classId),
    ]);
    if (!roster) throw new DomainError(ErrorCode.NotFound);
    return { className: roster.name, book: gradeBook(roster.students, graded, quiz), rubrics };
  }

  /** The class's rubric of each graded kind: its own when it has one, else the lesson's default. */
  private async classRubrics(classId: string): Promise<TRubric[]> {
    const custom = await this.repository.rubrics(classId);
    return GRADED_KINDS.map((kind) => this.toRubric(kind, custom.get(WORKSHEET_ACTIVITY[kind])));
  }

  private async rubricOf(classId: string, kind: TWorksheetKind): Promise<TRubric> {
    const found = (await this.classRubrics(classId)).find((rubric) => rubric.kind === kind);
    if (!found) throw new DomainError(ErrorCode.NotFound);
    return found;
  }

  private toRubric(kind: TWorksheetKind, stored: Prisma.JsonValue | TRubricCriterion[] | undefined): TRubric {
    const activity = WORKSHEET_ACTIVITY[kind];
    const custom = stored === undefined ? null : ZRubricCriteria.parse(stored);
    const criteria = custom ?? DEFAULT_RUBRICS[kind] ?? [];
    return {
      kind,
      title: templateFor(activity)?.title ?? activity,
      criteria,
      maxTotal: maxTotalOf(criteria),
      custom: custom !== null,
      competences: competencesOf(activity),
    };
  }

  private async findItem(classId: string, deliverableId: string): Promise<TGradingItem> {
    const row = z.uuid().safeParse(deliverableId).success
      ? await this.repository.item(classId, deliverableId)
      : null;
    if (!row) throw new DomainError(ErrorCode.NotFound);
    return toItem(row);
  }

  private async describe(classId: string, deliverableId: string): Promise<TGradingDetail> {
    const item = await this.findItem(classId, deliverableId);
    const [deliverable, grade, rubric] = await Promise.all([
      this.deliverables.describe(item.student.id, WORKSHEET_ACTIVITY[item.kind]),
      this.repository.findGrade(deliverableId),
      this.rubricOf(classId, item.kind),
    ]);
    return { item, deliverable, rubric, grade: grade ? toGrade(grade) : null };
  }
}

/** What a grade may say: scores of its own criteria within their points, comments on the template's sections. */
function gradeProblems(
  kind: TWorksheetKind,
  criteria: readonly TRubricCriterion[],
  request: TSaveGradeRequest,
): TFieldError[] {
  const activity = WORKSHEET_ACTIVITY[kind];
  const points = new Map(criteria.map((criterion) => [criterion.id, criterion.points]));
  const sections = new Set(templateFor(activity)?.sections.map((section) => section.id));
  const assessed = competencesOf(activity);
  return [
    ...Object.entries(request.scores).flatMap(([id, score]): TFieldError[] => {
      const max = points.get(id);
      if (max === undefined) return [{ field: `scores.${id}`, message: `Critère inconnu « ${id} ».` }];
      return score > max
        ? [{ field: `scores.${id}`, message: `Ce critère est noté sur ${max} points au plus.` }]
        : [];
    }),
    ...Object.keys(request.sectionComments)
      .filter((id) => !sections.has(id))
      .map((id) => ({ field: `sectionComments.${id}`, message: `Section inconnue « ${id} ».` })),
    ...Object.keys(request.competences)
      .filter((competence) => !assessed.some((each) => each === competence))
      .map((competence) => ({
        field: `competences.${competence}`,
        message: `Ce livrable évalue ${assessed.join(', ')}, pas ${competence}.`,
      })),
  ];
}

const unscored = (
  criteria: readonly TRubricCriterion[],
  grade: Pick<TSaveGradeRequest, 'scores'>,
): TFieldError[] =>
  criteria
    .filter((criterion) => grade.scores[criterion.id] === undefined)
    .map((criterion) => ({ field: `scores.${criterion.id}`, message: UNSCORED }));
