'use client';

import { COMPETENCES } from '@dlclass/contracts';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { LoadState } from '@/components/LoadState';
import { competenceName, GradeResult } from '@/components/work/Feedback';
import { useI18n } from '@/i18n/client';
import { formatDateTime, formatNumber } from '@/lib/format';
import { gradingApi } from '@/lib/gradingApi';
import { useApiData } from '@/lib/useApiData';
import { CLASS_PARAM } from '../ClassScope';

/** A student's report, laid out for paper: grades with comments, the QCM, the competences. */
export function StudentReportView({
  sectionTitles,
}: {
  /** Graded kind → section id → section title. */
  sectionTitles: Record<string, Record<string, string>>;
}) {
  const { t, locale } = useI18n();
  const params = useSearchParams();
  const classId = params.get(CLASS_PARAM) ?? '';
  const studentId = params.get('eleve') ?? '';
  const { data: report, error } = useApiData(() => gradingApi.report(classId, studentId));
  if (!report) return <LoadState loaded={false} error={error} />;
  return (
    <article className="report" data-testid="student-report">
      <p className="no-print">
        <Link href={`/enseignant/correction?${CLASS_PARAM}=${encodeURIComponent(classId)}`}>
          {t('grading.report.back')}
        </Link>{' '}
        <button type="button" className="button" onClick={() => window.print()}>
          {t('grading.report.print')}
        </button>
      </p>
      <h1>{t('grading.report.title', { student: report.student.displayName })}</h1>
      <p className="muted">
        {t('grading.report.subtitle', {
          className: report.className,
          date: formatDateTime(locale, report.generatedAt),
        })}
      </p>
      <section aria-labelledby="report-competences">
        <h2 id="report-competences">{t('grading.report.competences')}</h2>
        <table className="table">
          <tbody>
            {COMPETENCES.map((competence) => {
              const level = report.competences[competence];
              return (
                <tr key={competence}>
                  <th scope="row">{competenceName(t, competence)}</th>
                  <td className={level ? `level level-${level}` : 'muted'}>
                    {level ? t(`grading.levels.${level}`) : t('grading.report.notAssessed')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="report-quiz">
        <h2 id="report-quiz">{t('grading.report.quiz')}</h2>
        <p data-testid="report-quiz">
          {report.quiz
            ? t('grading.report.quizScore', {
                score: formatNumber(locale, report.quiz.score, 2),
                max: formatNumber(locale, report.quiz.maxScore, 2),
                date: formatDateTime(locale, report.quiz.submittedAt),
              })
            : t('grading.report.quizNone')}
        </p>
      </section>
      <h2>{t('grading.report.deliverables')}</h2>
      {report.deliverables.map((deliverable) => (
        <section
          key={deliverable.kind}
          className="report-deliverable"
          data-testid={`report-${deliverable.kind}`}
        >
          <h3>
            {deliverable.title} <span className="badge">{t(`grading.status.${deliverable.status}`)}</span>
          </h3>
          {deliverable.feedback?.result ? (
            <GradeResult result={deliverable.feedback.result} />
          ) : (
            <p className="muted">{t('grading.report.notGraded')}</p>
          )}
          {deliverable.feedback?.comment && <p className="comment-text">{deliverable.feedback.comment}</p>}
          {Object.entries(deliverable.feedback?.sectionComments ?? {}).map(([section, comment]) => (
            <p key={section} className="comment-text small">
              <strong>{sectionTitles[deliverable.kind]?.[section] ?? section}</strong> : {comment}
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}
