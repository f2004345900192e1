'use client';

import type { TField, TTemplate } from '@dlclass/content';
import { LoadState } from '@/components/LoadState';
import { AnswerField } from './AnswerField';
import { useWork } from './WorkProvider';
import { SubmitBar, WorkStatus } from './WorkStatus';
import styles from './work.module.css';

/** Consecutive measured fields side by side (a block of facts), the other fields one under the other. */
function groupMeasured(fields: TField[]): (TField | TField[])[] {
  const groups: (TField | TField[])[] = [];
  for (const field of fields) {
    const last = groups[groups.length - 1];
    if (field.kind !== 'measured') groups.push(field);
    else if (Array.isArray(last)) last.push(field);
    else groups.push([field]);
  }
  return groups;
}

/** A whole template: its sections as cards, each field bound to the work; the save line; the hand-in bar. */
export function WorksheetForm({ template }: { template: TTemplate }) {
  const { work } = useWork();
  return (
    <>
      <header className={styles.pageHead}>
        <h1>{template.title}</h1>
        <p>{template.intro}</p>
      </header>
      <WorkStatus />
      {work.phase === 'loading' ? (
        <LoadState loaded={false} error={work.loadError} />
      ) : (
        <form
          className={styles.form}
          onSubmit={(event) => event.preventDefault()}
          noValidate
          data-testid="worksheet"
          data-status={work.record?.status ?? ''}
        >
          {template.sections.map((section) => (
            <section
              key={section.id}
              className="card"
              aria-labelledby={`section-${section.id}`}
              data-testid={`section-${section.id}`}
            >
              <h2 id={`section-${section.id}`}>{section.title}</h2>
              {section.intro && <p className="muted">{section.intro}</p>}
              {groupMeasured(section.fields).map((group) =>
                Array.isArray(group) ? (
                  <div key={group[0]?.id} className={styles.measuredGrid}>
                    {group.map((field) => (
                      <AnswerField key={field.id} field={field} />
                    ))}
                  </div>
                ) : (
                  <AnswerField key={group.id} field={group} />
                ),
              )}
            </section>
          ))}
          <SubmitBar />
        </form>
      )}
    </>
  );
}
