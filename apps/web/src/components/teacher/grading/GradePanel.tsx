'use client';

import type { TTemplate } from '@dlclass/content';
import {
  type TCompetence,
  type TCompetenceLevel,
  type TFieldError,
  type TGradingDetail,
  ZCompetenceLevel,
} from '@dlclass/contracts';
import { useState } from 'react';
import { competenceName } from '@/components/work/Feedback';
import { WorkProvider } from '@/components/work/WorkProvider';
import { WorksheetSections } from '@/components/work/WorksheetForm';
import { useI18n } from '@/i18n/client';
import { ApiError, api } from '@/lib/api';
import { errorMessage } from '@/lib/errors';
import { formatDateTime, formatNumber } from '@/lib/format';
import { gradingApi } from '@/lib/gradingApi';
import { useApiData } from '@/lib/useApiData';
import { readOnlyWork } from '@/lib/useDeliverable';
import { useGradeAutosave } from '@/lib/useGradeAutosave';

/** The server's messages about the grading, by field ("scores.<criterion>", "competences.<code>"…). */
const fieldErrorsOf = (caught: unknown): Record<string, string> =>
  Object.fromEntries(
    (caught instanceof ApiError ? (caught.fields ?? []) : []).map((f: TFieldError) => [f.field, f.message]),
  );

/** The student's runs of both kinds, which their answers cite (the teacher reads them from the class's). */
function useStudentRuns(classId: string, studentId: string) {
  const { data } = useApiData(() =>
    Promise.all([api.experiments(classId), api.classicalRuns(classId)]).then(([networks, classical]) => ({
      networks: networks.filter((run) => run.userId === studentId),
      classical: classical.filter((run) => run.userId === studentId),
    })),
  );
  return data;
}

/**
 * One handed-in deliverable graded: the student's work read-only with a comment box under each section,
 * the rubric with points per criterion, the competences, a general comment. Everything autosaves; then
 * the teacher finalises the grade or returns the work for revision.
 */
