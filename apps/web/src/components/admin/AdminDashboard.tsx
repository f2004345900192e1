'use client';

import { useT } from '@/i18n/client';
import { adminApi } from '@/lib/adminApi';
import { useApiData } from '@/lib/useApiData';
import { AdminRuns } from './AdminRuns';
import { QueuePanel } from './QueuePanel';
import { QuotaEditor } from './QuotaEditor';
import { WorkersPanel } from './WorkersPanel';

/** Heartbeats come every 5 s: the page follows them at that pace. */
const REFRESH_MS = 5_000;

/** The admin page: workers, queue, runs, quotas. */
export function AdminDashboard() {
  const t = useT();
  const workers = useApiData(adminApi.workers, REFRESH_MS);
  const queue = useApiData(adminApi.queue, REFRESH_MS);
  return (
    <>
      <p className="muted">{t('admin.intro')}</p>
      <WorkersPanel workers={workers.data} error={workers.error} />
      <QueuePanel stats={queue.data} error={queue.error} onChange={() => void queue.refresh()} />
      <AdminRuns refreshMs={REFRESH_MS} onChange={() => void queue.refresh()} />
      <QuotaEditor />
    </>
  );
}
