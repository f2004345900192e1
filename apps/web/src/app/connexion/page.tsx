import Link from 'next/link';
import { LoginForm } from '@/components/LoginForm';
import { SignInPage } from '@/components/SignInPage';
import { getTranslator } from '@/i18n/server';

export default async function LoginPage() {
  const t = await getTranslator();
  return (
    <SignInPage prefix="login" form={<LoginForm />}>
      <p>
        <Link href="/">{t('login.studentLink')}</Link>
      </p>
    </SignInPage>
  );
}
