import type { TRole } from '@dlclass/contracts';

/** Who is calling, as established by the auth guard (authentication only: no permission here). */
export interface AuthContext {
  readonly sessionId: string;
  readonly user: {
    readonly id: string;
    readonly role: TRole;
    readonly displayName: string;
    readonly email: string | null;
    readonly classId: string | null;
    readonly className: string | null;
  };
}

/** Resolves a bearer token to its session; implemented by the auth module. */
export abstract class SessionAuthenticator {
  abstract authenticate(token: string): Promise<AuthContext | null>;
}
