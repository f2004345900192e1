'use client';

import type { TDemo, TTemplate, TTextField } from '@dlclass/content';
import Link from 'next/link';
import { TextAnswer } from '@/components/work/fields/TextAnswer';
import { WorkProvider } from '@/components/work/WorkProvider';
import { WorkStatus } from '@/components/work/WorkStatus';
import { useT } from '@/i18n/client';
import { useDeliverable } from '@/lib/useDeliverable';
import { DigitDemo } from './DigitDemo';
import { type GlossedTexts, glossed } from './glossed';
import './lesson.css';

const NO_RUNS: [] = [];

/** The three demonstrations, each ending with its reflection questions (autosaved, 'demonstrations' sheet). */
export function Demonstrations({
  demos,
  template,
  userId,
  texts,
}: {
  demos: TDemo[];
  template: TTemplate;
  userId: string;
  /** The paragraphs and captions with their glossary links. */
  texts: GlossedTexts;
}) {
  const t = useT();
  const work = useDeliverable(template.id, userId);
  const fieldOf = (id: string) =>
    template.sections
      .flatMap((section) => section.fields)
      .find((field): field is TTextField => field.kind === 'text' && field.id === id);
  return (
    <WorkProvider work={work} runs={NO_RUNS}>
      <p>
        <Link href="/eleve">{t('lesson.backHome')}</Link>
      </p>
      <h1>{t('lesson.demos.title')}</h1>
      <p className="muted">{t('lesson.demos.intro')}</p>
      <nav className="steps-nav" aria-label={t('lesson.demos.title')}>
        {demos.map((demo) => (
          <a key={demo.id} href={`#${demo.id}`}>
            {demo.title}
          </a>
        ))}
      </nav>
      <WorkStatus />
      {demos.map((demo) => (
        <section
          key={demo.id}
          id={demo.id}
          className="card"
          aria-labelledby={`${demo.id}-title`}
          data-testid="demo"
        >
          <h2 id={`${demo.id}-title`}>{demo.title}</h2>
          {demo.paragraphs.map((paragraph) => (
            <p key={paragraph}>{glossed(texts, paragraph)}</p>
          ))}
          {demo.widget === 'digit-recognizer' && <DigitDemo />}
          {demo.examples.length > 0 && (
            <>
              <h3>{t('lesson.demos.examples')}</h3>
              {demo.examples.map((example) => (
                <figure key={example.caption} className="demo-example">
                  <figcaption>{glossed(texts, example.caption)}</figcaption>
                  <p className="demo-label">{t('lesson.demos.input')}</p>
                  {example.format === 'code' ? (
                    <pre>
                      <code>{example.input}</code>
                    </pre>
                  ) : (
                    <blockquote>{example.input}</blockquote>
                  )}
                  <p className="demo-label">{t('lesson.demos.output')}</p>
                  {example.format === 'code' ? (
                    <pre className="demo-output">
                      <code>{example.output}</code>
                    </pre>
                  ) : (
                    <blockquote className="demo-output">{example.output}</blockquote>
                  )}
                </figure>
              ))}
            </>
          )}
          <div className="reflection">
            <h3>{t('lesson.demos.reflection')}</h3>
            {demo.questions.map((question) => {
              const field = fieldOf(question.id);
              return field ? <TextAnswer key={question.id} field={field} /> : null;
            })}
          </div>
        </section>
      ))}
    </WorkProvider>
  );
}
