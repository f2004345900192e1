import { SEANCE_1, templateFor } from '@dlclass/content';
import {
  ErrorCode,
  type TLessonQuery,
  type TLessonState,
  type TSetPhaseLockRequest,
  ZAnswers,
} from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { ContentRepository } from './content.repository';
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
      const locked = classId ? await this.repository.lockedPhases(classId) : null;
      if (!classId || !locked) throw new DomainError(ErrorCode.NotFound);
      return { ...lessonState(classId, locked), progress: await this.progress(auth.user.id) };
    }
    if (!query.classId) {
      throw new DomainError(ErrorCode.ValidationFailed, CLASS_REQUIRED, [
        { field: 'classId', message: CLASS_REQUIRED },
      ]);
    }
    await this.access.requireAccess(auth, Permission.ClassRead, query.classId);
    const locked = await this.repository.lockedPhases(query.classId);
    if (!locked) throw new DomainError(ErrorCode.NotFound);
    return lessonState(query.classId, locked);
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
    const locked = await this.repository.setPhaseLock(classId, phase.number, request.locked);
    if (!locked) throw new DomainError(ErrorCode.NotFound);
    const state = lessonState(classId, locked);
    this.realtime.emitToClass(classId, 'lesson:phases', { classId, phases: state.phases });
    return state;
  }

  private async progress(userId: string): Promise<TLessonState['progress']> {
    const rows = await this.repository.studentActivity(userId, new Date());
    const facts: ProgressFacts = {
      runs: rows.runs,
      quiz: rows.quiz,
      deliverables: new Map(
        rows.deliverables.map((row) => {
          const answers = ZAnswers.safeParse(row.answers);
          return [
            row.activity,
            {
              submitted: row.status === 'SUBMITTED' || row.status === 'FINALISED',
              answers: answers.success ? answers.data : {},
            },
          ];
        }),
      ),
    };
    return lessonProgress(SEANCE_1, facts, templateFor);
  }
}

function lessonState(classId: string, locked: number[]): TLessonState {
  return {
    lessonId: SEANCE_1.id,
    classId,
    phases: SEANCE_1.phases.map((phase) => ({ number: phase.number, locked: locked.includes(phase.number) })),
    progress: {},
  };
}
