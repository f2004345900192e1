'use client';

import {
  QUOTA_BOUNDS,
  type TQuotaField,
  type TQuotaOverride,
  type TQuotaTarget,
  toFieldErrors,
  ZQuotaOverride,
} from '@dlclass/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { SelectField } from '@/components/Field';
import { LoadState } from '@/components/LoadState';
import { NumberField } from '@/components/NumberField';
import { useI18n } from '@/i18n/client';
import { adminApi } from '@/lib/adminApi';
import { fieldErrorMap } from '@/lib/errors';
import { formatNumber } from '@/lib/format';
import { useApiData } from '@/lib/useApiData';
import { useSubmit } from '@/lib/useSubmit';

const FIELDS = Object.keys(QUOTA_BOUNDS) as TQuotaField[];
const WHOLE_CLASS = '';

/** Picks a class, then the whole class or one student, and edits that override (empty: inherited). */
export function QuotaEditor() {
  const { t } = useI18n();
  const { data: classes, error } = useApiData(adminApi.classes);
  const [classId, setClassId] = useState('');
  const [studentId, setStudentId] = useState(WHOLE_CLASS);
  const klass = classes?.find((c) => c.id === classId) ?? classes?.[0];

  return (
    <section className="card" data-testid="admin-quotas">
      <h2>{t('admin.quotas.title')}</h2>
      <p className="muted">{t('admin.quotas.intro')}</p>
      <LoadState loaded={classes !== null} error={error} />
      {classes?.length === 0 && <p className="muted">{t('admin.quotas.noClass')}</p>}
      {classes && klass && (
        <>
          <div className="grid-2">
            <SelectField
              label={t('admin.quotas.class')}
              value={klass.id}
              options={classes.map((c) => ({ value: c.id, label: `${c.name} (${c.teacherName})` }))}
              onChange={(next) => {
                setClassId(next);
                setStudentId(WHOLE_CLASS);
              }}
              testId="admin-quota-class"
            />
            <SelectField
              label={t('admin.quotas.student')}
              value={studentId}
              options={[
                { value: WHOLE_CLASS, label: t('admin.quotas.wholeClass') },
                ...klass.students.map((s) => ({ value: s.id, label: s.displayName })),
              ]}
              onChange={setStudentId}
              testId="admin-quota-student"
            />
          </div>
          <QuotaForm
            key={`${klass.id}/${studentId}`}
            target={studentId === WHOLE_CLASS ? 'class' : 'student'}
            id={studentId === WHOLE_CLASS ? klass.id : studentId}
          />
        </>
      )}
    </section>
  );
}

type Draft = Record<TQuotaField, number>;
const toDraft = (override: TQuotaOverride | null): Draft =>
  Object.fromEntries(FIELDS.map((field) => [field, override?.[field] ?? Number.NaN])) as Draft;

/** One class's or student's override; each empty field shows what it inherits. */
function QuotaForm({ target, id }: { target: TQuotaTarget; id: string }) {
  const { t, locale } = useI18n();
  const { data: view, error } = useApiData(() => adminApi.quota(target, id));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const submission = useSubmit();
  useEffect(() => {
    if (view) setDraft(toDraft(view.override));
  }, [view]);
  if (!view || !draft) return <LoadState loaded={false} error={error} />;
  const errors = fieldErrorMap(submission.fields);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const body = Object.fromEntries(
      FIELDS.map((field) => [field, Number.isNaN(draft[field]) ? null : draft[field]]),
    );
    const checked = ZQuotaOverride.safeParse(body);
    if (!checked.success) {
      submission.reset(toFieldErrors(checked.error));
      return;
    }
    setSaved(
      await submission.run(async () =>
        setDraft(toDraft((await adminApi.setQuota(target, id, checked.data)).override)),
      ),
    );
  }

  return (
    <form onSubmit={save} noValidate data-testid="admin-quota-form" data-target={target}>
      <div className="grid-2">
        {FIELDS.map((field) => (
          <NumberField
            key={field}
            label={t(`admin.quotas.fields.${field}`)}
            hint={t('admin.quotas.inherited', { value: formatNumber(locale, view.inherited[field]) })}
            value={draft[field]}
            min={QUOTA_BOUNDS[field].min}
            max={QUOTA_BOUNDS[field].max}
            onChange={(value) => {
              setDraft({ ...draft, [field]: value });
              setSaved(false);
            }}
            error={errors[field]}
            testId={`admin-quota-${field}`}
          />
        ))}
      </div>
      {submission.error && <p className="alert alert-error">{submission.error}</p>}
      {saved && (
        <p className="alert alert-ok" role="status" data-testid="admin-quota-saved">
          {t('admin.quotas.saved')}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button" disabled={submission.busy}>
          {t('admin.quotas.save')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={submission.busy}
          onClick={() =>
            void submission.run(async () => {
              setDraft(toDraft((await adminApi.clearQuota(target, id)).override));
              setSaved(true);
            })
          }
        >
          {t('admin.quotas.clear')}
        </button>
      </div>
    </form>
  );
}
