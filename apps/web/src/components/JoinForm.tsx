'use client';

import { ZJoinRequest } from '@dlclass/contracts';
import { api } from '@/lib/api';
import { type FormFieldSpec, SchemaForm } from './SchemaForm';

const FIELDS: readonly FormFieldSpec<'classCode' | 'displayName' | 'pin'>[] = [
  {
    name: 'classCode',
    label: 'join.classCode',
    hint: 'join.classCodeHint',
    testId: 'join-class-code',
    type: 'text',
    autoComplete: 'off',
    autoCapitalize: 'characters',
    spellCheck: false,
    required: true,
  },
  {
    name: 'displayName',
    label: 'join.displayName',
    hint: 'join.displayNameHint',
    testId: 'join-display-name',
    type: 'text',
    autoComplete: 'nickname',
    required: true,
    maxLength: 40,
  },
  {
    name: 'pin',
    label: 'join.pin',
    hint: 'join.pinHint',
    testId: 'join-pin',
    type: 'password',
    inputMode: 'numeric',
    autoComplete: 'off',
    required: true,
    maxLength: 8,
  },
];

export function JoinForm() {
  return (
    <SchemaForm
      prefix="join"
      schema={ZJoinRequest}
      fields={FIELDS}
      send={async (request) => {
        await api.join(request);
        window.location.assign('/eleve');
      }}
    />
  );
}
