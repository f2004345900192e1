'use client';

import { toFieldErrors } from '@dlclass/contracts';
import { type FormEvent, type InputHTMLAttributes, useState } from 'react';
import type { MessageKey } from '@/i18n';
import { useT } from '@/i18n/client';
import { fieldErrorMap } from '@/lib/errors';
import { useSubmit } from '@/lib/useSubmit';
import { Field } from './Field';

export type FormFieldSpec<K extends string> = {
  name: K;
  label: MessageKey;
  hint?: MessageKey;
  testId: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange'>;

/** What the form needs of a zod schema (typed structurally: the web does not depend on zod itself). */
type Schema<K extends string, T> = {
  safeParse(
    values: Record<K, string>,
  ): { success: true; data: T } | { success: false; error: Parameters<typeof toFieldErrors>[0] };
};

type SchemaFormProps<K extends string, T> = {
  /** Prefix of the form's test ids and texts: `${prefix}-form`, `${prefix}-error`, `${prefix}.submit`… */
  prefix: 'join' | 'login';
  /** Checks the values before they are sent; its messages show under the fields. */
  schema: Schema<K, T>;
  fields: readonly FormFieldSpec<K>[];
  /** Sends the checked values; on success the page navigates away, so the form stays busy. */
  send: (data: T) => Promise<void>;
};

/** A form of text fields checked by a contract schema, then sent to the API. */
export function SchemaForm<K extends string, T>({ prefix, schema, fields, send }: SchemaFormProps<K, T>) {
  const t = useT();
  const [values, setValues] = useState(
    () => Object.fromEntries(fields.map((f) => [f.name, ''])) as Record<K, string>,
  );
  const submission = useSubmit({ keepBusy: true });
  const errors = fieldErrorMap(submission.fields);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      submission.reset(toFieldErrors(parsed.error));
      return;
    }
    await submission.run(() => send(parsed.data));
  }

  return (
    <form onSubmit={submit} noValidate data-testid={`${prefix}-form`}>
      {submission.error && (
        <p className="alert alert-error" role="alert" data-testid={`${prefix}-error`}>
          {submission.error}
        </p>
      )}
      {fields.map(({ name, label, hint, testId, ...input }) => (
        <Field
          key={name}
          {...input}
          label={t(label)}
          hint={hint && t(hint)}
          error={errors[name]}
          name={name}
          value={values[name]}
          onChange={(event) => setValues((v) => ({ ...v, [name]: event.target.value }))}
          data-testid={testId}
        />
      ))}
      <button
        type="submit"
        className="button button-big"
        disabled={submission.busy}
        data-testid={`${prefix}-submit`}
      >
        {submission.busy ? t(`${prefix}.submitting`) : t(`${prefix}.submit`)}
      </button>
    </form>
  );
}
