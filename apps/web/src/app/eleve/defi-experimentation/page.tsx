import { MISSIONS, templateFor } from '@dlclass/content';
import { notFound, redirect } from 'next/navigation';
import { glossedTexts } from '@/components/lesson/GlossaryText';
import { GuidedChallenge } from '@/components/lesson/GuidedChallenge';
import { getCurrentUser } from '@/lib/server-api';

export default async function GuidedChallengePage() {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  if (user.role !== 'student') redirect('/enseignant');
  const template = templateFor('defi-experimentation');
  if (!template) notFound();
  const texts = glossedTexts([template.intro, ...MISSIONS.map((mission) => mission.instructions)]);
  return <GuidedChallenge missions={MISSIONS} template={template} userId={user.id} texts={texts} />;
}
