'use client';

import type { TExperimentSummary } from '@dlclass/contracts';
import Link from 'next/link';
import { useI18n } from '@/i18n/client';
import { formatDateTime, formatPercent } from '@/lib/format';
import { queuePlaceText } from '@/lib/queuePlace';
import type { TFeedRun } from '@/lib/useLiveRuns';
import { StatusBadge } from './StatusBadge';
import { TableHead } from './TableHead';
import { runParameters } from './teacher/wall/runParameters';
import { projectorHref } from './teacher/wall/wall';

/** A student's own network runs, or a teacher's feed of the class's runs of both kinds. */
type RunsTableProps =
  | { variant: 'student'; runs: TExperimentSummary[] }
  | { variant: 'teacher'; runs: TFeedRun[] };

/** A network run's epochs done and planned; a classical run has no epochs. */
function epochProgress(run: TExperimentSummary | TFeedRun): { done: number; total: number } | null {
  if ('kind' in run && run.kind === 'classical') return null;
  const total = run.spec.training.epochs;
  return { done: run.status === 'succeeded' ? total : run.epochs.length, total };
}

/** Runs with their live status and progress; names typed by students are rendered as plain text. */
export function RunsTable(props: RunsTableProps) {
  const { t, locale } = useI18n();
  const { variant } = props;
  const rows: (TExperimentSummary | TFeedRun)[] = props.runs;
  const columns = variant === 'student' ? 'student.columns' : 'teacher.columns';
  return (
    <div className="table-wrap">
      <table className="table" data-testid="runs-table">
        <TableHead
          columns={[
            variant === 'teacher' && { label: t('teacher.columns.student') },
            { label: variant === 'teacher' ? t('teacher.columns.run') : t('student.columns.name') },
            variant === 'teacher' && { label: t('wall.feed.kind') },
            variant === 'teacher' && { label: t('wall.feed.parameters') },
            { label: t(`${columns}.status`) },
            { label: t(`${columns}.progress`) },
            { label: t(`${columns}.accuracy`), num: true },
            variant === 'teacher' && { label: t('teacher.columns.backend') },
            { label: variant === 'teacher' ? t('teacher.columns.started') : t('student.columns.date') },
            {
              label: (
                <span className="visually-hidden">
                  {t(variant === 'student' ? 'student.columns.open' : 'wall.feed.project')}
                </span>
              ),
            },
          ]}
        />
        <tbody>
          {rows.map((run) => {
            const epochs = epochProgress(run);
            const progress = epochs && t(`${variant}.epochProgress`, epochs);
            const feedRun = 'kind' in run ? run : null;
            const queuePlace = run.status === 'queued' && queuePlaceText(t, locale, run);
            return (
              <tr
                key={run.id}
                data-testid="run-row"
                data-run-id={run.id}
                data-status={run.status}
                data-kind={feedRun?.kind}
              >
                {variant === 'teacher' && <td>{run.ownerName}</td>}
                <td>{run.name}</td>
                {feedRun && (
                  <>
                    <td>{t(`wall.kinds.${feedRun.kind}`)}</td>
                    <td className="small" data-testid="run-parameters">
                      {runParameters(t, locale, feedRun)}
                    </td>
                  </>
                )}
                <td>
                  <StatusBadge status={run.status} />
                  {queuePlace && (
                    <div className="small muted" data-testid="queue-place">
                      {queuePlace}
                    </div>
                  )}
                </td>
                <td>
                  {epochs && progress ? (
                    <div className="row">
                      <div
                        className="progress"
                        role="progressbar"
                        aria-valuemin={0}
                        aria-valuemax={epochs.total}
                        aria-valuenow={epochs.done}
                        aria-label={progress}
                      >
                        <span style={{ width: `${(100 * epochs.done) / Math.max(1, epochs.total)}%` }} />
                      </div>
                      <span className="small muted" data-testid="run-progress">
                        {progress}
                      </span>
                    </div>
                  ) : (
                    t('common.none')
                  )}
                </td>
                <td className="num" data-testid="run-accuracy">
                  {run.testAccuracy === null
                    ? t('common.none')
                    : t('common.percent', { value: formatPercent(locale, run.testAccuracy) })}
                </td>
                {variant === 'teacher' && <td>{run.backend ?? t('common.none')}</td>}
                <td className="small">{formatDateTime(locale, run.createdAt)}</td>
                <td>
                  {feedRun ? (
                    <Link href={projectorHref(feedRun)} data-testid="project-run">
                      {t('wall.feed.project')}
                    </Link>
                  ) : (
                    <Link href={`/eleve/hello-world?run=${run.id}`}>{t('student.openRun')}</Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
