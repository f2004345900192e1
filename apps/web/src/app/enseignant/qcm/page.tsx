import { Suspense } from 'react';
import { ScopedQuizResults } from '@/components/teacher/quiz/QuizResults';
import { getTranslator } from '@/i18n/server';
import { requireStaff } from '@/lib/server-api';

export default async function QuizResultsPage() {
  await requireStaff();
  const t = await getTranslator();
  return (
    <>
      <h1>{t('quizResults.title')}</h1>
      {/* the class comes from the query string (useSearchParams), read on the client */}
      <Suspense>
        <ScopedQuizResults />
      </Suspense>
    </>
  );
}
