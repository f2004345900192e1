'use client';

import type { TActivity, TLesson } from '@dlclass/content';
import type { TActivityProgress, TLessonState } from '@dlclass/contracts';
import Link from 'next/link';
import { useI18n } from '@/i18n/client';
import { errorMessage } from '@/lib/errors';
import { useSocket } from '@/lib/socket';
import { BroadcastNotice } from './lesson/BroadcastNotice';
import { useLessonState } from './lesson/useLessonState';
import './lesson/lesson.css';

const progressOf = (state: TLessonState | null, activity: TActivity): TActivityProgress =>
  state?.progress[activity.slug] ?? 'not-started';

/**
 * The student's path through the lesson: the phases in order with their activities and the student's progress
 * on each. A phase the teacher locked is shown locked, and the view follows the teacher's locks live.
 */
export function LessonProgram({ lesson }: { lesson: TLesson }) {
  const { t } = useI18n();
  const { socket, connected } = useSocket();
  const { state, error } = useLessonState(socket, connected, null);
  const lockedPhases = new Set(state?.phases.filter((p) => p.locked).map((p) => p.number));
  const counted = lesson.phases.flatMap((phase) => phase.activities.filter((a) => a.available));
  const done = counted.filter((activity) => progressOf(state, activity) === 'done').length;
  const overall = t('lesson.path.overall', { done, total: counted.length });

  return (
    <>
      <section className="card" aria-labelledby="path-title">
        <div className="spread">
          <h2 id="path-title">{t('lesson.path.title')}</h2>
          <span
            className={`small live-dot${connected ? '' : ' off'}`}
            role="status"
            data-testid="lesson-live"
          >
            {connected ? t('lesson.path.live') : t('lesson.path.offline')}
          </span>
        </div>
        {error && !state ? <p className="alert alert-error">{errorMessage(t, error)}</p> : null}
        <div className="row">
          <div
            className="progress lesson-overall"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={counted.length}
            aria-valuenow={done}
            aria-label={overall}
            data-testid="lesson-overall"
            data-done={done}
          >
            <span style={{ width: `${(100 * done) / Math.max(1, counted.length)}%` }} />
          </div>
          <span className="small muted">{overall}</span>
        </div>
      </section>
      {state?.broadcast && <BroadcastNotice broadcast={state.broadcast} />}
      <ol className="lesson-path">
        {lesson.phases.map((phase) => {
          // until the state arrives, phases are neither shown open nor locked
          const locked = lockedPhases.has(phase.number);
          const headingId = `phase-${phase.number}`;
          return (
            <li
              key={phase.number}
              className={`card lesson-phase${locked ? ' lesson-phase-locked' : ''}`}
              aria-labelledby={headingId}
              data-testid="lesson-phase"
              data-phase={phase.number}
              data-locked={state ? String(locked) : ''}
            >
              <div className="spread">
                <h2 id={headingId}>
                  <span className="phase-number" aria-hidden="true">
                    {phase.number}
                  </span>
                  {t('student.phase', { number: phase.number, title: phase.title })}
                </h2>
                <span className="muted">
                  {locked && (
                    <span className="badge badge-locked" data-testid="phase-locked-badge">
                      {t('lesson.path.locked')}
                    </span>
                  )}{' '}
                  {t('student.duration', { minutes: phase.durationMinutes })}
                </span>
              </div>
              <p className="muted">{phase.goal}</p>
              {locked && (
                <p className="alert alert-warn" data-testid="phase-locked-reason">
                  {t('lesson.path.lockedReason')}
                </p>
              )}
              <ul className="activity-list">
                {phase.activities.map((activity) => (
                  <ActivityCard
                    key={activity.slug}
                    activity={activity}
                    locked={locked}
                    progress={progressOf(state, activity)}
                  />
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </>
  );
}

function ActivityCard({
  activity,
  locked,
  progress,
}: {
  activity: TActivity;
  locked: boolean;
  progress: TActivityProgress;
}) {
  const { t } = useI18n();
  const open = activity.available && !locked;
  return (
    <li
      className={`activity-card${open ? '' : ' activity-unavailable'}`}
      data-testid="activity"
      data-slug={activity.slug}
      data-progress={progress}
    >
      <div>
        <h3>{activity.title}</h3>
        <p className="muted">{activity.summary}</p>
        <p className="activity-meta">
          {t('student.duration', { minutes: activity.durationMinutes })} ·{' '}
          {t('student.competences', { list: activity.competences.join(', ') })}
          {activity.deliverable !== null && (
            <> · {t('lesson.path.deliverable', { number: activity.deliverable })}</>
          )}
        </p>
      </div>
      <div className="activity-actions">
        {activity.available && (
          <span className={`badge progress-${progress}`} data-testid="activity-progress">
            {t(`lesson.progress.${progress}`)}
          </span>
        )}
        {!activity.available ? (
          <span className="badge">{t('student.comingSoon')}</span>
        ) : locked ? (
          <span className="button button-big button-disabled" aria-disabled="true">
            {t('lesson.path.lockedActivity')}
          </span>
        ) : (
          <Link
            href={`/eleve/${activity.slug}`}
            className="button button-big"
            data-testid={`open-${activity.slug}`}
          >
            {t(progress === 'not-started' ? 'student.openActivity' : 'lesson.path.continue')}
          </Link>
        )}
      </div>
    </li>
  );
}
