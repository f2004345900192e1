import { DEMOS, templateFor } from '@dlclass/content';
import { notFound, redirect } from 'next/navigation';
import { Demonstrations } from '@/components/lesson/Demonstrations';
import { getCurrentUser } from '@/lib/server-api';

export default async function DemonstrationsPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  if (user.role !== 'student') redirect('/enseignant');
  const template = templateFor('demonstrations');
  if (!template) notFound();
  return <Demonstrations demos={DEMOS} template={template} userId={user.id} />;
}
