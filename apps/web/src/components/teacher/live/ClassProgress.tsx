'use client';

import type { TLesson } from '@dlclass/content';
import type {
  TActivityProgress,
  TExperimentStatusEvent,
  TPresenceChangedEvent,
  TRosterChangedEvent,
} from '@dlclass/contracts';
import { useMemo } from 'react';
import { LoadState } from '@/components/LoadState';
import { useI18n } from '@/i18n/client';
import { formatDateTime } from '@/lib/format';
import { progressApi } from '@/lib/progressApi';
import { type AppSocket, useOnConnect, useSocketEvent } from '@/lib/socket';
import { useApiData } from '@/lib/useApiData';
import { useCoalesced } from '@/lib/useCoalesced';
import { useEvery } from '@/lib/useEvery';
import { doneCount, gridPhases, statusOf } from './progressGrid';

/** Saved answers and QCM attempts send no event: the grid also re-reads the class this often. */
const REFRESH_MS = 10_000;

const ICONS: Record<TActivityProgress, string> = { 'not-started': '·', 'in-progress': '◐', done: '✓' };

/**
 * The class's students (one row each, online or not) against the lesson's activities (one column each,
 * under their phase), live: re-read when a student comes or goes, joins or leaves, or one of its runs
 * changes status, and every 10 s for saved work; bursts of events (a class arriving) make one or two reads.
 */
export function ClassProgress({
  classId,
  lesson,
  socket,
}: {
  classId: string;
  lesson: TLesson;
  socket: AppSocket | null;
}) {
  const { t, locale } = useI18n();
  const { data, error, refresh } = useApiData(() => progressApi.classProgress(classId));
  const phases = useMemo(() => gridPhases(lesson), [lesson]);
  const activities = phases.flatMap((phase) => phase.activities);
  const phaseStarts = new Set(phases.map((phase) => phase.activities[0]?.slug));

  const reload = useCoalesced(refresh);
  const students = data?.students ?? [];

  useOnConnect(socket, reload);
  useEvery(REFRESH_MS, reload);
  // the read says who is online now: events that arrive out of order (a quick reload) end up right
  useSocketEvent(socket, 'presence:changed', (event: TPresenceChangedEvent) => {
    if (event.classId === classId) reload();
  });
  useSocketEvent(socket, 'class:roster-changed', (event: TRosterChangedEvent) => {
    if (event.classId === classId) reload();
  });
  // the socket may still follow other classes' runs (a class shown before, the phase locks)
  useSocketEvent(socket, 'experiment:status', (event: TExperimentStatusEvent) => {
    if (students.some((student) => student.id === event.userId)) reload();
  });

  const online = students.filter((student) => student.online).length;

  return (
    <div data-testid="class-progress">
      <div className="spread">
        <h3>{t('live.title')}</h3>
        {data && (
          <span className="small" data-testid="progress-online">
            {t('live.onlineCount', { count: online })} /{' '}
            {t('teacher.studentCount', { count: students.length })}
          </span>
        )}
      </div>
      <p className="small muted">{t('live.intro')}</p>
      <LoadState loaded={data !== null} error={data ? null : error} />
      {data && students.length === 0 && <p className="muted">{t('live.noStudents')}</p>}
      {students.length > 0 && (
        <div className="table-wrap">
          <table className="table live-grid">
            <caption className="visually-hidden">{t('live.title')}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2} className="live-student">
                  {t('live.student')}
                </th>
                {phases.map((phase) => (
                  <th
                    key={phase.number}
                    scope="colgroup"
                    colSpan={phase.activities.length}
                    className="live-phase"
                  >
                    <abbr title={phase.title}>{t('live.phase', { number: phase.number })}</abbr>
                  </th>
                ))}
                <th scope="col" rowSpan={2}>
                  {t('live.lastActivity')}
                </th>
              </tr>
              <tr>
                {activities.map((activity) => (
                  <th
                    key={activity.slug}
                    scope="col"
                    className={`live-activity${phaseStarts.has(activity.slug) ? ' phase-start' : ''}`}
                  >
                    <abbr title={activity.title}>
                      {activity.heading ? t(activity.heading) : activity.title}
                    </abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {students.map((student) => (
                <tr key={student.id} data-testid="progress-row" data-online={student.online}>
                  <th scope="row" className="live-student">
                    <span className={`presence-dot${student.online ? ' on' : ''}`} aria-hidden="true" />
                    <span className="visually-hidden">
                      {student.online ? t('live.online') : t('live.offline')} :{' '}
                    </span>
                    <span data-testid="progress-name">{student.name}</span>
                  </th>
                  {activities.map((activity) => {
                    const status = statusOf(student, activity.slug);
                    const label = t(`live.status.${status}`);
                    return (
                      <td
                        key={activity.slug}
                        className={`live-cell live-${status}${phaseStarts.has(activity.slug) ? ' phase-start' : ''}`}
                        title={`${activity.title} : ${label}`}
                        data-activity={activity.slug}
                        data-status={status}
                      >
                        <span aria-hidden="true">{ICONS[status]}</span>
                        <span className="visually-hidden">{label}</span>
                      </td>
                    );
                  })}
                  <td className="small muted live-last">
                    {student.lastActivityAt
                      ? formatDateTime(locale, student.lastActivityAt)
                      : t('live.never')}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="live-student">
                  {t('live.summaryRow')}
                </th>
                {activities.map((activity) => {
                  const done = doneCount(students, activity.slug);
                  return (
                    <td
                      key={activity.slug}
                      className={`live-cell small${phaseStarts.has(activity.slug) ? ' phase-start' : ''}`}
                      title={t('live.summary', { done, total: students.length })}
                      data-testid="progress-summary"
                    >
                      {done}/{students.length}
                    </td>
                  );
                })}
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}
