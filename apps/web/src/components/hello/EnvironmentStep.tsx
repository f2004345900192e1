'use client';

import { type THealth, ZTrainingBackend } from '@dlclass/contracts';
import { LoadState } from '@/components/LoadState';
import { Stats } from '@/components/Stats';
import { TableHead } from '@/components/TableHead';
import { useT } from '@/i18n/client';
import { api } from '@/lib/api';
import { useApiData } from '@/lib/useApiData';
import { Step } from './Step';

export function EnvironmentStep() {
  const t = useT();
  const { data: health, error } = useApiData<THealth>(api.health, 15_000);

  const state = (value: 'ok' | 'down' | 'degraded') => t(`hello.environment.${value}`);

  return (
    <Step step="environment">
      <p>{t('hello.environment.intro')}</p>
      <LoadState loaded={health !== null} error={error} />
      {health && (
        <>
          <Stats
            testId="health"
            items={[
              { label: t('hello.environment.apiStatus'), value: state(health.status) },
              { label: t('hello.environment.database'), value: state(health.db) },
              { label: t('hello.environment.redis'), value: state(health.redis) },
            ]}
          />
          <h3>{t('hello.environment.workers')}</h3>
          {health.workers.length === 0 ? (
            <p className="alert alert-warn">{t('hello.environment.noWorker')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="workers">
                <TableHead
                  columns={[
                    { label: t('hello.environment.workerColumn') },
                    { label: t('hello.environment.backend') },
                    { label: t('hello.environment.device') },
                    { label: t('student.columns.status') },
                  ]}
                />
                <tbody>
                  {health.workers.map((w) => {
                    const backend = ZTrainingBackend.safeParse(w.backend);
                    return (
                      <tr key={w.id}>
                        <td>
                          <code>{w.id}</code>
                        </td>
                        <td data-testid="worker-backend">
                          <strong>{w.backend}</strong>
                          {backend.success && (
                            <span className="muted small">
                              {' '}
                              — {t(`hello.environment.backends.${backend.data}`)}
                            </span>
                          )}
                        </td>
                        <td>{w.device}</td>
                        <td>{w.busy ? t('hello.environment.busy') : t('hello.environment.idle')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Step>
  );
}
