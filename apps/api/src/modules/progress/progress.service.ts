import { ErrorCode, type TClassPresence, type TClassProgress } from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { ContentService } from '../content/content.service';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { ProgressRepository } from './progress.repository';

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The teacher's live view of a class: who is online, and where each student is in the lesson. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly repository: ProgressRepository,
    private readonly access: AccessService,
    private readonly content: ContentService,
    private readonly realtime: RealtimePublisher,
  ) {}

  /** Every student of the class, sorted by name: online or not, last worked when, each activity's status. */
  async classProgress(auth: AuthContext, classId: string): Promise<TClassProgress> {
    this.requireStaff(auth);
    await this.access.requireAccess(auth, Permission.ClassRead, classId);
    const students = await this.repository.students(classId);
    const progress = await this.content.progressOf(students.map((student) => student.id));
    const online = (await this.realtime.onlineStudents([classId])).get(classId);
    return {
      classId,
      students: students
        .sort((a, b) => byName.compare(a.displayName, b.displayName) || a.id.localeCompare(b.id))
        .map((student) => {
          const of = progress.get(student.id);
          return {
            id: student.id,
            name: student.displayName,
            online: online?.has(student.id) ?? false,
            lastActivityAt: of?.lastActivityAt?.toISOString() ?? null,
            activities: of?.progress ?? {},
          };
        }),
    };
  }

  /** The online students of each of the caller's classes (a teacher's own; an admin's, every class). */
  async presence(auth: AuthContext): Promise<TClassPresence[]> {
    this.requireStaff(auth);
    const classIds = await this.repository.classIds(auth.user.role === 'admin' ? null : auth.user.id);
    const online = await this.realtime.onlineStudents(classIds);
    return classIds.map((classId) => ({ classId, online: [...(online.get(classId) ?? [])] }));
  }

  /** A class's progress and presence are its teachers' business: a student is told so. */
  private requireStaff(auth: AuthContext): void {
    if (auth.user.role === 'student') throw new DomainError(ErrorCode.Forbidden);
  }
}
