'use client';

import { REFERENCE_EXPERIMENT, type TExperimentSpec, type TExperimentSummary } from '@dlclass/contracts';
import { type FormEvent, useState } from 'react';
import { FieldFrame, SelectField } from '@/components/Field';
import { useI18n } from '@/i18n/client';
import { formatDateTime } from '@/lib/format';
import { lessonApi } from '@/lib/lessonApi';
import { useSubmit } from '@/lib/useSubmit';

const REFERENCE = 'reference';

/** The teacher's message to the whole class, with a model to load if they attach one. */
export function BroadcastForm({ classId, runs }: { classId: string; runs: TExperimentSummary[] | null }) {
  const { t, locale } = useI18n();
  const submit = useSubmit();
  const [message, setMessage] = useState('');
  const [model, setModel] = useState('');
  const [sentAt, setSentAt] = useState<string | null>(null);
  const finished = (runs ?? []).filter((run) => run.status === 'succeeded');
  const specOf = (choice: string): TExperimentSpec | undefined =>
    choice === REFERENCE ? REFERENCE_EXPERIMENT : finished.find((run) => run.id === choice)?.spec;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setSentAt(null);
    const trimmed = message.trim();
    const spec = specOf(model);
    await submit.run(async () => {
      const state = await lessonApi.broadcast(classId, {
        ...(trimmed ? { message: trimmed } : {}),
        ...(spec ? { spec } : {}),
      });
      setSentAt(state.broadcast?.sentAt ?? null);
      setMessage('');
    });
  };

  return (
    <form onSubmit={send} noValidate data-testid="broadcast-form">
      <h3>{t('lesson.broadcast.teacherTitle')}</h3>
      <FieldFrame
        label={t('lesson.broadcast.message')}
        error={submit.fields.find((f) => f.field === 'message')?.message}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={500}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            data-testid="broadcast-message-input"
          />
        )}
      </FieldFrame>
      <SelectField
        label={t('lesson.broadcast.modelChoice')}
        value={model}
        options={[
          { value: '', label: t('lesson.broadcast.noModel') },
          { value: REFERENCE, label: t('lesson.broadcast.reference') },
          ...finished.map((run) => ({
            value: run.id,
            label: t('lesson.broadcast.run', { name: run.name, owner: run.ownerName }),
          })),
        ]}
        onChange={setModel}
        testId="broadcast-model"
      />
      {submit.error && <p className="alert alert-error">{submit.error}</p>}
      {sentAt && (
        <p className="alert alert-ok" role="status" data-testid="broadcast-sent">
          {t('lesson.broadcast.sent', { time: formatDateTime(locale, sentAt) })}
        </p>
      )}
      <button type="submit" className="button" disabled={submit.busy} data-testid="broadcast-send">
        {t('lesson.broadcast.send')}
      </button>
    </form>
  );
}
