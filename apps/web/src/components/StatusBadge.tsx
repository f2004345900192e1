'use client';

import type { TExperimentStatus } from '@dlclass/contracts';
import { useT } from '@/i18n/client';

export function StatusBadge({ status, testId }: { status: TExperimentStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge-${status}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
