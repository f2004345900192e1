import { redirect } from 'next/navigation';
import { Generalisation } from '@/components/phase2/Generalisation';
import { pairFromQuery } from '@/components/phase2/pair-query';
import { getCurrentUser } from '@/lib/server-api';

export default async function GeneralisationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  if (user.role !== 'student') redirect('/enseignant');
  return <Generalisation initial={pairFromQuery(await searchParams)} />;
}
