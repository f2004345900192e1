'use client';

import type { TTableField } from '@dlclass/content';
import { useT } from '@/i18n/client';
import { useWork } from '../WorkProvider';
import styles from '../work.module.css';
import { Measured } from './Measured';
import { MAX_TEXT_LENGTH } from './TextAnswer';
import { asRecord } from './values';

/**
 * A `table` field: a row per criterion, a column per approach; measured cells are shown read-only with their
 * badge, the others are text boxes; answer: {`${rowId}.${columnId}`: text}.
 */
export function TableAnswer({ field }: { field: TTableField }) {
  const t = useT();
  const { work } = useWork();
  const answer = asRecord(work.answers[field.id]);
  const error = work.fieldErrors[field.id];
  return (
    <div className="field" data-testid={`answer-${field.id}`}>
      {field.label && <p className={styles.legend}>{field.label}</p>}
      <div className="table-wrap">
        <table className={`table ${styles.answerTable}`}>
          <thead>
            <tr>
              <th scope="col">{t('work.fields.table.rowHeader')}</th>
              {field.columns.map((column) => (
                <th key={column.id} scope="col">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {field.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.label}</th>
                {field.columns.map((column) => {
                  const key = `${row.id}.${column.id}`;
                  const fact = row.measured?.[column.id];
                  return (
                    <td key={column.id}>
                      {fact ? (
                        <Measured measuredKey={`${field.id}.${key}`} what={fact} />
                      ) : (
                        <textarea
                          className={styles.textarea}
                          rows={2}
                          aria-label={t('work.fields.table.cell', { row: row.label, column: column.label })}
                          value={answer[key] ?? ''}
                          maxLength={MAX_TEXT_LENGTH}
                          readOnly={work.readOnly}
                          onChange={(event) =>
                            work.setAnswer(field.id, { ...answer, [key]: event.target.value })
                          }
                          data-testid={`answer-${field.id}-${row.id}-${column.id}`}
                        />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
