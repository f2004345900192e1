import { randomInt } from 'node:crypto';
import {
  ErrorCode,
  type TClass,
  type TCreateClassRequest,
  type TPinReset,
  type TRosterStudent,
  type TSeedMode,
  type TUpdateClassRequest,
} from '@dlclass/contracts';
import { hashSecret, SeedMode } from '@dlclass/db';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { createLogger } from '../../common/logger';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { ClassesRepository } from './classes.repository';

/** Join codes: letters and digits that cannot be misread on a projector (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
/** A clash among 31^8 codes is rare; a few draws make failing one astronomically unlikely. */
const CODE_DRAWS = 5;
const PIN_DIGITS = 6;
const SEED_MODES = { class: SeedMode.CLASS, student: SeedMode.STUDENT } as const satisfies Record<
  TSeedMode,
  SeedMode
>;

const draw = (alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

@Injectable()
export class ClassesService {
  private readonly logger = createLogger(ClassesService.name);

  constructor(
    private readonly repository: ClassesRepository,
    private readonly access: AccessService,
    private readonly realtime: RealtimePublisher,
  ) {}

  /** A teacher's classes (an admin sees all; a student none: they never see class codes). */
  async list(auth: AuthContext): Promise<TClass[]> {
    switch (auth.user.role) {
      case 'admin':
        return this.repository.list(null);
      case 'teacher':
        return this.repository.list(auth.user.id);
      default:
        return [];
    }
  }

  /** A new class of the caller (a teacher or an admin), with a fresh join code. */
  async create(auth: AuthContext, request: TCreateClassRequest): Promise<TClass> {
    if (auth.user.role === 'student') throw new DomainError(ErrorCode.Forbidden);
    const created = await this.withFreshCode((code) =>
      this.repository.create({ teacherId: auth.user.id, name: request.name, code }),
    );
    this.logger.info({ classId: created.id, teacherId: auth.user.id }, 'Class created');
    return created;
  }

  async update(auth: AuthContext, classId: string, request: TUpdateClassRequest): Promise<TClass> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    const archivedAt = request.archived === undefined ? undefined : request.archived ? new Date() : null;
    return this.repository.update(classId, {
      ...(request.name === undefined ? {} : { name: request.name }),
      ...(archivedAt === undefined ? {} : { archivedAt }),
      ...(request.seedMode === undefined ? {} : { seedMode: SEED_MODES[request.seedMode] }),
    });
  }

  /** A new join code: the old one stops working at once (students already in the class stay). */
  async regenerateCode(auth: AuthContext, classId: string): Promise<TClass> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    return this.withFreshCode((code) => this.repository.setCode(classId, code));
  }

  async roster(auth: AuthContext, classId: string): Promise<TRosterStudent[]> {
    await this.access.requireAccess(auth, Permission.ClassRead, classId);
    return this.repository.roster(classId);
  }

  /** A new random PIN for a student who forgot theirs: shown to the teacher once, only its hash is kept. */
  async resetPin(auth: AuthContext, classId: string, studentId: string): Promise<TPinReset> {
    await this.requireStudent(auth, classId, studentId);
    const pin = draw('0123456789', PIN_DIGITS);
    await this.repository.setPinHash(studentId, await hashSecret(pin));
    this.logger.info({ classId, studentId, by: auth.user.id }, 'Student PIN reset');
    return { pin };
  }

  /** Removes the student and all their work; their open pages are signed out at once. */
  async removeStudent(auth: AuthContext, classId: string, studentId: string): Promise<void> {
    await this.requireStudent(auth, classId, studentId);
    for (const sessionId of await this.repository.deleteStudent(studentId)) {
      this.realtime.disconnectSession(sessionId);
    }
    this.realtime.emitToClassTeachers(classId, 'class:roster-changed', { classId });
    this.logger.info({ classId, studentId, by: auth.user.id }, 'Student removed');
  }

  private async requireStudent(auth: AuthContext, classId: string, studentId: string): Promise<void> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    const known =
      z.uuid().safeParse(studentId).success && (await this.repository.isStudentOf(classId, studentId));
    if (!known) throw new DomainError(ErrorCode.NotFound);
  }

  private async withFreshCode(write: (code: string) => Promise<TClass | null>): Promise<TClass> {
    for (let attempt = 0; attempt < CODE_DRAWS; attempt++) {
      const written = await write(draw(CODE_ALPHABET, CODE_LENGTH));
      if (written) return written;
    }
    throw new Error(`no free class code after ${CODE_DRAWS} draws`);
  }
}
