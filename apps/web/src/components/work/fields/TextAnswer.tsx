'use client';

import type { TTextField } from '@dlclass/content';
import { FieldFrame } from '@/components/Field';
import { useT } from '@/i18n/client';
import { useWork } from '../WorkProvider';
import styles from '../work.module.css';

/** Longest answer the API accepts (ZAnswerValue). */
export const MAX_TEXT_LENGTH = 10_000;

/** A free-text answer: the prompt as label, the hint, the server's message under it. */
export function TextAnswer({ field }: { field: Pick<TTextField, 'id' | 'prompt' | 'hint' | 'rows'> }) {
  const t = useT();
  const { work } = useWork();
  const value = work.answers[field.id];
  const text = typeof value === 'string' ? value : '';
  return (
    <FieldFrame
      label={field.prompt}
      hint={field.hint}
      error={work.fieldErrors[field.id]}
      id={`answer-${field.id}`}
    >
      {(control) => (
        <>
          <textarea
            {...control}
            className={styles.textarea}
            rows={field.rows}
            value={text}
            maxLength={MAX_TEXT_LENGTH}
            readOnly={work.readOnly}
            onChange={(event) => work.setAnswer(field.id, event.target.value)}
            data-testid={`answer-${field.id}`}
          />
          {text.length > MAX_TEXT_LENGTH * 0.9 && (
            <span className="hint" aria-live="polite">
              {t('work.fields.characters', { count: text.length, max: MAX_TEXT_LENGTH })}
            </span>
          )}
        </>
      )}
    </FieldFrame>
  );
}
