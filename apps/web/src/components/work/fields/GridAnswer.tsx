'use client';

import type { TGridField } from '@dlclass/content';
import { useId } from 'react';
import { useT } from '@/i18n/client';
import { useWork } from '../WorkProvider';
import styles from '../work.module.css';
import { asRecord } from './values';

/** A `grid` field (self-assessment): per skill, one level among the columns; answer: {skillId: levelId}. */
export function GridAnswer({ field }: { field: TGridField }) {
  const t = useT();
  const { work } = useWork();
  const name = useId();
  const answer = asRecord(work.answers[field.id]);
  const error = work.fieldErrors[field.id];
  return (
    <div className="field" data-testid={`answer-${field.id}`}>
      {field.label && <p className={styles.legend}>{field.label}</p>}
      <div className="table-wrap">
        <table className={`table ${styles.gridTable}`}>
          <thead>
            <tr>
              <th scope="col">{t('work.fields.grid.skill')}</th>
              {field.levels.map((level) => (
                <th key={level.id} scope="col" className={styles.center}>
                  {level.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {field.skills.map((skill) => (
              <tr key={skill.id}>
                <th scope="row">{skill.label}</th>
                {field.levels.map((level) => (
                  <td key={level.id} className={styles.center}>
                    <input
                      type="radio"
                      className={styles.radio}
                      name={`${name}-${skill.id}`}
                      aria-label={`${skill.label} : ${level.label}`}
                      checked={answer[skill.id] === level.id}
                      disabled={work.readOnly}
                      onChange={() => work.setAnswer(field.id, { ...answer, [skill.id]: level.id })}
                      data-testid={`answer-${field.id}-${skill.id}-${level.id}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
