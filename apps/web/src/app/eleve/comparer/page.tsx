import { redirect } from 'next/navigation';
import { RunComparison } from '@/components/lesson/RunComparison';
import { getCurrentUser } from '@/lib/server-api';

const RUN_ID = /^[0-9a-f-]{36}$/i;

export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<{ runs?: string | string[] }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  if (user.role !== 'student') redirect('/enseignant');
  const { runs } = await searchParams;
  const ids = [...new Set((typeof runs === 'string' ? runs : '').split(',').filter((id) => RUN_ID.test(id)))];
  return <RunComparison initialIds={ids} />;
}
