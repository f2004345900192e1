import Link from 'next/link';
import { JoinForm } from '@/components/JoinForm';
import { SignInPage } from '@/components/SignInPage';
import { getTranslator } from '@/i18n/server';

export default async function HomePage() {
  const t = await getTranslator();
  return (
    <SignInPage prefix="join" form={<JoinForm />}>
      <p className="muted">
        {t('join.teacherQuestion')}{' '}
        <Link href="/connexion" data-testid="teacher-login-link">
          {t('join.teacherLink')}
        </Link>
      </p>
    </SignInPage>
  );
}
