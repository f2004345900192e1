'use client';

import {
  type CSSProperties,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  useId,
} from 'react';

/** What a control needs to be tied to its label, hint and error. */
export type ControlA11y = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

type FrameProps = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  id?: string | undefined;
  style?: CSSProperties;
  children: (control: ControlA11y) => ReactNode;
};

/** The frame of every form field: label, control, hint and inline error, wired for screen readers. */
export function FieldFrame({ label, hint, error, id, style, children }: FrameProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" style={style}>
      <label htmlFor={controlId}>{label}</label>
      {children({ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

type FieldProps = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
} & InputHTMLAttributes<HTMLInputElement>;

/** A labelled text input with its hint and inline error. */
export function Field({ label, hint, error, id, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id}>
      {(control) => <input {...control} {...input} />}
    </FieldFrame>
  );
}

export type Option<V extends string> = { value: V; label: string };

type SelectProps<V extends string> = {
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  testId?: string | undefined;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'>;

/** A select over typed options. */
export function Select<V extends string>({ options, onChange, testId, ...select }: SelectProps<V>) {
  return (
    <select {...select} onChange={(event) => onChange(event.target.value as V)} data-testid={testId}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A labelled select with its inline error; `style` applies to the field's frame. */
export function SelectField<V extends string>({
  label,
  error,
  style,
  ...select
}: SelectProps<V> & { label: string; error?: string | undefined }) {
  return (
    <FieldFrame label={label} error={error} style={style}>
      {(control) => <Select {...control} {...select} />}
    </FieldFrame>
  );
}

/** A select whose label is read by screen readers only (compact toolbars). */
export function CompactSelect<V extends string>({ label, ...select }: SelectProps<V> & { label: string }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <Select id={id} {...select} />
    </>
  );
}

/** A checkbox inside its label: the whole label toggles it. */
export function Checkbox({
  label,
  checked,
  onChange,
  testId,
  className = 'checkbox',
  ...input
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
  /** The label's class ('checkbox': the box, then its text). */
  className?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'disabled'>) {
  return (
    <label className={className}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
        {...input}
      />
      {label}
    </label>
  );
}
