'use client';

import { useI18n } from '@/i18n/client';
import { useWork } from '../WorkProvider';
import styles from '../work.module.css';
import { Measured } from './Measured';
import { RunSelect } from './RunAnswer';
import { TextBox } from './TextAnswer';
import { asRecord } from './values';

const MEASURED_PARTS = ['parameter', 'oldValue', 'newValue', 'beforeAccuracy', 'afterAccuracy'] as const;

/**
 * A documented experiment: the runs before and after one change; the platform reads the parameter, its two
 * values and both accuracies from them; the student writes the observation.
 */
export function ExperimentAnswer({ field }: { field: { id: string; label: string } }) {
  const { t } = useI18n();
  const { work } = useWork();
  const answer = asRecord(work.answers[field.id]);
  const set = (part: 'before' | 'after' | 'observation', value: string) => {
    const { [part]: _, ...rest } = answer;
    // An unchosen run is left out (the API takes only run ids there).
    const next = value || part === 'observation' ? { ...rest, [part]: value } : rest;
    work.setAnswer(field.id, next, { remeasure: part !== 'observation' });
  };
  return (
    <fieldset className={styles.fieldset} data-testid={`answer-${field.id}`}>
      <legend className={styles.legend}>{field.label}</legend>
      <div className="grid-2">
        {(['before', 'after'] as const).map((part) => (
          <RunSelect
            key={part}
            label={t(`work.fields.experiment.${part}`)}
            value={answer[part] ?? ''}
            onChange={(runId) => set(part, runId)}
            testId={`answer-${field.id}-${part}`}
          />
        ))}
      </div>
      <div className={styles.measuredGrid}>
        {MEASURED_PARTS.map((part) => (
          <Measured
            key={part}
            measuredKey={`${field.id}.${part}`}
            what={part}
            label={t(`work.fields.experiment.${part}`)}
            placeholder={t('common.none')}
          />
        ))}
      </div>
      <TextBox
        label={t('work.fields.experiment.observation')}
        hint={t('work.fields.experiment.observationHint')}
        rows={3}
        value={answer.observation ?? ''}
        onChange={(text) => set('observation', text)}
        testId={`answer-${field.id}-observation`}
      />
      {work.fieldErrors[field.id] && <p className="field-error">{work.fieldErrors[field.id]}</p>}
    </fieldset>
  );
}
