import { foldForMatching, GLOSSARY } from '@dlclass/content';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { GlossaryText } from '@/components/lesson/GlossaryText';
import { getLocale, getTranslator } from '@/i18n/server';
import { getCurrentUser } from '@/lib/server-api';
import '@/components/lesson/lesson.css';

export default async function GlossaryPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  const t = await getTranslator();
  const locale = await getLocale();
  const terms = [...GLOSSARY].sort((a, b) =>
    foldForMatching(a.term).localeCompare(foldForMatching(b.term), locale),
  );
  return (
    <>
      <p>
        <Link href={user.role === 'student' ? '/eleve' : '/enseignant'}>{t('lesson.backHome')}</Link>
      </p>
      <h1>{t('lesson.glossary.title')}</h1>
      <p className="muted">{t('lesson.glossary.intro', { count: terms.length })}</p>
      <nav className="card" aria-label={t('lesson.glossary.index')}>
        <ul className="glossary-index">
          {terms.map((term) => (
            <li key={term.id}>
              <a href={`#${term.id}`}>{term.term}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="card">
        <dl className="glossary-list" data-testid="glossary">
          {terms.map((term) => (
            <div key={term.id}>
              <dt id={term.id} tabIndex={-1}>
                {term.term}
                {term.aliases.length > 0 && (
                  <span className="small muted">
                    {' '}
                    ({t('lesson.glossary.aliases', { list: term.aliases.join(', ') })})
                  </span>
                )}
              </dt>
              <dd>
                <GlossaryText text={term.definition} except={term.id} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
