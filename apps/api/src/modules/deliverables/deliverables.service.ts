import {
  checkPlacements,
  type TPlacementField,
  type TTemplate,
  templateFields,
  templateFor,
  validateAnswers,
  withoutMeasuredCells,
} from '@dlclass/content';
import {
  ErrorCode,
  type TAnswers,
  type TDeliverable,
  type TDeliverableStatus,
  type TPlacementCheck,
  type TSaveDeliverableRequest,
  type TSaveDeliverableResponse,
  type TSubmitDeliverableRequest,
  ZAnswers,
} from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { feedbackOf } from '../grading/grade.mapper';
import { type DeliverableRow, DeliverablesRepository } from './deliverables.repository';
import { citedRuns, measuredFacts } from './measured';

const NOT_SUBMITTABLE =
  'Cette activité ne se rend pas : vos réponses sont enregistrées automatiquement, elles suffisent.';
const NOTHING_TO_SUBMIT = "Il n'y a encore rien à rendre : enregistrez vos réponses d'abord.";
const NO_PLACEMENT = "Cette activité n'a pas de schéma à annoter.";
const NOT_YOUR_RUN = "Cette expérience n'est pas l'une des vôtres.";
const WRONG_KIND = {
  NETWORK: 'Choisissez un entraînement de réseau de neurones, pas un modèle classique.',
  CLASSICAL: 'Choisissez un modèle classique (atelier « Boîte noire »), pas un réseau de neurones.',
} as const;

const stale = (currentVersion: number) =>
  new DomainError(ErrorCode.StaleVersion, undefined, undefined, { currentVersion });

const placementFieldOf = (template: TTemplate): TPlacementField | undefined =>
  templateFields(template).find((field): field is TPlacementField => field.kind === 'placement');

/** The placements of the template's schema, checked (null when the template has no schema to annotate). */
function placementCheckOf(template: TTemplate, answers: TAnswers): TPlacementCheck | null {
  const field = placementFieldOf(template);
  if (!field) return null;
  const placements = answers[field.id];
  return checkPlacements(
    field,
    typeof placements === 'object' && !Array.isArray(placements) ? placements : {},
  );
}

const scoreOf = (check: TPlacementCheck | null) => (check ? check.correct / check.total : null);

/**
 * Deliverables and worksheets: one record per (student, activity), saved as drafts with a version that
 * grows by one with each accepted save. Every write is a single conditional statement, so two tabs (or
 * two requests racing) can never overwrite each other silently: the loser gets 409 STALE_VERSION.
 */
@Injectable()
export class DeliverablesService {
  constructor(
    private readonly repository: DeliverablesRepository,
    private readonly access: AccessService,
  ) {}

  async get(auth: AuthContext, activity: string): Promise<TDeliverable> {
    const template = this.templateOf(activity);
    return this.toDeliverable(template, auth.user.id, await this.repository.find(auth.user.id, activity));
  }

  async save(
    auth: AuthContext,
    activity: string,
    request: TSaveDeliverableRequest,
  ): Promise<TSaveDeliverableResponse> {
    const template = this.templateOf(activity);
    const answers = withoutMeasuredCells(template, request.answers);
    await this.checkAnswers(auth, template, answers);
    const userId = auth.user.id;
    const savedAt = new Date();
    const write = {
      userId,
      activity,
      answers,
      placementScore: scoreOf(placementCheckOf(template, answers)),
      savedAt,
    };
    if (request.version === 0) {
      // Starting work: refused in a locked phase (saving to work already started never is). A tab that
      // still believes nothing was saved is told the version it missed instead.
      if (!(await this.repository.find(userId, activity))) {
        await this.access.requireActivityOpen(auth, activity);
        if (await this.repository.createFirst({ ...write, classId: auth.user.classId })) {
          return { version: 1, savedAt: savedAt.toISOString() };
        }
      }
    } else if (await this.repository.saveIfCurrent({ ...write, expectedVersion: request.version })) {
      return { version: request.version + 1, savedAt: savedAt.toISOString() };
    }
    throw await this.refusal(userId, activity);
  }

  async submit(
    auth: AuthContext,
    activity: string,
    request: TSubmitDeliverableRequest,
  ): Promise<TDeliverable> {
    const template = this.templateOf(activity);
    if (!template.submittable) throw new DomainError(ErrorCode.ValidationFailed, NOT_SUBMITTABLE);
    const userId = auth.user.id;
    const submitted = await this.repository.submitIfCurrent(userId, activity, request.version, new Date());
    const row = await this.repository.find(userId, activity);
    if (!row) throw new DomainError(ErrorCode.ValidationFailed, NOTHING_TO_SUBMIT);
    // Submitting the version already submitted again (a retry, a second tab) is a no-op.
    const alreadySubmitted = row.submittedVersion === request.version && row.version === request.version;
    if (!submitted && !(alreadySubmitted && isLocked(row))) {
      throw row.version !== request.version
        ? stale(row.version)
        : new DomainError(ErrorCode.DeliverableLocked);
    }
    return this.toDeliverable(template, userId, row);
  }

