'use client';

import { ZLoginRequest } from '@dlclass/contracts';
import { api } from '@/lib/api';
import { homeFor } from '@/lib/routes';
import { type FormFieldSpec, SchemaForm } from './SchemaForm';

const FIELDS: readonly FormFieldSpec<'email' | 'password'>[] = [
  {
    name: 'email',
    label: 'login.email',
    testId: 'login-email',
    type: 'email',
    autoComplete: 'username',
    required: true,
  },
  {
    name: 'password',
    label: 'login.password',
    testId: 'login-password',
    type: 'password',
    autoComplete: 'current-password',
    required: true,
  },
];

export function LoginForm() {
  return (
    <SchemaForm
      prefix="login"
      schema={ZLoginRequest}
      fields={FIELDS}
      send={async (request) => {
        const { user } = await api.login(request);
        window.location.assign(homeFor(user));
      }}
    />
  );
}
