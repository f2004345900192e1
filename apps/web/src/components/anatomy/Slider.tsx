'use client';

import { useId } from 'react';
import { useI18n } from '@/i18n/client';
import { formatDecimal } from '@/lib/format';
import styles from './anatomy.module.css';

type SliderProps = {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  testId: string;
};

/** A labelled range input with its value written beside it (arrow keys move it by one step). */
export function Slider({ label, value, min, max, step, onChange, testId }: SliderProps) {
  const { locale } = useI18n();
  const id = useId();
  return (
    <div className={styles.slider}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        data-testid={testId}
      />
      <output htmlFor={id} className={styles.sliderValue}>
        {formatDecimal(locale, value, 2)}
      </output>
    </div>
  );
}
