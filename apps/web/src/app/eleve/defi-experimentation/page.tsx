import { MISSIONS, templateFor } from '@dlclass/content';
import { notFound, redirect } from 'next/navigation';
import { GuidedChallenge } from '@/components/lesson/GuidedChallenge';
import { getCurrentUser } from '@/lib/server-api';

export default async function GuidedChallengePage() {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  if (user.role !== 'student') redirect('/enseignant');
  const template = templateFor('defi-experimentation');
  if (!template) notFound();
  return <GuidedChallenge missions={MISSIONS} template={template} userId={user.id} />;
}
