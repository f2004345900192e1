import { ErrorCode, type THand, type TMyHand } from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { HandsRepository } from './hands.repository';

/** "Lever la main": a student asks for help, their class's teachers see it live and answer it. */
@Injectable()
export class HandsService {
  constructor(
    private readonly repository: HandsRepository,
    private readonly access: AccessService,
    private readonly realtime: RealtimePublisher,
  ) {}

  async mine(auth: AuthContext): Promise<TMyHand> {
    this.studentClass(auth);
    return { hand: await this.repository.openOf(auth.user.id) };
  }

  /** Raises the student's hand (raising it again while it is up changes nothing). */
  async raise(auth: AuthContext): Promise<THand> {
    const classId = this.studentClass(auth);
    const hand = await this.repository.raise(auth.user.id, classId);
    this.announce(hand);
    return hand;
  }

  async lower(auth: AuthContext): Promise<TMyHand> {
    this.studentClass(auth);
    const hand = await this.repository.lower(auth.user.id);
    if (hand) this.announce(hand);
    return { hand: null };
  }

  async openInClass(auth: AuthContext, classId: string): Promise<THand[]> {
    await this.access.requireAccess(auth, Permission.ClassRead, classId);
    return this.repository.openInClass(classId);
  }

  /** The teacher answers: the hand goes down and the student is told at once. */
  async acknowledge(auth: AuthContext, classId: string, handId: string): Promise<THand> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    const hand = z.uuid().safeParse(handId).success
      ? await this.repository.acknowledge(classId, handId)
      : null;
    if (!hand) throw new DomainError(ErrorCode.NotFound);
    this.announce(hand);
    return hand;
  }

  /** Only a student of a class raises a hand: a teacher asks nobody for help here. */
  private studentClass(auth: AuthContext): string {
    if (auth.user.role !== 'student' || !auth.user.classId) throw new DomainError(ErrorCode.Forbidden);
    return auth.user.classId;
  }

  private announce(hand: THand): void {
    this.realtime.emitToStudentAndTeachers(
      { userId: hand.studentId, classId: hand.classId },
      'hand:changed',
      hand,
    );
  }
}
