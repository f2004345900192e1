'use client';

import type { TQueueStats } from '@dlclass/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { LoadState } from '@/components/LoadState';
import { NumberField } from '@/components/NumberField';
import { Stats } from '@/components/Stats';
import { useI18n } from '@/i18n/client';
import { adminApi, BULL_BOARD_URL } from '@/lib/adminApi';
import { fieldErrorMap } from '@/lib/errors';
import { formatNumber } from '@/lib/format';
import { useSubmit } from '@/lib/useSubmit';

/** The queue's counts and last hour, pause/resume, the global concurrency and the link to Bull Board. */
export function QueuePanel({
  stats,
  error,
  onChange,
}: {
  stats: TQueueStats | null;
  error: unknown;
  onChange: () => void;
}) {
  const { t, locale } = useI18n();
  const toggle = useSubmit();
  const seconds = (ms: number | null) =>
    ms === null ? t('common.none') : t('admin.queue.seconds', { value: formatNumber(locale, ms / 1000, 1) });

  return (
    <section className="card" data-testid="admin-queue">
      <div className="spread">
        <h2>{t('admin.queue.title')}</h2>
        <a className="button button-secondary" href={BULL_BOARD_URL} target="_blank" rel="noreferrer">
          {t('admin.bullBoard')}
        </a>
      </div>
      <LoadState loaded={stats !== null} error={error} />
      {stats && (
        <>
          <Stats
            testId="admin-queue-stats"
            items={[
              {
                label: t('admin.queue.waiting'),
                value: stats.counts.waiting + stats.counts.prioritized,
                testId: 'admin-queue-waiting',
              },
              { label: t('admin.queue.active'), value: stats.counts.active, testId: 'admin-queue-active' },
              { label: t('admin.queue.failed'), value: stats.counts.failed },
              { label: t('admin.queue.completed'), value: stats.counts.completed },
              { label: t('admin.queue.meanWait'), value: seconds(stats.lastHour.meanWaitMs) },
              { label: t('admin.queue.meanRun'), value: seconds(stats.lastHour.meanRunMs) },
            ]}
          />
          <div className="row">
            <p
              className={stats.paused ? 'alert alert-warn' : 'alert alert-ok'}
              data-testid="admin-queue-state"
              data-paused={stats.paused}
            >
              {stats.paused ? t('admin.queue.paused') : t('admin.queue.running')}
            </p>
            <button
              type="button"
              className="button"
              disabled={toggle.busy}
              data-testid="admin-queue-toggle"
              onClick={() =>
                void toggle.run(async () => {
                  await (stats.paused ? adminApi.resume() : adminApi.pause());
                  onChange();
                })
              }
            >
              {stats.paused ? t('admin.queue.resume') : t('admin.queue.pause')}
            </button>
          </div>
          {toggle.error && <p className="alert alert-error">{toggle.error}</p>}
        </>
      )}
      <GlobalConcurrency current={stats?.globalConcurrency} onSaved={onChange} />
    </section>
  );
}

/** The runs all workers may train at once; empty means no global limit. */
function GlobalConcurrency({
  current,
  onSaved,
}: {
  current: number | null | undefined;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(Number.NaN);
  const [saved, setSaved] = useState(false);
  const submission = useSubmit();
  useEffect(() => {
    if (current !== undefined) setValue(current ?? Number.NaN);
  }, [current]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const globalConcurrency = Number.isNaN(value) ? null : value;
    setSaved(await submission.run(() => adminApi.saveSettings({ globalConcurrency }).then(onSaved)));
  }

  return (
    <form onSubmit={save} noValidate data-testid="admin-settings">
      <h3>{t('admin.settings.title')}</h3>
      <div className="row">
        <NumberField
          label={t('admin.settings.globalConcurrency')}
          hint={t('admin.settings.hint')}
          value={value}
          min={1}
          max={256}
          onChange={(next) => {
            setValue(next);
            setSaved(false);
          }}
          error={fieldErrorMap(submission.fields).globalConcurrency}
          testId="admin-global-concurrency"
        />
        <button type="submit" className="button" disabled={submission.busy}>
          {t('admin.settings.save')}
        </button>
      </div>
      {submission.error && <p className="alert alert-error">{submission.error}</p>}
      {saved && (
        <p className="alert alert-ok" role="status">
          {t('admin.settings.saved')}
        </p>
      )}
    </form>
  );
}
