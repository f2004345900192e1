'use client';

import {
  classTimeMs,
  EXPERIMENT_LIMITS as L,
  REFERENCE_EXPERIMENT,
  type TClassRunDefaults,
  type TRunSize,
  type TRunSizeActivity,
  toFieldErrors,
  ZClassRunDefaults,
} from '@dlclass/contracts';
import { type FormEvent, useState } from 'react';
import { NumberField } from '@/components/NumberField';
import { useI18n } from '@/i18n/client';
import { formatDuration } from '@/lib/duration';
import { errorMessage, fieldErrorMap } from '@/lib/errors';
import { formatNumber } from '@/lib/format';
import { lessonApi } from '@/lib/lessonApi';
import { useApiData } from '@/lib/useApiData';
import { useRunEstimate } from '@/lib/useRunEstimate';
import { useSubmit } from '@/lib/useSubmit';
import styles from './ClassRunDefaults.module.css';

const ACTIVITIES: readonly TRunSizeActivity[] = ['hello', 'challenge'];
const FIELDS = [
  { name: 'epochs', min: 1, max: L.maxEpochs },
  { name: 'trainSize', min: L.minTrainSize, max: L.maxTrainSize },
] as const;

/**
 * A class's run size for the Hello World and the guided challenge (their editor starts from it), each with the
 * time the whole class would wait for its results: the reference model at that size, estimated by the API
 * from the live workers' measured speed.
 */
export function ClassRunDefaults({ classId, studentCount }: { classId: string; studentCount: number }) {
  const { t } = useI18n();
  const { data: lesson, error: loadError } = useApiData(() => lessonApi.lesson(classId));
  const [draft, setDraft] = useState<TClassRunDefaults | null>(null);
  const [saved, setSaved] = useState(false);
  const submission = useSubmit();
  const defaults = draft ?? lesson?.runDefaults ?? null;
  if (!defaults) {
    return loadError ? (
      <p className="alert alert-error">{errorMessage(t, loadError)}</p>
    ) : (
      <p className="muted">{t('common.loading')}</p>
    );
  }
  const errors = fieldErrorMap(submission.fields);
  const edit = (activity: TRunSizeActivity, patch: Partial<TRunSize>) => {
    setDraft({ ...defaults, [activity]: { ...defaults[activity], ...patch } });
    setSaved(false);
    submission.reset();
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const checked = ZClassRunDefaults.safeParse(defaults);
    if (!checked.success) {
      submission.reset(toFieldErrors(checked.error));
      return;
    }
    const ok = await submission.run(async () => {
      setDraft((await lessonApi.setRunDefaults(classId, checked.data)).runDefaults);
    });
    setSaved(ok);
  }

  return (
    <form onSubmit={save} noValidate data-testid="class-run-defaults">
      <h3>{t('estimate.classTime.title')}</h3>
      <p className="muted small">{t('estimate.classTime.intro')}</p>
      <fieldset className={styles.fields} disabled={submission.busy}>
        <div className={styles.activities}>
          {ACTIVITIES.map((activity) => (
            <div key={activity} data-testid={`run-defaults-${activity}`}>
              <h4>{t(`estimate.classTime.${activity}`)}</h4>
              <div className={styles.pair}>
                {FIELDS.map(({ name, min, max }) => (
                  <NumberField
                    key={name}
                    label={t(`estimate.classTime.${name}`)}
                    hint={t('estimate.classTime.between', { min, max })}
                    value={defaults[activity][name]}
                    min={min}
                    max={max}
                    onChange={(value) => edit(activity, { [name]: value })}
                    error={errors[`${activity}.${name}`]}
                    testId={`run-defaults-${activity}-${name}`}
                  />
                ))}
              </div>
              <ClassTime activity={activity} size={defaults[activity]} studentCount={studentCount} />
            </div>
          ))}
        </div>
      </fieldset>
      {submission.error && (
        <p className="alert alert-error" role="alert">
          {submission.error}
        </p>
      )}
      {saved && (
        <p className="alert alert-ok" role="status" data-testid="run-defaults-saved">
          {t('estimate.classTime.saved')}
        </p>
      )}
      <button type="submit" className="button" disabled={submission.busy} data-testid="run-defaults-save">
        {submission.busy ? t('estimate.classTime.saving') : t('estimate.classTime.save')}
      </button>
    </form>
  );
}

/**
 * The time for the whole class to get its results at that size: everyone's run at once, in waves of the
 * workers' slots, each run at its speed when every slot is busy. The Hello World's default run is identical
 * for everyone: with one seed for the class it is trained once (the other runs attach to it), hence both.
 */
function ClassTime({
  activity,
  size,
  studentCount,
}: {
  activity: TRunSizeActivity;
  size: TRunSize;
  studentCount: number;
}) {
  const { t, locale } = useI18n();
  const valid = ZClassRunDefaults.shape.hello.safeParse(size).success;
  const state = useRunEstimate(
    valid ? { ...REFERENCE_EXPERIMENT, training: { ...REFERENCE_EXPERIMENT.training, ...size } } : null,
  );
  if (state.kind !== 'ready') return null;
  const { estimate } = state;
  const lines: string[] = [
    t('estimate.classTime.oneRun', { duration: formatDuration(t, estimate.durationMs) }),
  ];
  const everyone = classTimeMs(studentCount, estimate.slots, estimate.fullLoadDurationMs);
  if (everyone === null) {
    lines.push(t('estimate.classTime.noWorker', { duration: formatDuration(t, estimate.durationMs) }));
  } else {
    if (activity === 'hello') {
      lines.push(t('estimate.classTime.shared', { duration: formatDuration(t, estimate.durationMs) }));
    }
    lines.push(
      t('estimate.classTime.everyone', {
        students: formatNumber(locale, Math.max(1, studentCount)),
        slots: formatNumber(locale, estimate.slots),
        duration: formatDuration(t, everyone),
      }),
    );
  }
  if (estimate.basis === 'prior') lines.push(t('estimate.classTime.prior'));
  return (
    <div
      className={`small ${styles.time}`}
      data-testid={`class-time-${activity}`}
      data-basis={estimate.basis}
    >
      {lines.map((line) => (
        <p key={line} style={{ margin: 0 }}>
          {line}
        </p>
      ))}
    </div>
  );
}
