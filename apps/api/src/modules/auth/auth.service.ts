import {
  ErrorCode,
  type TAuthResponse,
  type TJoinRequest,
  type TLoginRequest,
  type TRole,
  type TUser,
} from '@dlclass/contracts';
import { displayKeyOf, hashSecret, hashSessionToken, SESSION_TTL_MS, verifySecret } from '@dlclass/db';
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth.types';
import { SessionAuthenticator } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { createLogger } from '../../common/logger';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { AuthRepository, type CredentialRow, type UserRow } from './auth.repository';
import { failedAttemptsKey, LoginAttempts } from './login-attempts';

const STAFF_TOO_MANY_ATTEMPTS = 'Trop de tentatives incorrectes. Réessayez dans 15 minutes.';

/** Compared against when the account does not exist, so that both failures take the same time. */
let dummyHash: Promise<string> | undefined;
async function checkSecret(secret: string, hash: string | null | undefined): Promise<boolean> {
  if (hash) return verifySecret(secret, hash);
  dummyHash ??= hashSecret('not-a-real-secret');
  await verifySecret(secret, await dummyHash);
  return false;
}

export function toUser(row: UserRow): TUser {
  return {
    id: row.id,
    role: row.role.toLowerCase() as TRole,
    displayName: row.displayName,
    email: row.email,
    classId: row.classId,
    className: row.class?.name ?? null,
  };
}

@Injectable()
export class AuthService extends SessionAuthenticator {
  private readonly logger = createLogger(AuthService.name);

  constructor(
    private readonly repository: AuthRepository,
    private readonly attempts: LoginAttempts,
    private readonly realtime: RealtimePublisher,
  ) {
    super();
  }

  async authenticate(token: string): Promise<AuthContext | null> {
    if (token.length > 200) return null;
    const session = await this.repository.findSession(hashSessionToken(token));
    if (!session || session.expiresAt.getTime() <= Date.now()) return null;
    return { sessionId: session.id, user: toUser(session.user) };
  }

  async login(request: TLoginRequest): Promise<TAuthResponse> {
    const attemptsKey = failedAttemptsKey({ email: request.email });
    await this.attempts.begin(attemptsKey, STAFF_TOO_MANY_ATTEMPTS);
    const user = await this.repository.findStaffByEmail(request.email);
    const ok = await checkSecret(request.password, user?.passwordHash);
    if (!user || !ok) throw new DomainError(ErrorCode.InvalidCredentials);
    await this.attempts.succeeded(attemptsKey);
    return this.openSession(user);
  }

  /** First use creates the student; later uses with the same code, name and PIN log them back in. */
  async join(request: TJoinRequest): Promise<TAuthResponse> {
    const klass = await this.repository.findClassByCode(request.classCode);
    if (!klass || klass.archivedAt) {
      const message = klass
        ? 'Cette classe est archivée : demandez à votre professeur le code de votre classe actuelle.'
        : 'Aucune classe ne correspond à ce code.';
      throw new DomainError(ErrorCode.ClassNotFound, message, [{ field: 'classCode', message }]);
    }
    const displayKey = displayKeyOf(request.displayName);
    const attemptsKey = failedAttemptsKey({ classId: klass.id, displayKey });
    // Counted before any bcrypt work: a locked account costs the server one Redis round trip.
    await this.attempts.begin(attemptsKey);
    let student = await this.repository.findStudent(klass.id, displayKey);
    if (!student) {
      const pinHash = await hashSecret(request.pin);
      student = await this.repository.createStudent({
        classId: klass.id,
        displayName: request.displayName.trim(),
        displayKey,
        pinHash,
      });
      if (student) {
        this.logger.info({ userId: student.id, classId: klass.id }, 'Student joined');
        this.realtime.emitToClassTeachers(klass.id, 'class:roster-changed', { classId: klass.id });
        await this.attempts.succeeded(attemptsKey);
        return this.openSession(student);
      }
      // Created by a concurrent request with the same name: fall through to the PIN check.
      student = await this.repository.findStudent(klass.id, displayKey);
    }
    const ok = await checkSecret(request.pin, student?.pinHash);
    if (!student || !ok) {
      throw new DomainError(
        ErrorCode.InvalidCredentials,
        'Ce nom est déjà utilisé dans la classe avec un autre code PIN.',
      );
    }
    await this.attempts.succeeded(attemptsKey);
    return this.openSession(student);
  }

  /** Deletes the session and closes the sockets opened with it (they would keep receiving events). */
  async logout(auth: AuthContext | undefined): Promise<void> {
    if (!auth) return;
    await this.repository.deleteSession(auth.sessionId);
    this.realtime.disconnectSession(auth.sessionId);
  }

  me(auth: AuthContext): TUser {
    return { ...auth.user };
  }

  get sessionMaxAgeMs(): number {
    return SESSION_TTL_MS;
  }

  private async openSession(user: CredentialRow): Promise<TAuthResponse> {
    const token = await this.repository.createSession(user.id, this.sessionMaxAgeMs);
    return { token, user: toUser(user) };
  }
}
