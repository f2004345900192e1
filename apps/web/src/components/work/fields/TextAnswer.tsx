'use client';

import type { TTextField } from '@dlclass/content';
import { FieldFrame } from '@/components/Field';
import { useT } from '@/i18n/client';
import { useWork } from '../WorkProvider';
import styles from '../work.module.css';

/** Longest answer the API accepts (ZAnswerValue). */
export const MAX_TEXT_LENGTH = 10_000;

type TextBoxProps = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  /** Also the control's id, so that links and tests can reach it. */
  testId: string;
};

/** A labelled text box of the work pages, read-only once the work is handed in. */
export function TextBox({ label, hint, error, rows, value, onChange, testId }: TextBoxProps) {
  const t = useT();
  const { work } = useWork();
  return (
    <FieldFrame label={label} hint={hint} error={error} id={testId}>
      {(control) => (
        <>
          <textarea
            {...control}
            className={styles.textarea}
            rows={rows}
            value={value}
            maxLength={MAX_TEXT_LENGTH}
            readOnly={work.readOnly}
            onChange={(event) => onChange(event.target.value)}
            data-testid={testId}
          />
          {value.length > MAX_TEXT_LENGTH * 0.9 && (
            <span className="hint" aria-live="polite">
              {t('work.fields.characters', { count: value.length, max: MAX_TEXT_LENGTH })}
            </span>
          )}
        </>
      )}
    </FieldFrame>
  );
}

/** A `text` field: the prompt as label, the hint, the server's message under it; answer: string. */
export function TextAnswer({ field }: { field: Pick<TTextField, 'id' | 'prompt' | 'hint' | 'rows'> }) {
  const { work } = useWork();
  const value = work.answers[field.id];
  return (
    <TextBox
      label={field.prompt}
      hint={field.hint}
      error={work.fieldErrors[field.id]}
      rows={field.rows}
      value={typeof value === 'string' ? value : ''}
      onChange={(text) => work.setAnswer(field.id, text)}
      testId={`answer-${field.id}`}
    />
  );
}
