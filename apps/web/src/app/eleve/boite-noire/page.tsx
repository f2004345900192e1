import { redirect } from 'next/navigation';
import { BlackBox } from '@/components/phase2/BlackBox';
import { pairFromQuery } from '@/components/phase2/pair-query';
import { getCurrentUser } from '@/lib/server-api';

export default async function BlackBoxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  if (user.role !== 'student') redirect('/enseignant');
  return <BlackBox initial={pairFromQuery(await searchParams)} />;
}
