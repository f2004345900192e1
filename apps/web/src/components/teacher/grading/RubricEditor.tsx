'use client';

import { type TRubric, type TRubricCriterion, ZCompetence } from '@dlclass/contracts';
import { useState } from 'react';
import { useI18n } from '@/i18n/client';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/errors';
import { formatNumber } from '@/lib/format';
import { gradingApi } from '@/lib/gradingApi';
import { useApiData } from '@/lib/useApiData';

/** The class's rubric of each graded deliverable, each editable on its own. */
export function RubricEditor({ classId }: { classId: string }) {
  const t = useI18n().t;
  const rubrics = useApiData(() => gradingApi.rubrics(classId));
  return (
    <section className="card" aria-labelledby="rubrics-title">
      <h2 id="rubrics-title">{t('grading.rubrics.title')}</h2>
      <p className="muted">{t('grading.rubrics.intro')}</p>
      {rubrics.error ? <p className="alert alert-error">{errorMessage(t, rubrics.error)}</p> : null}
      {rubrics.data?.map((rubric) => (
        <RubricForm key={rubric.kind} classId={classId} initial={rubric} />
      ))}
    </section>
  );
}

/** A new criterion's id: unique in the rubric, URL-safe. */
function freshId(criteria: readonly TRubricCriterion[]): string {
  const taken = new Set(criteria.map((c) => c.id));
  let n = criteria.length + 1;
  while (taken.has(`critere-${n}`)) n += 1;
  return `critere-${n}`;
}

function RubricForm({ classId, initial }: { classId: string; initial: TRubric }) {
  const { t, locale } = useI18n();
  const [rubric, setRubric] = useState(initial);
  const [criteria, setCriteria] = useState(initial.criteria);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const edit = (index: number, patch: Partial<TRubricCriterion>) => {
    setCriteria((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));
    setNotice(null);
  };

  const run = async (call: () => Promise<TRubric>) => {
    try {
      const saved = await call();
      setRubric(saved);
      setCriteria(saved.criteria);
      setError(null);
      setFieldErrors({});
      setNotice(t('grading.rubrics.saved'));
    } catch (caught) {
      setError(caught);
      const fields = caught instanceof ApiError ? (caught.fields ?? []) : [];
      setFieldErrors(Object.fromEntries(fields.map((f) => [f.field, f.message])));
    }
  };

  const max = criteria.reduce((sum, c) => sum + (Number.isFinite(c.points) ? c.points : 0), 0);
  const problem = (index: number, key: keyof TRubricCriterion) => fieldErrors[`criteria.${index}.${key}`];

  return (
    <details className="rubric" data-testid={`rubric-${rubric.kind}`}>
      <summary>
        <strong>{rubric.title}</strong>{' '}
        <span className="badge">
          {rubric.custom ? t('grading.rubrics.custom') : t('grading.rubrics.default')}
        </span>{' '}
        <span className="small muted">
          {t('grading.rubrics.total', { max: formatNumber(locale, rubric.maxTotal, 2) })}
        </span>
      </summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => gradingApi.saveRubric(classId, rubric.kind, { criteria }));
        }}
        noValidate
      >
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('grading.rubrics.label')}</th>
                <th scope="col">{t('grading.rubrics.description')}</th>
                <th scope="col">{t('grading.rubrics.points')}</th>
                <th scope="col">{t('grading.rubrics.competence')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('grading.rubrics.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((criterion, index) => (
                <tr key={criterion.id}>
                  <td>
                    <input
                      aria-label={t('grading.rubrics.label')}
                      value={criterion.label}
                      maxLength={120}
                      aria-invalid={problem(index, 'label') ? true : undefined}
                      onChange={(event) => edit(index, { label: event.target.value })}
                    />
                    {problem(index, 'label') && (
                      <span className="field-error">{problem(index, 'label')}</span>
                    )}
                  </td>
                  <td>
                    <input
                      aria-label={t('grading.rubrics.description')}
                      value={criterion.description}
                      maxLength={500}
                      onChange={(event) => edit(index, { description: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('grading.rubrics.points')}
                      type="number"
                      min={0.5}
                      max={100}
                      step={0.5}
                      className="score-input"
                      value={Number.isFinite(criterion.points) ? criterion.points : ''}
                      aria-invalid={problem(index, 'points') ? true : undefined}
                      onChange={(event) => edit(index, { points: event.target.valueAsNumber })}
                    />
                    {problem(index, 'points') && (
                      <span className="field-error">{problem(index, 'points')}</span>
                    )}
                  </td>
                  <td>
                    <select
                      aria-label={t('grading.rubrics.competence')}
                      value={criterion.competence ?? ''}
                      onChange={(event) =>
                        edit(index, {
                          competence: ZCompetence.safeParse(event.target.value).data ?? null,
                        })
                      }
                    >
                      <option value="">{t('grading.rubrics.noCompetence')}</option>
                      {rubric.competences.map((competence) => (
                        <option key={competence} value={competence}>
                          {competence}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={criteria.length === 1}
                      onClick={() => setCriteria((list) => list.filter((_, i) => i !== index))}
                    >
                      {t('grading.rubrics.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="small">{t('grading.rubrics.total', { max: formatNumber(locale, max, 2) })}</p>
        {error ? <p className="alert alert-error">{errorMessage(t, error)}</p> : null}
        {notice && (
          <p className="alert alert-ok" role="status">
            {notice}
          </p>
        )}
        <div className="row">
          <button
            type="button"
            className="button button-secondary"
            disabled={criteria.length >= 15}
            onClick={() =>
              setCriteria((list) => [
                ...list,
                { id: freshId(list), label: '', description: '', points: 1, competence: null },
              ])
            }
          >
            {t('grading.rubrics.add')}
          </button>
          <button type="submit" className="button">
            {t('grading.rubrics.save')}
          </button>
          {rubric.custom && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void run(() => gradingApi.resetRubric(classId, rubric.kind))}
            >
              {t('grading.rubrics.reset')}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
