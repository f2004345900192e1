import { SEANCE_1 } from '@dlclass/content';
import { TeacherDashboard } from '@/components/TeacherDashboard';
import { getTranslator } from '@/i18n/server';
import { requireStaff } from '@/lib/server-api';

export default async function TeacherPage() {
  await requireStaff();
  const t = await getTranslator();
  return (
    <>
      <h1>{t('teacher.title')}</h1>
      <TeacherDashboard lesson={SEANCE_1} />
    </>
  );
}
