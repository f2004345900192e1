import { SEANCE_1 } from '@dlclass/content';
import { redirect } from 'next/navigation';
import { TeacherDashboard } from '@/components/TeacherDashboard';
import { getTranslator } from '@/i18n/server';
import { getCurrentUser } from '@/lib/server-api';

export default async function TeacherPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/connexion');
  if (user.role === 'student') redirect('/eleve');
  const t = await getTranslator();
  return (
    <>
      <h1>{t('teacher.title')}</h1>
      <TeacherDashboard lesson={SEANCE_1} />
    </>
  );
}
