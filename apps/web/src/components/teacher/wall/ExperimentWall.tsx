'use client';

import { TERMINAL_STATUSES, type TExperimentStatusEvent } from '@dlclass/contracts';
import { useCallback, useMemo, useState } from 'react';
import { useI18n } from '@/i18n/client';
import { errorMessage } from '@/lib/errors';
import { useSocket, useSocketEvent } from '@/lib/socket';
import { useLiveRuns } from '@/lib/useLiveRuns';
import { ClassScope } from '../ClassScope';
import { Leaderboard } from './Leaderboard';
import { ParallelCoordinates } from './ParallelCoordinates';
import { ScatterGrid } from './ScatterGrid';
import { finishedRuns, studentNumbers, type WallRun } from './wall';

/** The class's experiment wall: accuracy against each hyper-parameter, every run in parallel, the leaderboard. */
export function ExperimentWall({ classId }: { classId: string }) {
  const { t } = useI18n();
  const { socket, connected } = useSocket();
  const { runs, error, reload } = useLiveRuns(socket, classId);
  const [hideNames, setHideNames] = useState(false);

  // A run that ends has a duration and a parameter count the status event does not carry: read the list again.
  useSocketEvent(socket, 'experiment:status', (event: TExperimentStatusEvent) => {
    if (event.kind === 'network' && TERMINAL_STATUSES.includes(event.status)) void reload();
  });

  const finished = useMemo(() => finishedRuns(runs ?? []), [runs]);
  const numbers = useMemo(() => studentNumbers(runs ?? []), [runs]);
  const studentName = useCallback(
    (run: WallRun) =>
      hideNames ? t('wall.leaderboard.anonymous', { n: numbers.get(run.userId) ?? 0 }) : run.ownerName,
    [hideNames, numbers, t],
  );

  return (
    <div className="wall" data-testid="experiment-wall">
      <div className="spread">
        <p className="muted" data-testid="wall-count">
          {t('wall.runCount', { count: finished.length })}
        </p>
        <span className={`small live-dot${connected ? '' : ' off'}`} role="status" data-testid="live-status">
          {connected ? t('wall.live') : t('wall.offline')}
        </span>
      </div>
      {error && !runs ? <p className="alert alert-error">{errorMessage(t, error)}</p> : null}
      {!runs && !error && <p className="muted">{t('common.loading')}</p>}
      {runs && finished.length === 0 && <p className="muted">{t('wall.noRuns')}</p>}
      {finished.length > 0 && (
        <>
          <Leaderboard
            runs={finished}
            hideNames={hideNames}
            onHideNames={setHideNames}
            studentName={studentName}
          />
          <ScatterGrid runs={finished} studentName={studentName} />
          <ParallelCoordinates runs={finished} studentName={studentName} />
        </>
      )}
    </div>
  );
}

/** The wall of the class picked in the teacher's class scope (a function child cannot cross from the server). */
export function ScopedExperimentWall() {
  return <ClassScope>{(schoolClass) => <ExperimentWall classId={schoolClass.id} />}</ClassScope>;
}
