'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Checkbox } from '@/components/Field';
import { TableHead } from '@/components/TableHead';
import { useI18n } from '@/i18n/client';
import { formatNumber, formatPercent } from '@/lib/format';
import { projectorHref, rankRuns, type WallRun } from './wall';

type LeaderboardProps = {
  runs: WallRun[];
  hideNames: boolean;
  onHideNames: (hide: boolean) => void;
  studentName: (run: WallRun) => string;
};

/** The class's finished runs by test accuracy; names can be replaced by "Élève n" for the projector. */
export function Leaderboard({ runs, hideNames, onHideNames, studentName }: LeaderboardProps) {
  const { t, locale } = useI18n();
  const [bestPerStudent, setBestPerStudent] = useState(false);
  const columns = 'wall.leaderboard.columns';
  return (
    <section className="card" aria-labelledby="wall-leaderboard-title">
      <div className="spread">
        <h2 id="wall-leaderboard-title">{t('wall.leaderboard.title')}</h2>
        <div className="row">
          <Checkbox
            label={t('wall.leaderboard.hideNames')}
            checked={hideNames}
            onChange={onHideNames}
            testId="hide-names"
          />
          <Checkbox
            label={t('wall.leaderboard.bestPerStudent')}
            checked={bestPerStudent}
            onChange={setBestPerStudent}
            testId="best-per-student"
          />
        </div>
      </div>
      <div className="table-wrap">
        <table className="table wall-leaderboard" data-testid="leaderboard">
          <TableHead
            columns={[
              { label: t(`${columns}.rank`), num: true },
              { label: t(`${columns}.student`) },
              { label: t(`${columns}.run`) },
              { label: t(`${columns}.accuracy`), num: true },
              { label: t(`${columns}.parameters`), num: true },
              { label: t(`${columns}.duration`), num: true },
              { label: <span className="visually-hidden">{t(`${columns}.project`)}</span> },
            ]}
          />
          <tbody>
            {rankRuns(runs, bestPerStudent).map(({ rank, run }) => (
              <tr key={run.id} data-testid="leaderboard-row" data-run-id={run.id}>
                <td className="num">{rank}</td>
                <td data-testid="leaderboard-student">{studentName(run)}</td>
                <td>{run.name}</td>
                <td className="num" data-testid="leaderboard-accuracy">
                  {t('common.percent', { value: formatPercent(locale, run.testAccuracy) })}
                </td>
                <td className="num">{formatNumber(locale, run.parameterCount)}</td>
                <td className="num">
                  {run.durationMs === null
                    ? t('common.none')
                    : t('wall.leaderboard.seconds', {
                        value: formatNumber(locale, run.durationMs / 1000, 1),
                      })}
                </td>
                <td>
                  <Link
                    href={projectorHref({ id: run.id, kind: 'network' }, hideNames)}
                    data-testid="project-run"
                  >
                    {t('wall.feed.project')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
