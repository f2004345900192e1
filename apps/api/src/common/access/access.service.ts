import { ErrorCode } from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/auth.types';
import { DomainError } from '../errors';
import { AccessRepository } from './access.repository';
import { Permission } from './permission';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
        if (user.role !== 'teacher') return new Set();
        return new Set(await this.repository.classesTaughtBy(user.id, wanted));
    }
  }

  /** Throws NOT_FOUND unless the caller may act on every id with `permission`. */
  async requireAccess(auth: AuthContext, permission: Permission, ids: string | string[]): Promise<void> {
    const list = typeof ids === 'string' ? [ids] : ids;
    const granted = await this.checkAccess(auth, permission, list);
    if (list.some((id) => !granted.has(id))) throw new DomainError(ErrorCode.NotFound);
  }
}
