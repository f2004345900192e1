'use client';

import { type TCorrectionPolicy, type TQuizSettings, toFieldErrors, ZQuizSettings } from '@dlclass/contracts';
import { type FormEvent, useState } from 'react';
import { Checkbox, SelectField } from '@/components/Field';
import { NumberField } from '@/components/NumberField';
import { useT } from '@/i18n/client';
import { errorMessage, fieldErrorMap } from '@/lib/errors';
import { teacherQuizApi } from '@/lib/teacherQuizApi';
import { useApiData } from '@/lib/useApiData';
import { useSubmit } from '@/lib/useSubmit';
import styles from './QuizImport.module.css';

const POLICIES: readonly TCorrectionPolicy[] = ['after-each-attempt', 'after-last-attempt', 'when-released'];
const NUMBERS = [
  { name: 'timeLimitMinutes', min: 1, max: 180 },
  { name: 'maxAttempts', min: 1, max: 10 },
  { name: 'questionCount', min: 5, max: 100 },
] as const;

/** A class's QCM settings: time limit, attempts, questions drawn per attempt, when the correction shows. */
export function ClassQuizSettings({ classId }: { classId: string }) {
  const t = useT();
  const { data: loaded, error: loadError } = useApiData(() => teacherQuizApi.settings(classId));
  const [draft, setDraft] = useState<TQuizSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const submission = useSubmit();
  const settings = draft ?? loaded;
  if (!settings) {
    return loadError ? (
      <p className="alert alert-error">{errorMessage(t, loadError)}</p>
    ) : (
      <p className="muted">{t('common.loading')}</p>
    );
  }
  const errors = fieldErrorMap(submission.fields);
  const edit = (patch: Partial<TQuizSettings>) => {
    setDraft({ ...settings, ...patch });
    setSaved(false);
    submission.reset();
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const checked = ZQuizSettings.safeParse(settings);
    if (!checked.success) {
      submission.reset(toFieldErrors(checked.error));
      return;
    }
    const ok = await submission.run(async () => {
      setDraft(await teacherQuizApi.saveSettings(classId, checked.data));
    });
    setSaved(ok);
  }

  return (
    <form onSubmit={save} noValidate data-testid="quiz-settings" data-class-id={classId}>
      <h4>{t('teacherTools.quizSettings.title')}</h4>
      {/* nothing typed while a save runs: its answer replaces the form */}
      <fieldset className={styles.settingsFields} disabled={submission.busy}>
        <div className={styles.settingsGrid}>
          {NUMBERS.map(({ name, min, max }) => (
            <NumberField
              key={name}
              label={t(`teacherTools.quizSettings.${name}`)}
              hint={t('teacherTools.quizSettings.between', { min, max })}
              value={settings[name]}
              min={min}
              max={max}
              onChange={(value) => edit({ [name]: value })}
              error={errors[name]}
              testId={`quiz-setting-${name}`}
            />
          ))}
          <SelectField
            label={t('teacherTools.quizSettings.correction')}
            value={settings.correction}
            options={POLICIES.map((policy) => ({
              value: policy,
              label: t(`teacherTools.quizSettings.policy.${policy}`),
            }))}
            onChange={(correction) => edit({ correction })}
            error={errors.correction}
            testId="quiz-setting-correction"
          />
        </div>
        {settings.correction === 'when-released' && (
          <Checkbox
            className={`checkbox ${styles.release}`}
            label={t('teacherTools.quizSettings.released')}
            checked={settings.correctionReleased}
            onChange={(correctionReleased) => edit({ correctionReleased })}
            testId="quiz-setting-released"
          />
        )}
      </fieldset>
      {submission.error && (
        <p className="alert alert-error" role="alert">
          {submission.error}
        </p>
      )}
      {saved && (
        <p className="alert alert-ok" role="status" data-testid="quiz-settings-saved">
          {t('teacherTools.quizSettings.saved')}
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={submission.busy}>
          {submission.busy ? t('teacherTools.quizSettings.saving') : t('teacherTools.quizSettings.save')}
        </button>
      </div>
    </form>
  );
}
