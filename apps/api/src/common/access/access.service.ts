import { SEANCE_1 } from '@dlclass/content';
import { ErrorCode } from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/auth.types';
import { DomainError } from '../errors';
import { AccessRepository } from './access.repository';
import { Permission } from './permission';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Activity slug → the number of the lesson phase it belongs to. */
const PHASE_OF_ACTIVITY: ReadonlyMap<string, number> = new Map(
  SEANCE_1.phases.flatMap((phase) => phase.activities.map((activity) => [activity.slug, phase.number])),
);

/**
 * The one access helper. Services call `requireAccess(auth, Permission.X, ids)`; a refusal is a
 * 404 NOT_FOUND, never a 403, so that nobody can probe which ids exist.
 */
@Injectable()
export class AccessService {
  constructor(private readonly repository: AccessRepository) {}

  /** The subset of `ids` the caller may act on with `permission`. */
  async checkAccess(auth: AuthContext, permission: Permission, ids: Iterable<string>): Promise<Set<string>> {
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    const { user } = auth;
    if (permission === Permission.ExperimentCreate) return new Set(wanted);
    if (wanted.length === 0) return new Set();
    // One's own work cites one's own runs only, whatever the role.
    if (permission === Permission.ExperimentUse) {
      return new Set(await this.repository.experimentsOwnedBy(user.id, wanted));
    }
    if (user.role === 'admin') return new Set(wanted);

    switch (permission) {
      case Permission.ExperimentRead:
      case Permission.ExperimentCancel: {
        const granted = new Set(await this.repository.experimentsOwnedBy(user.id, wanted));
        if (user.role === 'teacher' && granted.size < wanted.length) {
          const rest = wanted.filter((id) => !granted.has(id));
          for (const id of await this.repository.experimentsInClassesOf(user.id, rest)) granted.add(id);
        }
        return granted;
      }
      case Permission.ClassRead:
      case Permission.ClassManage:
        if (user.role !== 'teacher') return new Set();
        return new Set(await this.repository.classesTaughtBy(user.id, wanted));
    }
  }

  /**
   * Throws NOT_FOUND unless the caller may act on every id with `permission`. Managing a class is a
   * teacher's job: a student is told so (FORBIDDEN) rather than that the class does not exist.
   */
  async requireAccess(auth: AuthContext, permission: Permission, ids: string | string[]): Promise<void> {
    if (permission === Permission.ClassManage && auth.user.role === 'student') {
      throw new DomainError(ErrorCode.Forbidden);
    }
    const list = typeof ids === 'string' ? [ids] : ids;
    const granted = await this.checkAccess(auth, permission, list);
    if (list.some((id) => !granted.has(id))) throw new DomainError(ErrorCode.NotFound);
  }

  /** Platform administration (workers, queue, quotas, every class's runs): FORBIDDEN to anyone but an admin. */
  requireAdmin(auth: AuthContext): void {
    if (!this.isAdmin(auth)) throw new DomainError(ErrorCode.Forbidden);
  }

  isAdmin(auth: AuthContext): boolean {
    return auth.user.role === 'admin';
  }

  /**
   * Throws ACTIVITY_LOCKED when a student starts work in a phase their teacher has locked (starting only:
   * saves to work already started are always accepted, so nothing autosaved is ever lost). Teachers and
   * admins are never locked out.
   */
  async requireActivityOpen(auth: AuthContext, activity: string): Promise<void> {
    const { user } = auth;
    const phase = PHASE_OF_ACTIVITY.get(activity);
    if (user.role !== 'student' || !user.classId || phase === undefined) return;
    const locked = await this.repository.lockedPhases(user.classId);
    if (locked.includes(phase)) throw new DomainError(ErrorCode.ActivityLocked);
  }
}
