import { SEANCE_1 } from '@dlclass/content';
import { redirect } from 'next/navigation';
import { PhaseLocks } from '@/components/lesson/PhaseLocks';
import { TeacherDashboard } from '@/components/TeacherDashboard';
import { QuizImport } from '@/components/teacher/QuizImport';
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
      <TeacherDashboard />
      <PhaseLocks lesson={SEANCE_1} />
      <QuizImport />
    </>
  );
}
