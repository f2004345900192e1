'use client';

import type { TExperimentSummary } from '@dlclass/contracts';
import { type ReactNode, useId } from 'react';
import { Checkbox, FieldFrame } from '@/components/Field';
import { LoadState } from '@/components/LoadState';
import type { Translate } from '@/i18n';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { formatDateTime, formatPercent } from '@/lib/format';
import { useApiData } from '@/lib/useApiData';
import { useWork } from '../WorkProvider';
import styles from '../work.module.css';
import { asList } from './values';

/** What a picker shows of a run, network or classical. */
type TPickedRun = Pick<TExperimentSummary, 'id' | 'name' | 'createdAt' | 'status' | 'testAccuracy'>;

/** How a run reads in a picker: its name, when, and its test accuracy (or its state while unfinished). */
export function useRunLabel(): (run: TPickedRun) => string {
  const { t, locale } = useI18n();
  return (run) => {
    const vars = { name: run.name, date: formatDateTime(locale, run.createdAt) };
    if (run.status !== 'succeeded')
      return t('work.fields.runNotFinished', { ...vars, status: t(`status.${run.status}`) });
    const accuracy =
      run.testAccuracy === null
        ? t('work.fields.noAccuracy')
        : t('common.percent', { value: formatPercent(locale, run.testAccuracy) });
    return t('work.fields.runOption', { ...vars, accuracy });
  };
}

/** What the run pickers say when there is nothing to pick from. */
function runsNotice(t: Translate, runs: TPickedRun[] | null, classical = false): ReactNode {
  if (runs === null) return <p className="muted small">{t('work.fields.runsLoading')}</p>;
  if (runs.length === 0)
    return (
      <p className="muted small">{t(classical ? 'work.fields.noClassicalRuns' : 'work.fields.noRuns')}</p>
    );
  return null;
}

type RunSelectProps = {
  label: string;
  value: string;
  onChange: (runId: string) => void;
  error?: string | undefined;
  testId: string;
  /** The classical models instead of the networks. */
  classical?: boolean;
};

/** One of the student's runs, in a select (used by `run` fields and documented experiments). */
export function RunSelect({ label, value, onChange, error, testId, classical = false }: RunSelectProps) {
  const { t } = useI18n();
  const { work, runs: networks, classicalRuns: given } = useWork();
  // the classical models are loaded only by a picker that offers them, unless the page gives them
  const classicalRuns = useApiData(() =>
    classical && given === undefined ? api.classicalRuns() : Promise.resolve(null),
  );
  const runs: TPickedRun[] | null = classical ? (given ?? classicalRuns.data) : networks;
  const runLabel = useRunLabel();
  const known = runs?.some((run) => run.id === value) ?? false;
  return (
    <FieldFrame label={label} error={error}>
      {(control) => (
        <>
          <select
            {...control}
            value={value}
            disabled={work.readOnly}
            onChange={(event) => onChange(event.target.value)}
            data-testid={testId}
          >
            <option value="">
              {t(classical ? 'work.fields.chooseClassicalRun' : 'work.fields.chooseRun')}
            </option>
            {/* A chosen run not in the list (yet) stays chosen rather than silently cleared. */}
            {value && !known && <option value={value}>{value}</option>}
            {runs?.map((run) => (
              <option key={run.id} value={run.id}>
                {runLabel(run)}
              </option>
            ))}
          </select>
          {classicalRuns.error ? (
            <LoadState loaded={false} error={classicalRuns.error} />
          ) : (
            runsNotice(t, runs, classical)
          )}
        </>
      )}
    </FieldFrame>
  );
}

/** A `run` field: one run, answered as [runId]; the template's measured values are read from it. */
export function RunAnswer({
  field,
}: {
  field: { id: string; label: string; runKind?: 'network' | 'classical' | undefined };
}) {
  const { work } = useWork();
  return (
    <RunSelect
      label={field.label}
      value={asList(work.answers[field.id])[0] ?? ''}
      onChange={(runId) => work.setAnswer(field.id, runId ? [runId] : [], { remeasure: true })}
      error={work.fieldErrors[field.id]}
      testId={`answer-${field.id}`}
      classical={field.runKind === 'classical'}
    />
  );
}

/** A `runs` field: several runs (e.g. those that answer a mission), as checkboxes. */
export function RunsAnswer({ field }: { field: { id: string; label: string } }) {
  const { t } = useI18n();
  const { work, runs } = useWork();
  const runLabel = useRunLabel();
  const chosen = asList(work.answers[field.id]);
  const legendId = useId();
  const error = work.fieldErrors[field.id];
  const toggle = (runId: string, on: boolean) =>
    work.setAnswer(field.id, on ? [...chosen, runId] : chosen.filter((id) => id !== runId));
  return (
    <fieldset
      className={styles.fieldset}
      aria-labelledby={legendId}
      aria-invalid={error ? true : undefined}
      data-testid={`answer-${field.id}`}
    >
      <legend id={legendId} className={styles.legend}>
        {field.label}
      </legend>
      {runsNotice(t, runs)}
      <ul className={styles.choiceList}>
        {runs?.map((run) => (
          <li key={run.id}>
            <Checkbox
              className={styles.choice}
              label={<span>{runLabel(run)}</span>}
              checked={chosen.includes(run.id)}
              disabled={work.readOnly}
              onChange={(checked) => toggle(run.id, checked)}
              testId={`answer-${field.id}-${run.id}`}
            />
          </li>
        ))}
      </ul>
      {chosen.length > 0 && <p className="hint">{t('work.fields.runsCount', { count: chosen.length })}</p>}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
