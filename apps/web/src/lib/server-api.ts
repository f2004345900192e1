import { SESSION_COOKIE, type TUser } from '@dlclass/contracts';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';

const apiInternalUrl = () => (process.env.API_INTERNAL_URL ?? 'http://localhost:3001').replace(/\/$/, '');

/** The signed-in user, asked from the API with the browser's session cookie; null when signed out. */
export const getCurrentUser = cache(async (): Promise<TUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  try {
    const response = await fetch(`${apiInternalUrl()}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    if (!response.ok) return null;
    return (await response.json()) as TUser;
  } catch {
    return null;
  }
});

/** The signed-in teacher or admin; anyone else is sent to their own home (or to sign in). */
export async function requireStaff(): Promise<TUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/connexion');
  if (user.role === 'student') redirect('/eleve');
  return user;
}
