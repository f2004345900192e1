'use client';

import { type TAdminRun, ZAdminRun } from '@dlclass/contracts';
import { useState } from 'react';
import { CompactSelect } from '@/components/Field';
import { LoadState } from '@/components/LoadState';
import { StatusBadge } from '@/components/StatusBadge';
import { TableHead } from '@/components/TableHead';
import { useI18n, useT } from '@/i18n/client';
import { adminApi } from '@/lib/adminApi';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useApiData } from '@/lib/useApiData';
import { useSubmit } from '@/lib/useSubmit';

const STATUSES = ZAdminRun.shape.status.options;
type Filter = TAdminRun['status'] | 'all';

/** The latest runs of every class, unfinished first, filtered by status. */
export function AdminRuns({ refreshMs, onChange }: { refreshMs: number; onChange: () => void }) {
  const t = useT();
  const [filter, setFilter] = useState<Filter>('all');
  return (
    <section className="card" data-testid="admin-runs">
      <div className="spread">
        <h2>{t('admin.runs.title')}</h2>
        <CompactSelect<Filter>
          label={t('admin.runs.filter')}
          value={filter}
          options={[
            { value: 'all', label: t('admin.runs.all') },
            ...STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
          ]}
          onChange={setFilter}
        />
      </div>
      <RunsList key={filter} filter={filter} refreshMs={refreshMs} onChange={onChange} />
    </section>
  );
}

/** One filter's runs: cancel a queued or running one, retry a failed one. */
function RunsList({
  filter,
  refreshMs,
  onChange,
}: {
  filter: Filter;
  refreshMs: number;
  onChange: () => void;
}) {
  const { t, locale } = useI18n();
  const {
    data: runs,
    error,
    refresh,
  } = useApiData(() => adminApi.runs(filter === 'all' ? {} : { status: filter }), refreshMs);
  const action = useSubmit();
  const [retried, setRetried] = useState(false);
  const act = (work: () => Promise<unknown>, isRetry: boolean) =>
    void action.run(async () => {
      await work();
      setRetried(isRetry);
      await refresh();
      onChange();
    });

  return (
    <>
      <LoadState loaded={runs !== null} error={error} />
      {action.error && <p className="alert alert-error">{action.error}</p>}
      {retried && !action.error && (
        <p className="alert alert-ok" role="status">
          {t('admin.runs.retried')}
        </p>
      )}
      {runs?.length === 0 && <p className="muted">{t('admin.runs.none')}</p>}
      {runs && runs.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <TableHead
              columns={[
                { label: t('admin.runs.name') },
                { label: t('admin.runs.owner') },
                { label: t('admin.runs.kind') },
                { label: t('admin.runs.status') },
                { label: t('admin.runs.created') },
                { label: t('admin.runs.duration'), num: true },
                { label: t('admin.runs.actions') },
              ]}
            />
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-testid="admin-run" data-run-id={run.id}>
                  <td>
                    {run.name}
                    {run.error && <div className="small muted">{run.error}</div>}
                  </td>
                  <td>
                    {run.ownerName}
                    {run.className && <div className="small muted">{run.className}</div>}
                  </td>
                  <td className="small">{t(`admin.runs.kinds.${run.kind}`)}</td>
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td className="small">{formatDateTime(locale, run.createdAt)}</td>
                  <td className="num small">
                    {run.durationMs === null
                      ? t('common.none')
                      : t('admin.queue.seconds', { value: formatNumber(locale, run.durationMs / 1000, 1) })}
                  </td>
                  <td>
                    {(run.status === 'queued' || run.status === 'running') && (
                      <button
                        type="button"
                        className="button button-quiet"
                        disabled={action.busy}
                        onClick={() => act(() => adminApi.cancel(run.id), false)}
                      >
                        {t('admin.runs.cancel')}
                      </button>
                    )}
                    {run.status === 'failed' && run.retriedAsId && (
                      <span className="small muted">{t('admin.runs.alreadyRetried')}</span>
                    )}
                    {run.status === 'failed' && !run.retriedAsId && (
                      <button
                        type="button"
                        className="button button-quiet"
                        disabled={action.busy}
                        onClick={() => act(() => adminApi.retry(run.id), true)}
                      >
                        {t('admin.runs.retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