  async checkPlacement(auth: AuthContext, activity: string): Promise<TPlacementCheck> {
    const template = this.templateOf(activity);
    const row = await this.repository.find(auth.user.id, activity);
    const check = placementCheckOf(template, answersOf(template, row));
    if (!check) throw new DomainError(ErrorCode.ValidationFailed, NO_PLACEMENT);
    return check;
  }

  /** A student's record of an activity as they see it (for their teacher's grading page). */
  async describe(userId: string, activity: string): Promise<TDeliverable> {
    return this.toDeliverable(
      this.templateOf(activity),
      userId,
      await this.repository.find(userId, activity),
    );
  }

  private templateOf(activity: string): TTemplate {
    const template = templateFor(activity);
    if (!template) throw new DomainError(ErrorCode.NotFound);
    return template;
  }

  /** Form and ids against the template, then every cited run must be the student's own, of the field's kind. */
  private async checkAnswers(auth: AuthContext, template: TTemplate, answers: TAnswers): Promise<void> {
    const problems = validateAnswers(template, answers);
    if (problems.length > 0) throw new DomainError(ErrorCode.ValidationFailed, undefined, problems);
    const cited = templateFields(template).flatMap((field) =>
      citedRuns(field, answers[field.id]).map((runId) => ({
        field: `answers.${field.id}`,
        runId,
        kind:
          field.kind === 'run' && field.runKind === 'classical'
            ? ('CLASSICAL' as const)
            : ('NETWORK' as const),
      })),
    );
    const own = await this.access.checkAccess(
      auth,
      Permission.ExperimentUse,
      cited.map((c) => c.runId),
    );
    const foreign = cited.filter((c) => !own.has(c.runId));
    if (foreign.length > 0) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        undefined,
        foreign.map((c) => ({ field: c.field, message: NOT_YOUR_RUN })),
      );
    }
    const kinds = await this.repository.runKinds(cited.map((c) => c.runId));
    const mismatched = cited.filter((c) => kinds.get(c.runId) !== c.kind);
    if (mismatched.length > 0) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        undefined,
        mismatched.map((c) => ({ field: c.field, message: WRONG_KIND[c.kind] })),
      );
    }
  }

  /** Why a conditional write matched nothing: a newer version exists, or the record is locked. */
  private async refusal(userId: string, activity: string): Promise<DomainError> {
    const row = await this.repository.find(userId, activity);
    if (row && isLocked(row)) return new DomainError(ErrorCode.DeliverableLocked);
    return stale(row?.version ?? 0);
  }

  private async toDeliverable(
    template: TTemplate,
    userId: string,
    row: DeliverableRow | null,
  ): Promise<TDeliverable> {
    const answers = answersOf(template, row);
    const runIds = templateFields(template).flatMap((field) => citedRuns(field, answers[field.id]));
    const runs = await this.repository.findRuns(userId, [...new Set(runIds)]);
    const status: TDeliverableStatus = row ? (row.status.toLowerCase() as TDeliverableStatus) : 'draft';
    return {
      id: row?.id ?? null,
      activity: template.id,
      submittable: template.submittable,
      status,
      version: row?.version ?? 0,
      answers,
      measured: measuredFacts(template, answers, new Map(runs.map((run) => [run.id, run]))),
      // The score is shown once handed in; before that the student checks when they choose to.
      placementCheck: status === 'draft' ? null : placementCheckOf(template, answers),
      updatedAt: row?.updatedAt.toISOString() ?? null,
      submittedAt: row?.submittedAt?.toISOString() ?? null,
      returnedAt: row?.returnedAt?.toISOString() ?? null,
      feedback: row ? feedbackOf(row.status, row.grade) : null,
    };
  }
}

const isLocked = (row: DeliverableRow) => row.status === 'SUBMITTED' || row.status === 'FINALISED';

/**
 * The stored answers (written only after validation; read back through the same schema), without the cells
 * the template has measured since they were written.
 */
function answersOf(template: TTemplate, row: DeliverableRow | null): TAnswers {
  if (!row) return {};
  const parsed = ZAnswers.safeParse(row.answers);
  return parsed.success ? withoutMeasuredCells(template, parsed.data) : {};
}
