'use client';

import { useEffect, useState } from 'react';
import { FieldFrame } from '@/components/Field';

type NumberFieldProps = {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number | undefined;
  max?: number | undefined;
  step?: number | undefined;
  /** Decimal fields are typed as text so that "0," or "0.00" can be typed without being rewritten. */
  decimal?: boolean | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  testId?: string | undefined;
};

const parse = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));
const show = (value: number) => (Number.isFinite(value) ? String(value) : '');

export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  decimal,
  hint,
  error,
  testId,
}: NumberFieldProps) {
  const [text, setText] = useState(show(value));
  useEffect(() => {
    setText((current) => {
      const parsed = parse(current);
      return parsed === value || (Number.isNaN(parsed) && Number.isNaN(value)) ? current : show(value);
    });
  }, [value]);
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          type={decimal ? 'text' : 'number'}
          inputMode={decimal ? 'decimal' : 'numeric'}
          min={decimal ? undefined : min}
          max={decimal ? undefined : max}
          step={decimal ? undefined : (step ?? 1)}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            onChange(parse(event.target.value));
          }}
          data-testid={testId}
        />
      )}
    </FieldFrame>
  );
}
