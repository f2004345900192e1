import Link from 'next/link';
import { getLocale, getTranslator } from '@/i18n/server';
import { ADMIN_HOME, homeFor, TEACHER_HOME } from '@/lib/routes';
import { getCurrentUser } from '@/lib/server-api';
import { LocaleSwitch } from './LocaleSwitch';
import { LogoutButton } from './LogoutButton';
import { RaiseHand } from './RaiseHand';
import { StayOnline } from './StayOnline';

export async function Header() {
  const [t, locale, user] = await Promise.all([getTranslator(), getLocale(), getCurrentUser()]);
  return (
    <header className="header">
      <a className="skip-link" href="#contenu">
        {t('app.skipToContent')}
      </a>
      <div className="header-inner">
        <Link href={user ? homeFor(user) : '/'} className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          {t('app.name')}
        </Link>
        <nav className="header-nav" aria-label={t('app.name')}>
          {user && (
            <>
              {user.role === 'admin' && <Link href={ADMIN_HOME}>{t('admin.navLink')}</Link>}
              {/* an admin also runs classes: the teacher dashboard stays one click away */}
              <Link href={user.role === 'admin' ? TEACHER_HOME : homeFor(user)}>
                {user.role === 'student' ? t('header.studentSpace') : t('header.teacherSpace')}
              </Link>
              <span className="header-user" data-testid="header-user">
                {t('header.signedInAs', { name: user.displayName })}{' '}
                <span className="muted">({t(`header.roles.${user.role}`)})</span>
              </span>
              {user.role === 'student' && user.classId && (
                <>
                  <StayOnline />
                  <RaiseHand />
                </>
              )}
              <LogoutButton />
            </>
          )}
          <LocaleSwitch current={locale} />
        </nav>
      </div>
    </header>
  );
}
