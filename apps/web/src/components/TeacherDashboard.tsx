'use client';

import type { TLesson } from '@dlclass/content';
import type { TClass } from '@dlclass/contracts';
import { useEffect, useState } from 'react';
import { useT } from '@/i18n/client';
import { api } from '@/lib/api';
import { errorMessage } from '@/lib/errors';
import { useSocket } from '@/lib/socket';
import { useLiveClassRuns } from '@/lib/useLiveRuns';
import { PhaseLocks } from './lesson/PhaseLocks';
import { RunsTable } from './RunsTable';
import { BroadcastForm } from './teacher/BroadcastForm';
import { ClassManager, NewClassForm } from './teacher/ClassManager';
import { ClassRunDefaults } from './teacher/ClassRunDefaults';
import { TeacherNav } from './teacher/ClassScope';
import { HandsPanel } from './teacher/HandsPanel';
import { ClassProgress } from './teacher/live/ClassProgress';
import { useClassesPresence } from './teacher/live/useClassesPresence';
import { QuizImport } from './teacher/QuizImport';

/** The teacher's classes (created, managed, selected), their runs live, their phases and their QCM. */
export function TeacherDashboard({ lesson }: { lesson: TLesson }) {
  const t = useT();
  const [classes, setClasses] = useState<TClass[] | null>(null);
  const [classesError, setClassesError] = useState<unknown>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  useEffect(() => {
    api
      .classes()
      .then((list) => {
        setClasses(list);
        setSelectedId((current) => current ?? list[0]?.id ?? null);
      })
      .catch(setClassesError);
  }, []);

  const { socket, connected } = useSocket();
  const { feed, networks, error } = useLiveClassRuns(socket, selectedId, selectedId !== null);
  const selected = classes?.find((c) => c.id === selectedId) ?? null;
  const online = useClassesPresence(socket, classes, setClasses);

  return (
    <>
      <TeacherNav classId={selectedId} />
      <section className="card" aria-labelledby="classes-title">
        <h2 id="classes-title">{t('teacher.classesTitle')}</h2>
        {classesError ? <p className="alert alert-error">{errorMessage(t, classesError)}</p> : null}
        <NewClassForm
          onCreated={(created) => {
            setClasses((list) => [...(list ?? []), created]);
            setSelectedId(created.id);
          }}
        />
        {!classes && !classesError && <p className="muted">{t('common.loading')}</p>}
        {classes?.length === 0 && <p className="muted">{t('teacher.noClasses')}</p>}
        {classes && classes.length > 0 && (
          <ul className="class-list" data-testid="class-list">
            {classes.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="class-button"
                  aria-pressed={c.id === selectedId}
                  onClick={() => setSelectedId(c.id)}
                  data-testid="class-button"
                >
                  <strong>{c.name}</strong>
                  {c.archived && <span className="badge">{t('teacherTools.classes.archivedBadge')}</span>}
                  <br />
                  <span className="small">
                    {t('teacher.codeLabel')}{' '}
                    <span className="class-code" data-testid="class-code">
                      {c.code}
                    </span>
                  </span>
                  <br />
                  <span className="small muted" data-testid="class-students">
                    {t('teacher.studentCount', { count: c.studentCount })} ·{' '}
                    {t('live.onlineCount', { count: online.get(c.id)?.size ?? 0 })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {selected && (
          <ClassManager
            key={selected.id}
            schoolClass={selected}
            onChanged={(changed) =>
              setClasses((list) => list?.map((c) => (c.id === changed.id ? changed : c)) ?? list)
            }
          />
        )}
        {selected && (
          <ClassRunDefaults
            key={`run-defaults-${selected.id}`}
            classId={selected.id}
            studentCount={selected.studentCount}
          />
        )}
      </section>
      {selected && (
        <section className="card" aria-labelledby="class-runs-title">
          <div className="spread">
            <h2 id="class-runs-title">{t('teacher.runsTitle', { name: selected.name })}</h2>
            <span
              className={`small live-dot${connected ? '' : ' off'}`}
              role="status"
              data-testid="live-status"
            >
              {connected ? t('teacher.live') : t('teacher.offline')}
            </span>
          </div>
          {error && !feed ? <p className="alert alert-error">{errorMessage(t, error)}</p> : null}
          {!feed && !error && <p className="muted">{t('common.loading')}</p>}
          {feed?.length === 0 && <p className="muted">{t('teacher.noRuns')}</p>}
          {feed && feed.length > 0 && <RunsTable runs={feed} variant="teacher" />}
          <HandsPanel key={`hands-${selected.id}`} classId={selected.id} socket={socket} />
          <ClassProgress
            key={`progress-${selected.id}`}
            classId={selected.id}
            lesson={lesson}
            socket={socket}
          />
          <BroadcastForm key={selected.id} classId={selected.id} runs={networks} />
        </section>
      )}
      <PhaseLocks lesson={lesson} classes={classes} error={classesError} />
      <QuizImport classes={classes} error={classesError} />
    </>
  );
}
