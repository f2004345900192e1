import { DEMOS, templateFor } from '@dlclass/content';
import { notFound, redirect } from 'next/navigation';
import { Demonstrations } from '@/components/lesson/Demonstrations';
import { glossedTexts } from '@/components/lesson/GlossaryText';
import { getCurrentUser } from '@/lib/server-api';

export default async function DemonstrationsPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  if (user.role !== 'student') redirect('/enseignant');
  const template = templateFor('demonstrations');
  if (!template) notFound();
  const texts = glossedTexts(
    DEMOS.flatMap((demo) => [...demo.paragraphs, ...demo.examples.map((example) => example.caption)]),
  );
  return <Demonstrations demos={DEMOS} template={template} userId={user.id} texts={texts} />;
}
