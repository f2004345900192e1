import { GRADED_KINDS } from '@dlclass/content';
import { WORKSHEET_ACTIVITY } from '@dlclass/contracts';
import { Suspense } from 'react';
import { ScopedGradingWorkspace } from '@/components/teacher/grading/GradingWorkspace';
import { publicTemplate } from '@/components/work/studentRoute';
import { getTranslator } from '@/i18n/server';
import { requireStaff } from '@/lib/server-api';

export default async function GradingPage() {
  const user = await requireStaff();
  const t = await getTranslator();
  // The graded activities' templates without the schema's answer key: the content package stays on the server.
  const templates = Object.fromEntries(
    GRADED_KINDS.map((kind) => [WORKSHEET_ACTIVITY[kind], publicTemplate(WORKSHEET_ACTIVITY[kind])]),
  );
  return (
    <>
      <h1>{t('grading.page.title')}</h1>
      {/* the class comes from the query string (useSearchParams), read on the client */}
      <Suspense>
        <ScopedGradingWorkspace templates={templates} userId={user.id} />
      </Suspense>
    </>
  );
}
