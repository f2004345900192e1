'use client';

import { useT } from '@/i18n/client';
import { errorMessage } from '@/lib/errors';
import { useSocket } from '@/lib/socket';
import { useLiveRuns } from '@/lib/useLiveRuns';
import { RunsTable } from './RunsTable';

export function StudentRuns() {
  const t = useT();
  const { socket } = useSocket();
  const { runs, error } = useLiveRuns(socket, null);
  if (error && !runs) return <p className="alert alert-error">{errorMessage(t, error)}</p>;
  if (!runs) return <p className="muted">{t('common.loading')}</p>;
  if (runs.length === 0) return <p className="muted">{t('student.noRuns')}</p>;
  return <RunsTable runs={runs} variant="student" />;
}
