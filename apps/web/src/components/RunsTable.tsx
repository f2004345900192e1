'use client';

import type { TExperimentSummary } from '@dlclass/contracts';
import Link from 'next/link';
import { useI18n } from '@/i18n/client';
import { formatDateTime, formatPercent } from '@/lib/format';
import { StatusBadge } from './StatusBadge';
import { TableHead } from './TableHead';

type Variant = 'student' | 'teacher';

/** Runs with their live status and progress; names typed by students are rendered as plain text. */
export function RunsTable({ runs, variant }: { runs: TExperimentSummary[]; variant: Variant }) {
  const { t, locale } = useI18n();
  const columns = variant === 'student' ? 'student.columns' : 'teacher.columns';
  return (
    <div className="table-wrap">
      <table className="table" data-testid="runs-table">
        <TableHead
          columns={[
            variant === 'teacher' && { label: t('teacher.columns.student') },
            { label: variant === 'teacher' ? t('teacher.columns.run') : t('student.columns.name') },
            { label: t(`${columns}.status`) },
            { label: t(`${columns}.progress`) },
            { label: t(`${columns}.accuracy`), num: true },
            variant === 'teacher' && { label: t('teacher.columns.backend') },
            { label: variant === 'teacher' ? t('teacher.columns.started') : t('student.columns.date') },
            variant === 'student' && {
              label: <span className="visually-hidden">{t('student.columns.open')}</span>,
            },
          ]}
        />
        <tbody>
          {runs.map((run) => {
            const total = run.spec.training.epochs;
            const done = run.status === 'succeeded' ? total : run.epochs.length;
            const progress = t(`${variant}.epochProgress`, { done, total });
            return (
              <tr key={run.id} data-testid="run-row" data-run-id={run.id} data-status={run.status}>
                {variant === 'teacher' && <td>{run.ownerName}</td>}
                <td>{run.name}</td>
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td>
                  <div className="row">
                    <div
                      className="progress"
                      role="progressbar"
                      aria-valuemin={0}
                      aria-valuemax={total}
                      aria-valuenow={done}
                      aria-label={progress}
                    >
                      <span style={{ width: `${(100 * done) / Math.max(1, total)}%` }} />
                    </div>
                    <span className="small muted" data-testid="run-progress">
                      {progress}
                    </span>
                  </div>
                </td>
                <td className="num" data-testid="run-accuracy">
                  {run.testAccuracy === null
                    ? t('common.none')
                    : t('common.percent', { value: formatPercent(locale, run.testAccuracy) })}
                </td>
                {variant === 'teacher' && <td>{run.backend ?? t('common.none')}</td>}
                <td className="small">{formatDateTime(locale, run.createdAt)}</td>
                {variant === 'student' && (
                  <td>
                    <Link href={`/eleve/hello-world?run=${run.id}`}>{t('student.openRun')}</Link>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
