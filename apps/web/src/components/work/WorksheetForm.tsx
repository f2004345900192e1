'use client';

import type { TField, TSection, TTemplate } from '@dlclass/content';
import type { ReactNode } from 'react';
import { LoadState } from '@/components/LoadState';
import { AnswerField } from './AnswerField';
import { FeedbackPanel, SectionComment } from './Feedback';
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

/**
 * The template's sections as cards, each field bound to the work of the surrounding <WorkProvider>;
 * `aside` adds something under a section (the teacher's comment on it, or the box to write one).
 */
export function WorksheetSections({
  template,
  aside,
}: {
  template: TTemplate;
  aside?: (section: TSection) => ReactNode;
}) {
  return template.sections.map((section) => (
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
      {aside?.(section)}
    </section>
  ));
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
      {work.record?.feedback && <FeedbackPanel feedback={work.record.feedback} />}
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
          <WorksheetSections
            template={template}
            aside={(section) => (
              <SectionComment comment={work.record?.feedback?.sectionComments[section.id]} />
            )}
          />
          <SubmitBar />
        </form>
      )}
    </>
  );
}
