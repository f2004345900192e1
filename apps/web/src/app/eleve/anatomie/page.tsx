import { redirect } from 'next/navigation';
import { Anatomy } from '@/components/anatomy/Anatomy';
import { getCurrentUser } from '@/lib/server-api';

export default async function AnatomyPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  if (user.role !== 'student') redirect('/enseignant');
  return <Anatomy />;
}
