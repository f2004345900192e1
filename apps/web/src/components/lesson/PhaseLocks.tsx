'use client';

import type { TLesson } from '@dlclass/content';
import type { TClass } from '@dlclass/contracts';
import { useState } from 'react';
import { useT } from '@/i18n/client';
import { errorMessage } from '@/lib/errors';
import { lessonApi } from '@/lib/lessonApi';
import { type AppSocket, useSocket } from '@/lib/socket';
import { useLessonState } from './useLessonState';
import './lesson.css';

/** The teacher opens and locks the lesson's phases, class by class; the switches follow changes live. */
export function PhaseLocks({
  lesson,
  classes,
  error,
}: {
  lesson: TLesson;
  /** The dashboard's list of the teacher's classes (null while loading). */
  classes: TClass[] | null;
  error: unknown;
}) {
  const t = useT();
  const { socket, connected } = useSocket();
  return (
    <section className="card" aria-labelledby="phase-locks-title" data-testid="phase-locks">
      <h2 id="phase-locks-title">{t('lesson.locks.title')}</h2>
      <p className="muted">{t('lesson.locks.intro')}</p>
      {error && !classes ? <p className="alert alert-error">{errorMessage(t, error)}</p> : null}
      {classes?.map((c) => (
        <ClassPhaseLocks key={c.id} lesson={lesson} schoolClass={c} socket={socket} connected={connected} />
      ))}
    </section>
  );
}

function ClassPhaseLocks({
  lesson,
  schoolClass,
  socket,
  connected,
}: {
  lesson: TLesson;
  schoolClass: TClass;
  socket: AppSocket | null;
  connected: boolean;
}) {
  const t = useT();
  const { state, setState, error } = useLessonState(socket, connected, schoolClass.id);
  const [busy, setBusy] = useState<number | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);

  async function toggle(phase: number, locked: boolean) {
    setBusy(phase);
    setSaveError(null);
    try {
      setState(await lessonApi.setPhaseLock(schoolClass.id, phase, { locked }));
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setBusy(null);
    }
  }

  const shown = saveError ?? (state ? null : error);
  return (
    <div data-testid="class-phase-locks" data-class-id={schoolClass.id}>
      <h3>{schoolClass.name}</h3>
      {shown ? (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, shown)}
        </p>
      ) : null}
      {!state && !error && <p className="muted">{t('common.loading')}</p>}
      {state && (
        <ul className="phase-locks">
          {lesson.phases.map((phase) => {
            const locked = state.phases.find((p) => p.number === phase.number)?.locked ?? false;
            const label = t('student.phase', { number: phase.number, title: phase.title });
            return (
              <li key={phase.number} className="phase-lock">
                <span>
                  <strong>{label}</strong>{' '}
                  <span
                    className={`badge ${locked ? 'badge-locked' : 'badge-succeeded'}`}
                    data-testid="phase-lock-state"
                    data-phase={phase.number}
                    data-locked={String(locked)}
                  >
                    {locked ? t('lesson.locks.locked') : t('lesson.locks.open')}
                  </span>
                </span>
                <button
                  type="button"
                  className={`button ${locked ? '' : 'button-secondary'}`}
                  role="switch"
                  aria-checked={!locked}
                  aria-label={t(locked ? 'lesson.locks.unlockLabel' : 'lesson.locks.lockLabel', {
                    phase: label,
                  })}
                  disabled={busy !== null}
                  onClick={() => toggle(phase.number, !locked)}
                  data-testid="phase-lock-toggle"
                  data-phase={phase.number}
                >
                  {locked ? t('lesson.locks.unlock') : t('lesson.locks.lock')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