export function GradePanel({
  classId,
  detail,
  template,
  userId,
  onChanged,
}: {
  classId: string;
  detail: TGradingDetail;
  /** The deliverable's template (public: without the schema's answer key). */
  template: TTemplate | null;
  userId: string;
  /** After a finalise or a return, with the new state (the queue moves the item). */
  onChanged: (detail: TGradingDetail) => void;
}) {
  const { t, locale } = useI18n();
  const { item, deliverable } = detail;
  const criteria = detail.grade?.criteria ?? detail.rubric.criteria;
  const autosave = useGradeAutosave({
    classId,
    deliverableId: item.deliverableId,
    userId,
    saved: detail.grade,
  });
  const { grade, change } = autosave;
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [work] = useState(() => readOnlyWork(deliverable));
  const runs = useStudentRuns(classId, item.student.id);
  const error = actionError ?? autosave.error;
  const fieldErrors = fieldErrorsOf(error);

  const setScore = (id: string, text: string) =>
    change((current) => {
      const scores = { ...current.scores };
      const value = Number(text.replace(',', '.'));
      if (text.trim() === '' || !Number.isFinite(value)) delete scores[id];
      else scores[id] = value;
      return { ...current, scores };
    });

  const setLevel = (competence: TCompetence, level: TCompetenceLevel | '') =>
    change((current) => {
      const competences = { ...current.competences };
      if (level === '') delete competences[competence];
      else competences[competence] = level;
      return { ...current, competences };
    });

  const act = async (action: 'finalise' | 'giveBack') => {
    if (action === 'giveBack' && !window.confirm(t('grading.panel.giveBackConfirm'))) return;
    setBusy(true);
    try {
      // The last keystrokes first: the grade finalised is the one on screen.
      if (!(await autosave.flush())) return;
      onChanged(await gradingApi[action](classId, item.deliverableId));
      setActionError(null);
    } catch (caught) {
      setActionError(caught);
    } finally {
      setBusy(false);
    }
  };

  const points = (value: number) => formatNumber(locale, value, 2);
  const scored = criteria.filter((c) => grade.scores[c.id] !== undefined);
  const total = scored.reduce((sum, c) => sum + (grade.scores[c.id] ?? 0), 0);
  const maxTotal = criteria.reduce((sum, c) => sum + c.points, 0);

  return (
    <div className="grade-panel" data-testid="grade-panel" data-status={item.status}>
      <h2>{t('grading.panel.title', { title: item.title, student: item.student.displayName })}</h2>
      {item.status === 'finalised' && detail.grade?.finalisedAt && (
        <p className="alert alert-ok">
          {t('grading.panel.finalised', { date: formatDateTime(locale, detail.grade.finalisedAt) })}{' '}
          {t('grading.panel.liveEdits')}
        </p>
      )}
      {item.status === 'returned' && item.returnedAt && (
        <p className="alert alert-info">
          {t('grading.panel.returned', { date: formatDateTime(locale, item.returnedAt) })}{' '}
          {t('grading.panel.liveEdits')}
        </p>
      )}
      <div className="grade-layout">
        <div className="grade-work">
          <h3>{t('grading.panel.studentWork')}</h3>
          {template && (
            <WorkProvider work={work} runs={runs?.networks ?? null} classicalRuns={runs?.classical ?? null}>
              <WorksheetSections
                template={template}
                aside={(section) => (
                  <label className="field section-comment-box">
                    <span>{t('grading.panel.sectionComment')}</span>
                    <textarea
                      rows={2}
                      value={grade.sectionComments[section.id] ?? ''}
                      onChange={(event) => {
                        const text = event.target.value;
                        change((current) => ({
                          ...current,
                          sectionComments: { ...current.sectionComments, [section.id]: text },
                        }));
                      }}
                      data-testid={`section-comment-${section.id}`}
                    />
                    {fieldErrors[`sectionComments.${section.id}`] && (
                      <span className="field-error">{fieldErrors[`sectionComments.${section.id}`]}</span>
                    )}
                  </label>
                )}
              />
            </WorkProvider>
          )}
        </div>
        <aside className="grade-sheet card" aria-labelledby="rubric-title">
          <h3 id="rubric-title">{t('grading.panel.rubric')}</h3>
          {criteria.map((criterion) => {
            const problem = fieldErrors[`scores.${criterion.id}`];
            return (
              <div className="field criterion" key={criterion.id}>
                <label htmlFor={`score-${criterion.id}`}>
                  {criterion.label}
                  {criterion.competence && <span className="badge">{criterion.competence}</span>}
                </label>
                {criterion.description && <span className="hint">{criterion.description}</span>}
                <span className="row">
                  <input
                    id={`score-${criterion.id}`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={criterion.points}
                    step={0.5}
                    className="score-input"
                    value={grade.scores[criterion.id] ?? ''}
                    aria-invalid={problem ? true : undefined}
                    onChange={(event) => setScore(criterion.id, event.target.value)}
                    data-testid={`score-${criterion.id}`}
                  />
                  <span className="muted">
                    {t('grading.panel.outOf', { points: points(criterion.points) })}
                  </span>
                </span>
                {problem && <span className="field-error">{problem}</span>}
              </div>
            );
          })}
          <p className="grade-total" data-testid="grade-sheet-total">
            {scored.length === criteria.length
              ? t('grading.panel.total', { total: points(total), max: points(maxTotal) })
              : t('grading.panel.totalPending', { scored: scored.length, count: criteria.length })}
          </p>
          {detail.rubric.competences.length > 0 && (
            <fieldset className="competences">
              <legend>{t('grading.panel.competences')}</legend>
              {detail.rubric.competences.map((competence) => (
                <label className="field" key={competence}>
                  <span>{competenceName(t, competence)}</span>
                  <select
                    value={grade.competences[competence] ?? ''}
                    onChange={(event) => setLevel(competence, event.target.value as TCompetenceLevel | '')}
                    data-testid={`level-${competence}`}
                  >
                    <option value="">{t('grading.panel.levelNone')}</option>
                    {ZCompetenceLevel.options.map((level) => (
                      <option key={level} value={level}>
                        {t(`grading.levels.${level}`)}
                      </option>
                    ))}
                  </select>
                  {fieldErrors[`competences.${competence}`] && (
                    <span className="field-error">{fieldErrors[`competences.${competence}`]}</span>
                  )}
                </label>
              ))}
            </fieldset>
          )}
          <label className="field">
            <span>{t('grading.panel.comment')}</span>
            <textarea
              rows={4}
              value={grade.comment}
              onChange={(event) => {
                const comment = event.target.value;
                change((current) => ({ ...current, comment }));
              }}
              data-testid="grade-comment"
            />
          </label>
          <p className="small muted" role="status" data-testid="grade-save-state" data-state={autosave.state}>
            {autosave.state === 'saving' && t('grading.panel.saving')}
            {(autosave.state === 'pending' || autosave.state === 'failed') && t('grading.panel.unsaved')}
            {autosave.state === 'saved' &&
              autosave.savedAt &&
              t('grading.panel.saved', { time: formatDateTime(locale, autosave.savedAt) })}
          </p>
          {error ? (
            <p className="alert alert-error" role="alert" data-testid="grade-error">
              {errorMessage(t, error)}
            </p>
          ) : null}
          <div className="grade-actions">
            {item.status === 'submitted' && (
              <>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void act('finalise')}
                  data-testid="finalise"
                >
                  {t('grading.panel.finalise')}
                </button>
                <span className="hint">{t('grading.panel.finaliseHint')}</span>
              </>
            )}
            {item.status !== 'returned' && (
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => void act('giveBack')}
                data-testid="give-back"
              >
                {t('grading.panel.giveBack')}
              </button>
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}
