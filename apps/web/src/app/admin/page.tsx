import { redirect } from 'next/navigation';
import { AdminDashboard } from '@/components/admin/AdminDashboard';
import { getTranslator } from '@/i18n/server';
import { requireStaff } from '@/lib/server-api';

export default async function AdminPage() {
  const user = await requireStaff();
  if (user.role !== 'admin') redirect('/enseignant');
  const t = await getTranslator();
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <AdminDashboard />
    </>
  );
}
