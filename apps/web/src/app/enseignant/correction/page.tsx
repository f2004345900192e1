import { Suspense } from 'react';
import { ScopedGradingWorkspace } from '@/components/teacher/grading/GradingWorkspace';
import { getTranslator } from '@/i18n/server';
import { requireStaff } from '@/lib/server-api';

export default async function GradingPage() {
  await requireStaff();
  const t = await getTranslator();
  return (
    <>
      <h1>{t('grading.page.title')}</h1>
      {/* the class comes from the query string (useSearchParams), read on the client */}
      <Suspense>
        <ScopedGradingWorkspace />
      </Suspense>
    </>
  );
}
