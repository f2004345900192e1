'use client';

import type { TField, TMission, TTemplate, TTextField } from '@dlclass/content';
import type { TExperimentSummary, TRunSize } from '@dlclass/contracts';
import Link from 'next/link';
import { type ReactNode, useState } from 'react';
import { SelectField } from '@/components/Field';
import { RunsAnswer } from '@/components/work/fields/RunAnswer';
import { TextAnswer } from '@/components/work/fields/TextAnswer';
import { useWork, WorkProvider } from '@/components/work/WorkProvider';
import { WorkStatus } from '@/components/work/WorkStatus';
import { useI18n } from '@/i18n/client';
import { formatDateTime } from '@/lib/format';
import { lessonApi } from '@/lib/lessonApi';
import { useSocket } from '@/lib/socket';
import { useApiData } from '@/lib/useApiData';
import { useDeliverable } from '@/lib/useDeliverable';
import { useLiveRuns } from '@/lib/useLiveRuns';
import { type GlossedTexts, glossed } from './glossed';
import { missionValues } from './missionValues';
import { readableValue, specValue } from './specs';
import './lesson.css';

type TRunsField = Extract<TField, { kind: 'runs' }>;

export const runsField = (mission: TMission) => `${mission.id}-runs`;
export const answerField = (mission: TMission) => `${mission.id}-answer`;
export const compareHref = (runIds: readonly string[]) => `/eleve/comparer?runs=${runIds.join(',')}`;
/**
 * The Hello World's model editor, prefilled with a run's spec (its `run` parameter), else the reference at the
 * class's run size for the challenge.
 */
export const editorHref = (runId: string | null) =>
  `/eleve/hello-world${runId ? `?run=${runId}` : '?depuis=defi'}#modele`;

/** The guided challenge: one mission per parameter, each tied to the runs that answer it. */
export function GuidedChallenge({
  missions,
  template,
  userId,
  texts,
}: {
  missions: TMission[];
  template: TTemplate;
  userId: string;
  /** The intro and the instructions with their glossary links. */
  texts: GlossedTexts;
}) {
  const { t, locale } = useI18n();
  const work = useDeliverable(template.id, userId);
  const { socket } = useSocket();
  const { runs } = useLiveRuns(socket, null);
  /** The class's run size for the challenge: the editor opened on the reference starts from it. */
  const runSize = useApiData(() => lessonApi.lesson()).data?.runDefaults.challenge ?? null;
  const succeeded = runs?.filter((run) => run.status === 'succeeded') ?? [];
  /** undefined: not chosen yet (the latest finished run, the list is newest first); '': the reference. */
  const [chosenBase, setChosenBase] = useState<string | undefined>(undefined);
  const base =
    chosenBase === undefined
      ? (succeeded[0] ?? null)
      : (succeeded.find((run) => run.id === chosenBase) ?? null);
  const fieldOf = <K extends TField['kind']>(id: string, kind: K) =>
    template.sections
      .flatMap((section) => section.fields)
      .find((field): field is Extract<TField, { kind: K }> => field.kind === kind && field.id === id);

  return (
    <WorkProvider work={work} runs={runs}>
      <p>
        <Link href="/eleve">{t('lesson.backHome')}</Link>
      </p>
      <h1>{t('lesson.challenge.title')}</h1>
      <p className="muted">{glossed(texts, template.intro)}</p>
      <section className="card" aria-labelledby="base-title">
        <h2 id="base-title">{t('lesson.challenge.baseTitle')}</h2>
        <p className="muted">{t('lesson.challenge.baseIntro')}</p>
        <SelectField
          label={t('lesson.challenge.baseLabel')}
          value={base?.id ?? ''}
          options={[
            { value: '', label: t('lesson.challenge.reference') },
            ...succeeded.map((run) => ({
              value: run.id,
              label: t('hello.runOption', {
                name: run.name,
                status: t(`status.${run.status}`),
                date: formatDateTime(locale, run.createdAt),
              }),
            })),
          ]}
          onChange={setChosenBase}
          testId="challenge-base"
        />
        <p className="row">
          <Link href="/eleve/comparer">{t('lesson.compare.link')}</Link>
          <Link href="/eleve/glossaire">{t('lesson.glossary.link')}</Link>
        </p>
      </section>
      <WorkStatus />
      <nav className="steps-nav" aria-label={t('lesson.challenge.missions')}>
        {missions.map((mission) => (
          <a key={mission.id} href={`#mission-${mission.id}`}>
            {mission.title}
          </a>
        ))}
      </nav>
      {missions.map((mission, index) => (
        <MissionCard
          key={mission.id}
          mission={mission}
          number={index + 1}
          base={base}
          runSize={runSize}
          answer={fieldOf(answerField(mission), 'text')}
          instructions={glossed(texts, mission.instructions)}
          runs={fieldOf(runsField(mission), 'runs')}
        />
      ))}
    </WorkProvider>
  );
}

function MissionCard({
  mission,
  number,
  base,
  runSize,
  answer,
  runs,
  instructions,
}: {
  mission: TMission;
  instructions: ReactNode;
  number: number;
  base: TExperimentSummary | null;
  runSize: TRunSize | null;
  answer: TTextField | undefined;
  runs: TRunsField | undefined;
}) {
  const { t, locale } = useI18n();
  const { work } = useWork();
  const chosen = work.answers[runsField(mission)];
  const chosenIds = Array.isArray(chosen) ? chosen : [];
  const headingId = `mission-${mission.id}-title`;
  const current = base ? specValue(base.spec, mission.parameter) : null;
  return (
    <section
      id={`mission-${mission.id}`}
      className="card"
      aria-labelledby={headingId}
      data-testid="mission"
      data-mission={mission.id}
    >
      <h2 id={headingId}>{t('lesson.challenge.mission', { number, title: mission.title })}</h2>
      <p>{instructions}</p>
      <p className="small">
        {t('lesson.challenge.parameter')} <code>{mission.parameter}</code>
        {current !== null && (
          <> · {t('lesson.challenge.currentValue', { value: readableValue(locale, current) })}</>
        )}
      </p>
      <p className="small muted" id={`${headingId}-values`}>
        {t('lesson.challenge.values')}
      </p>
      <ul className="mission-values" aria-labelledby={`${headingId}-values`}>
        {missionValues(mission, runSize).map((value, index) => (
          <li key={String(value)} className={index === 0 ? 'reference' : undefined}>
            {readableValue(locale, value)}
            {index === 0 && <span className="small"> ({t('lesson.challenge.referenceValue')})</span>}
          </li>
        ))}
      </ul>
      <p className="row">
        <Link
          href={editorHref(base?.id ?? null)}
          className="button"
          data-testid="mission-open-editor"
          aria-label={t('lesson.challenge.openEditorLabel', { title: mission.title })}
        >
          {t('lesson.challenge.openEditor')}
        </Link>
        {chosenIds.length >= 2 ? (
          <Link
            href={compareHref(chosenIds)}
            className="button button-secondary"
            data-testid="mission-compare"
          >
            {t('lesson.challenge.compare', { count: chosenIds.length })}
          </Link>
        ) : (
          <span className="small muted">{t('lesson.challenge.compareHint')}</span>
        )}
      </p>
      {runs && <RunsAnswer field={runs} />}
      {answer && (
        <div className="mission-answer">
          <TextAnswer field={answer} />
        </div>
      )}
    </section>
  );
}
