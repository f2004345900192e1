import { Suspense } from 'react';
import { ScopedExperimentWall } from '@/components/teacher/wall/ExperimentWall';
import { getTranslator } from '@/i18n/server';
import { requireStaff } from '@/lib/server-api';

export default async function ExperimentWallPage() {
  await requireStaff();
  const t = await getTranslator();
  return (
    <>
      <h1>{t('wall.title')}</h1>
      {/* the class comes from the query string (useSearchParams), read on the client */}
      <Suspense>
        <ScopedExperimentWall />
      </Suspense>
    </>
  );
}
