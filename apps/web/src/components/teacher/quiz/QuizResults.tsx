'use client';

import { LoadState } from '@/components/LoadState';
import { Stats } from '@/components/Stats';
import { ClassScope } from '@/components/teacher/ClassScope';
import { useI18n } from '@/i18n/client';
import { formatNumber } from '@/lib/format';
import { teacherQuizApi } from '@/lib/teacherQuizApi';
import { useApiData } from '@/lib/useApiData';
import { QuizQuestionCard } from './QuizQuestionCard';
import { QuizStudentsTable } from './QuizStudentsTable';

/** Students submit while the teacher watches: the results are read again this often. */
const REFRESH_MS = 10_000;

/** The class's QCM results: the counted marks, the class's mean and median, the analysis of each question. */
export function QuizResults({ classId }: { classId: string }) {
  const { t, locale } = useI18n();
  const { data, error } = useApiData(() => teacherQuizApi.results(classId), REFRESH_MS);
  const on20 = (value: number | null) =>
    value === null
      ? t('common.none')
      : t('quizResults.summary.on20', { value: formatNumber(locale, value, 2) });

  return (
    <div className="quiz-results" data-testid="quiz-results">
      <p className="muted">{t('quizResults.intro')}</p>
      <LoadState loaded={data !== null} error={error} />
      {data && (
        <>
          <Stats
            testId="quiz-summary"
            items={[
              {
                label: t('quizResults.summary.submitted'),
                value: t('quizResults.summary.submittedValue', {
                  count: data.summary.submitted,
                  total: data.students.length,
                }),
                testId: 'quiz-submitted',
                dataValue: data.summary.submitted,
              },
              {
                label: t('quizResults.summary.mean'),
                value: on20(data.summary.mean),
                big: true,
                testId: 'quiz-mean',
                dataValue: data.summary.mean ?? '',
              },
              {
                label: t('quizResults.summary.median'),
                value: on20(data.summary.median),
                big: true,
                testId: 'quiz-median',
                dataValue: data.summary.median ?? '',
              },
            ]}
          />
          <QuizStudentsTable students={data.students} />
          <section className="card" aria-labelledby="quiz-questions-title">
            <h2 id="quiz-questions-title">{t('quizResults.questions.title')}</h2>
            <details className="quiz-help">
              <summary>{t('quizResults.help.title')}</summary>
              <p>{t('quizResults.help.facility')}</p>
              <p>{t('quizResults.help.options')}</p>
              <p>{t('quizResults.help.discrimination')}</p>
            </details>
            {data.questions.length === 0 ? (
              <p className="muted">{t('quizResults.questions.empty')}</p>
            ) : (
              <ol className="quiz-questions">
                {data.questions.map((question, index) => (
                  <QuizQuestionCard
                    key={question.questionId}
                    question={question}
                    number={index + 1}
                    minStudents={data.discriminationMinStudents}
                  />
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}

/**
 * The results of the class picked in the teacher's class scope. Rendered from here, a client component, because
 * the scope's render prop is a function, which a server page cannot hand to a client component.
 */
export function ScopedQuizResults() {
  return <ClassScope>{(schoolClass) => <QuizResults classId={schoolClass.id} />}</ClassScope>;
}
