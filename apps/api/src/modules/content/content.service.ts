import { SEANCE_1, templateFor } from '@dlclass/content';
import {
  DEFAULT_CLASS_RUN_DEFAULTS,
  ErrorCode,
  type TBroadcast,
  type TBroadcastRequest,
  type TClassRunDefaults,
  type TLessonQuery,
  type TLessonState,
  type TSetPhaseLockRequest,
  ZBroadcast,
  ZClassRunDefaults,
} from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { assertTrainable } from '../experiments/experiment-spec.validation';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { type ClassLessonRow, ContentRepository, type StudentActivityRows } from './content.repository';
import { lessonProgress, type ProgressFacts } from './lesson-progress';

const CLASS_REQUIRED = 'Indiquez la classe (?classId=).';

/** The lesson as a class lives it: which phases are open, and each student's progress. */
@Injectable()
export class ContentService {
  constructor(
    private readonly repository: ContentRepository,
    private readonly access: AccessService,
    private readonly realtime: RealtimePublisher,
  ) {}

  /** A student: their class and their progress. A teacher or admin: the named class, no progress. */
  async lesson(auth: AuthContext, query: TLessonQuery): Promise<TLessonState> {
    if (auth.user.role === 'student') {
      const classId = auth.user.classId;
      const lesson = classId ? await this.repository.classLesson(classId) : null;
      if (!classId || !lesson) throw new DomainError(ErrorCode.NotFound);
      const [mine] = (await this.progressOf([auth.user.id])).values();
      return { ...lessonState(classId, lesson), progress: mine?.progress ?? {} };
    }
    if (!query.classId) {
      throw new DomainError(ErrorCode.ValidationFailed, CLASS_REQUIRED, [
        { field: 'classId', message: CLASS_REQUIRED },
      ]);
    }
    await this.access.requireAccess(auth, Permission.ClassRead, query.classId);
    return lessonState(query.classId, await this.requireLesson(query.classId));
  }

  /** The teacher locks or opens a phase; the class's students and teachers hear it at once. */
  async setPhaseLock(
    auth: AuthContext,
    classId: string,
    phaseNumber: string,
    request: TSetPhaseLockRequest,
  ): Promise<TLessonState> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    const phase = SEANCE_1.phases.find((p) => String(p.number) === phaseNumber);
    if (!phase) throw new DomainError(ErrorCode.NotFound);
    if (!(await this.repository.setPhaseLock(classId, phase.number, request.locked))) {
      throw new DomainError(ErrorCode.NotFound);
    }
    const state = lessonState(classId, await this.requireLesson(classId));
    this.realtime.emitToClass(classId, 'lesson:phases', { classId, phases: state.phases });
    return state;
  }

  /**
   * The teacher's message and/or model to the whole class: kept as the class's latest broadcast (a student
   * who arrives later sees it) and sent live to its students and teachers. A model must be trainable.
   */
  async broadcast(auth: AuthContext, classId: string, request: TBroadcastRequest): Promise<TLessonState> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    if (request.spec) assertTrainable(request.spec);
    const broadcast: TBroadcast = {
      message: request.message ?? null,
      spec: request.spec ?? null,
      from: auth.user.displayName,
      sentAt: new Date().toISOString(),
    };
    await this.repository.setBroadcast(classId, broadcast);
    this.realtime.emitToClass(classId, 'lesson:broadcast', { classId, ...broadcast });
    return lessonState(classId, await this.requireLesson(classId));
  }

  /** The teacher sets the run size the class's Hello World and guided challenge start from. */
  async setRunDefaults(
    auth: AuthContext,
    classId: string,
    runDefaults: TClassRunDefaults,
  ): Promise<TLessonState> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    if (!(await this.repository.setRunDefaults(classId, runDefaults)))
      throw new DomainError(ErrorCode.NotFound);
    return lessonState(classId, await this.requireLesson(classId));
  }

  private async requireLesson(classId: string): Promise<ClassLessonRow> {
    const lesson = await this.repository.classLesson(classId);
    if (!lesson) throw new DomainError(ErrorCode.NotFound);
    return lesson;
  }

  /**
   * Each student's progress in the lesson (the same rules for a student's own page and their teacher's
   * view of the class) and when they last worked.
   */
  async progressOf(userIds: string[]): Promise<Map<string, StudentProgressOf>> {
    const activity = await this.repository.studentsActivity(userIds, new Date());
    return new Map(
      [...activity].map(([userId, rows]) => [
        userId,
        {
          progress: lessonProgress(SEANCE_1, factsOf(rows), templateFor),
          lastActivityAt: rows.lastActivityAt,
        },
      ]),
    );
  }
}

export interface StudentProgressOf {
  progress: TLessonState['progress'];
  lastActivityAt: Date | null;
}

function factsOf(rows: StudentActivityRows): ProgressFacts {
  return {
    runs: rows.runs,
    quiz: rows.quiz,
    deliverables: new Map(
      rows.deliverables.map((row) => [
        row.activity,
        {
          submitted: row.status === 'SUBMITTED' || row.status === 'FINALISED',
          answered: new Set(row.answered),
        },
      ]),
    ),
  };
}

function lessonState(classId: string, lesson: ClassLessonRow): TLessonState {
  // a stored broadcast that no longer fits today's contract is left out rather than shown broken
  const broadcast = ZBroadcast.safeParse(lesson.broadcast);
  // a run size outside today's limits (or none set) gives way to the platform's
  const runDefaults = ZClassRunDefaults.safeParse(lesson.runDefaults);
  return {
    lessonId: SEANCE_1.id,
    classId,
    phases: SEANCE_1.phases.map((phase) => ({
      number: phase.number,
      locked: lesson.locked.includes(phase.number),
    })),
    broadcast: broadcast.success ? broadcast.data : null,
    progress: {},
    runDefaults: runDefaults.success ? runDefaults.data : DEFAULT_CLASS_RUN_DEFAULTS,
  };
}
