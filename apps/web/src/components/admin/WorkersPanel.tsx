'use client';

import type { TAdminWorker } from '@dlclass/contracts';
import { LoadState } from '@/components/LoadState';
import { TableHead } from '@/components/TableHead';
import { useI18n } from '@/i18n/client';
import { formatNumber } from '@/lib/format';

/** The live workers as their heartbeats describe them. */
export function WorkersPanel({ workers, error }: { workers: TAdminWorker[] | null; error: unknown }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" data-testid="admin-workers">
      <h2>{t('admin.workers.title')}</h2>
      <LoadState loaded={workers !== null} error={error} />
      {workers?.length === 0 && <p className="muted">{t('admin.workers.none')}</p>}
      {workers && workers.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <TableHead
              columns={[
                { label: t('admin.workers.id') },
                { label: t('admin.workers.host') },
                { label: t('admin.workers.backend') },
                { label: t('admin.workers.device') },
                { label: t('admin.workers.gpu') },
                { label: t('admin.workers.running'), num: true },
                { label: t('admin.workers.heartbeat'), num: true },
              ]}
            />
            <tbody>
              {workers.map((worker) => (
                <tr key={worker.id} data-testid="admin-worker" data-worker-id={worker.id}>
                  <td className="small">{worker.id}</td>
                  <td className="small">{worker.host ?? t('common.none')}</td>
                  <td>{worker.backend}</td>
                  <td className="small">
                    {worker.device}
                    {worker.unavailable.map(({ backend, reason }) => (
                      <div key={backend} className="muted" data-testid="admin-worker-unavailable">
                        {t('admin.workers.unavailable', { backend, reason })}
                      </div>
                    ))}
                  </td>
                  <td className="small">
                    {worker.gpu
                      ? t('admin.workers.gpuValue', {
                          used: formatNumber(locale, worker.gpu.memoryUsedMb),
                          total: formatNumber(locale, worker.gpu.memoryTotalMb),
                          load: formatNumber(locale, worker.gpu.utilizationPercent),
                        })
                      : t('common.none')}
                  </td>
                  <td className="num">
                    {worker.running.length}
                    {worker.concurrency !== null && ` / ${worker.concurrency}`}
                  </td>
                  <td className="num" data-testid="admin-worker-heartbeat">
                    {t('admin.workers.heartbeatAge', {
                      seconds: formatNumber(locale, worker.heartbeatAgeS, 1),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
