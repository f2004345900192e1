'use client';

import { ACTIVATIONS, type TActivation } from '@dlclass/ml';
import { SelectField } from '@/components/Field';
import { useT } from '@/i18n/client';

/** The choice of an activation function, named in the reader's language. */
export function ActivationSelect({
  value,
  onChange,
  testId,
}: {
  value: TActivation;
  onChange: (activation: TActivation) => void;
  testId: string;
}) {
  const t = useT();
  return (
    <SelectField
      label={t('anatomy.activation')}
      value={value}
      options={ACTIVATIONS.map((a) => ({ value: a, label: t(`anatomy.activations.${a}`) }))}
      onChange={onChange}
      testId={testId}
    />
  );
}
