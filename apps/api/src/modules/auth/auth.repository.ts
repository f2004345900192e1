import { createSession, type Prisma, type PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';
import { unlessTaken } from '../../common/infra/unique-violation';

const userWithClass = {
  id: true,
  role: true,
  displayName: true,
  email: true,
  classId: true,
  class: { select: { name: true } },
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof userWithClass }>;
interface SessionRow {
  sessionId: string;
  expiresAt: Date;
  className: string | null;
}
export type CredentialRow = UserRow & { passwordHash: string | null; pinHash: string | null };

@Injectable()
export class AuthRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /**
   * The session and its user in one round trip: every authenticated request starts here, and the nested
   * select Prisma would send as three queries was most of the API's database time under a class's autosaves.
   * It selects the columns of `userWithClass`: a field added there must be added here.
   */
  async findSession(tokenHash: string): Promise<{ id: string; expiresAt: Date; user: UserRow } | null> {
    const [row] = await this.prisma.$queryRaw<(Omit<UserRow, 'class'> & SessionRow)[]>`
      SELECT s.id AS "sessionId", s."expiresAt", u.id, u.role::text AS role, u."displayName", u.email,
             u."classId", c.name AS "className"
      FROM "Session" s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "Class" c ON c.id = u."classId"
      WHERE s."tokenHash" = ${tokenHash}`;
    if (!row) return null;
    const { sessionId, expiresAt, className, ...user } = row;
    return {
      id: sessionId,
      expiresAt,
      user: { ...user, class: className === null ? null : { name: className } },
    };
  }

  /** Stores a new session; returns its bearer token (only the token's hash is stored). */
  async createSession(userId: string, ttlMs: number): Promise<string> {
    return (await createSession(this.prisma, userId, ttlMs)).token;
  }

  async deleteSession(id: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id } });
  }

  async findStaffByEmail(email: string): Promise<CredentialRow | null> {
    return this.prisma.user.findFirst({
      where: { email, role: { in: ['TEACHER', 'ADMIN'] } },
      select: { ...userWithClass, passwordHash: true, pinHash: true },
    });
  }

  async findClassByCode(code: string): Promise<{ id: string; name: string; archivedAt: Date | null } | null> {
    return this.prisma.class.findUnique({
      where: { code },
      select: { id: true, name: true, archivedAt: true },
    });
  }

  async findStudent(classId: string, displayKey: string): Promise<CredentialRow | null> {
    return this.prisma.user.findUnique({
      where: { classId_displayKey: { classId, displayKey } },
      select: { ...userWithClass, passwordHash: true, pinHash: true },
    });
  }

  /** Creates the student; returns null when the same name was created concurrently. */
  async createStudent(input: {
    classId: string;
    displayName: string;
    displayKey: string;
    pinHash: string;
  }): Promise<CredentialRow | null> {
    return unlessTaken(() =>
      this.prisma.user.create({
        data: { role: 'STUDENT', ...input },
        select: { ...userWithClass, passwordHash: true, pinHash: true },
      }),
    );
  }
}
