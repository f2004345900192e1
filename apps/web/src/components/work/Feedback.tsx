'use client';

import { COMPETENCES, type TCompetence, type TFeedback } from '@dlclass/contracts';
import type { MessageKey, Translate } from '@/i18n';
import { useI18n } from '@/i18n/client';
import { formatNumber } from '@/lib/format';

/** A competence's name: "B2.2 — Améliorer un modèle" (dictionary keys cannot hold the dot). */
const COMPETENCE_KEYS = {
  'B1.3': 'grading.competences.B1_3',
  'B2.2': 'grading.competences.B2_2',
  'B2.3': 'grading.competences.B2_3',
  'B3.2': 'grading.competences.B3_2',
} as const satisfies Record<TCompetence, MessageKey>;

export const competenceName = (t: Translate, competence: TCompetence) => t(COMPETENCE_KEYS[competence]);

/** The grade breakdown: each criterion's points, the total, the competence levels. */
export function GradeResult({ result }: { result: NonNullable<TFeedback['result']> }) {
  const { t, locale } = useI18n();
  const points = (value: number) => formatNumber(locale, value, 2);
  const levels = COMPETENCES.flatMap((competence) => {
    const level = result.competences[competence];
    return level ? [{ competence, level }] : [];
  });
  return (
    <>
      <p className="grade-total" data-testid="grade-total">
        {t('grading.feedback.grade', { total: points(result.total), max: points(result.maxTotal) })}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('grading.feedback.criterion')}</th>
            <th scope="col" className="num">
              {t('grading.feedback.points')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.criteria.map((criterion) => (
            <tr key={criterion.id}>
              <td>
                {criterion.label}
                {criterion.description && <span className="small muted"> — {criterion.description}</span>}
              </td>
              <td className="num">
                {t('grading.feedback.score', {
                  score: points(result.scores[criterion.id] ?? 0),
                  points: points(criterion.points),
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {levels.length > 0 && (
        <>
          <h3>{t('grading.feedback.competences')}</h3>
          <ul className="competence-list" data-testid="grade-competences">
            {levels.map(({ competence, level }) => (
              <li key={competence}>
                {competenceName(t, competence)} :{' '}
                <strong className={`level level-${level}`}>{t(`grading.levels.${level}`)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The teacher's feedback on a deliverable: the grade once finalised, the general comment. */
export function FeedbackPanel({ feedback }: { feedback: TFeedback }) {
  const t = useI18n().t;
  return (
    <section className="card feedback" aria-labelledby="feedback-title" data-testid="feedback">
      <h2 id="feedback-title">{t('grading.feedback.title')}</h2>
      {feedback.result ? (
        <GradeResult result={feedback.result} />
      ) : (
        <p>{t('grading.feedback.returnedIntro')}</p>
      )}
      {feedback.comment && (
        <>
          <h3>{t('grading.feedback.comment')}</h3>
          <p className="comment-text" data-testid="feedback-comment">
            {feedback.comment}
          </p>
        </>
      )}
    </section>
  );
}

/** The teacher's comment under one section of the student's work (nothing when there is none). */
export function SectionComment({ comment }: { comment: string | undefined }) {
  const t = useI18n().t;
  if (!comment) return null;
  return (
    <aside className="section-comment" data-testid="section-comment">
      <strong>{t('grading.feedback.sectionComment')}</strong>
      <p className="comment-text">{comment}</p>
    </aside>
  );
}
