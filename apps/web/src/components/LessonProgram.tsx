import type { TLesson } from '@dlclass/content';
import Link from 'next/link';
import type { Translate } from '@/i18n';

/** The lesson's phases and activities; activities the platform has no page for yet are shown greyed out. */
export function LessonProgram({ lesson, t }: { lesson: TLesson; t: Translate }) {
  return lesson.phases.map((phase) => (
    <section key={phase.number} className="card" aria-labelledby={`phase-${phase.number}`}>
      <div className="spread">
        <h2 id={`phase-${phase.number}`}>
          {t('student.phase', { number: phase.number, title: phase.title })}
        </h2>
        <span className="muted">{t('student.duration', { minutes: phase.durationMinutes })}</span>
      </div>
      <p className="muted">{phase.goal}</p>
      <ul className="activity-list">
        {phase.activities.map((activity) => (
          <li
            key={activity.slug}
            className={`activity-card${activity.available ? '' : ' activity-unavailable'}`}
            data-testid="activity"
            data-slug={activity.slug}
          >
            <div>
              <h3>{activity.title}</h3>
              <p className="muted">{activity.summary}</p>
              <p className="activity-meta">
                {t('student.duration', { minutes: activity.durationMinutes })} ·{' '}
                {t('student.competences', { list: activity.competences.join(', ') })}
              </p>
            </div>
            {activity.available ? (
              <Link
                href={`/eleve/${activity.slug}`}
                className="button button-big"
                data-testid={activity.slug === 'hello-world' ? 'open-hello-world' : `open-${activity.slug}`}
              >
                {t('student.openActivity')}
              </Link>
            ) : (
              <span className="badge">{t('student.comingSoon')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  ));
}
