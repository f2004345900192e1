import type { TUser } from '@dlclass/contracts';

/** Where a signed-in user lands: the student space, the teacher dashboard, or the admin page. */
export function homeFor(user: Pick<TUser, 'role'>): string {
  if (user.role === 'admin') return ADMIN_HOME;
  return user.role === 'student' ? '/eleve' : TEACHER_HOME;
}

export const TEACHER_HOME = '/enseignant';
export const ADMIN_HOME = '/admin';
