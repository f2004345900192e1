import type { TUser } from '@dlclass/contracts';

/** Where a signed-in user lands: the student space or the teacher dashboard. */
export function homeFor(user: Pick<TUser, 'role'>): string {
  return user.role === 'student' ? '/eleve' : '/enseignant';
}
