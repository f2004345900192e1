import { SEANCE_1 } from '@dlclass/content';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LessonProgram } from '@/components/LessonProgram';
import { StudentRuns } from '@/components/StudentRuns';
import { getTranslator } from '@/i18n/server';
import { getCurrentUser } from '@/lib/server-api';

export default async function StudentPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  if (user.role !== 'student') redirect('/enseignant');
  const t = await getTranslator();
  return (
    <>
      <div className="spread">
        <h1>{t('student.welcome', { name: user.displayName })}</h1>
        {user.className && <span className="muted">{t('student.classLabel', { name: user.className })}</span>}
      </div>
      <h2 className="visually-hidden">{t('student.title')}</h2>
      <LessonProgram lesson={SEANCE_1} />
      <section className="card" aria-labelledby="runs-title">
        <div className="spread">
          <h2 id="runs-title">{t('student.runsTitle')}</h2>
          <span className="row">
            <Link href="/eleve/comparer">{t('lesson.compare.link')}</Link>
            <Link href="/eleve/glossaire">{t('lesson.glossary.link')}</Link>
          </span>
        </div>
        <StudentRuns />
      </section>
    </>
  );
}
