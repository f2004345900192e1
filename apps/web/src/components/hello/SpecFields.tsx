'use client';

import { type Option, SelectField } from '@/components/Field';
import { NumberField } from '@/components/NumberField';

/** A number field of a table: its bounds (shown in the hint; decimal fields are typed as text). */
export type NumberSpec<K extends string> = {
  name: K;
  min?: number;
  max?: number;
  step?: number;
  decimal?: boolean;
};
/** A choice field of a table. */
export type ChoiceSpec<K extends string> = { name: K; options: readonly Option<string>[] };
/** A field table's row: N names the number fields, C the choice fields. */
export type FieldSpec<N extends string, C extends string = N> = NumberSpec<N> | ChoiceSpec<C>;

type SpecFieldsProps<N extends string, C extends string> = {
  fields: readonly FieldSpec<N, C>[];
  /** The object edited: each field reads the property of its name. */
  values: object;
  onChange: (patch: Partial<Record<N | C, number | string>>) => void;
  label: (name: N | C) => string;
  hint: (field: NumberSpec<N>) => string;
  error: (name: N | C) => string | undefined;
  testId: (name: N | C) => string;
};

/** Renders the fields of a table over one object (a layer, the training settings). */
export function SpecFields<N extends string, C extends string>({
  fields,
  values,
  onChange,
  label,
  hint,
  error,
  testId,
}: SpecFieldsProps<N, C>) {
  const read = (name: N | C) => (values as Record<string, unknown>)[name];
  const set = (name: N | C) => (value: number | string) =>
    onChange({ [name]: value } as Partial<Record<N | C, number | string>>);
  return fields.map((field) =>
    'options' in field ? (
      <SelectField
        key={field.name}
        label={label(field.name)}
        value={read(field.name) as string}
        options={field.options}
        onChange={set(field.name)}
        error={error(field.name)}
        testId={testId(field.name)}
      />
    ) : (
      <NumberField
        key={field.name}
        label={label(field.name)}
        hint={hint(field)}
        value={read(field.name) as number}
        min={field.min}
        max={field.max}
        step={field.step}
        decimal={field.decimal}
        onChange={set(field.name)}
        error={error(field.name)}
        testId={testId(field.name)}
      />
    ),
  );
}
