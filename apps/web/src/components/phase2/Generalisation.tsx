'use client';

import {
  CHALLENGE_IMAGES,
  IMAGE_SIZE,
  PERTURBATION_STRENGTHS,
  PERTURBATIONS,
  type TPerturbation,
  type TRobustness,
} from '@dlclass/contracts';
import { digitSetOf, PIXELS_PER_IMAGE, perturbSet, type TDigitSet } from '@dlclass/ml';
import { useMemo } from 'react';
import { DigitImage } from '@/components/DigitImage';
import { LoadState } from '@/components/LoadState';
import { Stats } from '@/components/Stats';
import { TableHead } from '@/components/TableHead';
import type { Locale, Translate } from '@/i18n';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { formatNumber, formatPercent } from '@/lib/format';
import { useApiData } from '@/lib/useApiData';
import { useBrowserModel } from '@/lib/useBrowserModel';
import { ComparedPair, useModelPair } from './ModelPair';
import type { TPairIds } from './pair-params';
import './phase2.css';

/** The examples each preview row modifies, and the seed of the preview's own draws. */
const PREVIEW_IMAGES = 4;
const PREVIEW_SEED = 7;
const COLORS = { classical: '#d9730d', network: '#2f5fd0' } as const;

/** The generalisation challenge: what the modified test sets look like, then how much each model loses on them. */
export function Generalisation({ initial }: { initial: TPairIds }) {
  const { t } = useI18n();
  const pair = useModelPair(initial);
  return (
    <div className="phase2">
      <h1>{t('phase2.generalisation.title')}</h1>
      <p>{t('phase2.generalisation.intro', { count: CHALLENGE_IMAGES })}</p>
      <section className="card">
        <h2>{t('phase2.generalisation.previewTitle')}</h2>
        <p className="muted">{t('phase2.generalisation.previewIntro')}</p>
        <Preview />
      </section>
      <section className="card">
        <h2>{t('phase2.generalisation.resultsTitle')}</h2>
        <p className="muted">{t('phase2.generalisation.resultsIntro', { count: CHALLENGE_IMAGES })}</p>
        <ComparedPair pair={pair}>
          {(run, network) => (
            <Drops
              classical={{ name: run.name, robustness: run.result?.evaluation.robustness }}
              network={{ name: network.name, robustness: network.evaluation?.robustness }}
            />
          )}
        </ComparedPair>
      </section>
      <section className="card">
        <h2>{t('phase2.generalisation.realWorld.title')}</h2>
        <p className="muted">{t('phase2.generalisation.realWorld.intro')}</p>
        {pair.classicalId && pair.networkId && (
          <RealWorld
            key={`${pair.classicalId}/${pair.networkId}`}
            classicalId={pair.classicalId}
            networkId={pair.networkId}
          />
        )}
        <h3>{t('phase2.generalisation.questionsTitle')}</h3>
        <ul>
          {(['which', 'why', 'invert', 'help'] as const).map((question) => (
            <li key={question}>{t(`phase2.generalisation.questions.${question}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** "σ = 0,3", "30°", "50 % des images"… */
function strengthLabel(t: Translate, locale: Locale, kind: TPerturbation, strength: number): string {
  return t(`phase2.generalisation.strengths.${kind}`, {
    value: formatNumber(locale, strength, strength % 1 === 0 ? 0 : 2),
    percent: formatNumber(locale, strength * 100),
  });
}

/** Each modification at each strength, applied here by the same code as on the server, to a few digits. */
function Preview() {
  const { t, locale } = useI18n();
  const { data, error } = useApiData(() => api.dataset('mnist'));
  const rows = useMemo(() => {
    if (!data?.available) return null;
    const clean = digitSetOf(data.examples.slice(0, PREVIEW_IMAGES));
    return PERTURBATIONS.map((kind) => ({
      kind,
      sets: PERTURBATION_STRENGTHS[kind].map((strength) => ({
        strength,
        set: perturbSet(clean, { kind, strength }, PREVIEW_SEED),
      })),
      clean,
    }));
  }, [data]);
  if (!rows) return <LoadState loaded={false} error={error} />;
  const thumbnails = (set: TDigitSet, alt: string) => (
    <span className="mistake-images">
      {Array.from({ length: set.count }, (_, i) => (
        <DigitImage
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed set of images
          key={i}
          pixels={set.images.subarray(i * PIXELS_PER_IMAGE, (i + 1) * PIXELS_PER_IMAGE)}
          label={alt}
          className="digit digit-small"
        />
      ))}
    </span>
  );
  return (
    <div className="table-wrap">
      <table className="table preview" data-testid="perturbation-preview">
        <TableHead
          columns={[
            { label: '' },
            { label: t('phase2.generalisation.original') },
            ...[1, 2, 3].map((index) => ({ label: t('phase2.generalisation.strength', { index }) })),
          ]}
        />
        <tbody>
          {rows.map(({ kind, sets, clean }) => (
            <tr key={kind} data-testid={`preview-${kind}`}>
              <th scope="row">{t(`phase2.generalisation.kinds.${kind}`)}</th>
              <td>{thumbnails(clean, t('phase2.generalisation.original'))}</td>
              {sets.map(({ strength, set }) => {
                const label = strengthLabel(t, locale, kind, strength);
                return (
                  <td key={strength}>
                    {thumbnails(set, `${t(`phase2.generalisation.kinds.${kind}`)} ${label}`)}
                    <span className="small muted">{label}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type TMeasured = { name: string; robustness: TRobustness | undefined };

/** Accuracy of both models on the intact images and at each strength, drawn per modification, then listed. */
function Drops({ classical, network }: { classical: TMeasured; network: TMeasured }) {
  const { t, locale } = useI18n();
  const missing = [classical, network].filter((model) => !model.robustness);
  if (missing.length > 0)
    return (
      <>
        {missing.map((model) => (
          <p key={model.name} className="alert alert-warn">
            {model.name} : {t('phase2.generalisation.missing')}
          </p>
        ))}
      </>
    );
  const pct = (value: number) => formatPercent(locale, value);
  const accuracies = (model: TMeasured, kind: TPerturbation) => [
    model.robustness?.clean ?? 0,
    ...PERTURBATION_STRENGTHS[kind].map(
      (strength) =>
        model.robustness?.sets.find((set) => set.kind === kind && set.strength === strength)?.accuracy ?? 0,
    ),
  ];
  const models = [
    { ...classical, color: COLORS.classical },
    { ...network, color: COLORS.network },
  ];
  return (
    <>
      <p className="legend">
        {models.map((model) => (
          <span key={model.name} className="legend-item">
            <span className="legend-swatch" style={{ background: model.color }} />
            {model.name}
          </span>
        ))}
      </p>
      <div className="drop-panels" data-testid="robustness-chart">
        {PERTURBATIONS.map((kind) => (
          <DropPanel
            key={kind}
            title={t(`phase2.generalisation.kinds.${kind}`)}
            groups={[
              t('phase2.generalisation.clean'),
              ...PERTURBATION_STRENGTHS[kind].map((s) => strengthLabel(t, locale, kind, s)),
            ]}
            series={models.map((model) => ({ ...model, values: accuracies(model, kind) }))}
          />
        ))}
      </div>
      <h3>{t('phase2.generalisation.tableTitle')}</h3>
      <div className="table-wrap">
        <table className="table" data-testid="robustness-table">
          <TableHead
            columns={[
              { label: '' },
              { label: t('phase2.generalisation.clean'), num: true },
              { label: t('phase2.generalisation.strength', { index: 1 }), num: true },
              { label: t('phase2.generalisation.strength', { index: 2 }), num: true },
              { label: t('phase2.generalisation.strength', { index: 3 }), num: true },
              { label: t('phase2.generalisation.drop'), num: true },
            ]}
          />
          <tbody>
            {PERTURBATIONS.flatMap((kind) =>
              models.map((model) => {
                const values = accuracies(model, kind);
                return (
                  <tr key={`${kind}-${model.name}`} data-testid={`robustness-${kind}`}>
                    <th scope="row">
                      {t(`phase2.generalisation.kinds.${kind}`)} · {model.name}
                    </th>
                    {values.map((value, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: clean then the three strengths
                      <td key={i} className="num">
                        {pct(value)}
                      </td>
                    ))}
                    <td className="num">
                      {t('phase2.generalisation.points', { value: pct((values[0] ?? 0) - (values[3] ?? 0)) })}
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

const PANEL = { width: 250, height: 150, top: 22, bottom: 30, left: 30 } as const;

/** One modification: a group of bars per strength (intact first), one bar per model, accuracy from 0 to 100 %. */
function DropPanel({
  title,
  groups,
  series,
}: {
  title: string;
  groups: string[];
  series: { name: string; color: string; values: number[] }[];
}) {
  const { t, locale } = useI18n();
  const plotHeight = PANEL.height - PANEL.top - PANEL.bottom;
  const groupWidth = (PANEL.width - PANEL.left) / groups.length;
  const barWidth = (groupWidth - 10) / series.length;
  return (
    <figure className="drop-panel">
      <svg viewBox={`0 0 ${PANEL.width} ${PANEL.height}`} role="img" aria-label={title}>
        <text x={PANEL.width / 2} y={14} textAnchor="middle" className="drop-title">
          {title}
        </text>
        {[0, 0.5, 1].map((tick) => {
          const y = PANEL.top + plotHeight * (1 - tick);
          return (
            <g key={tick}>
              <line x1={PANEL.left} x2={PANEL.width} y1={y} y2={y} className="drop-grid" />
              <text x={PANEL.left - 4} y={y + 3} textAnchor="end" className="drop-tick">
                {tick * 100}
              </text>
            </g>
          );
        })}
        {groups.map((group, g) => (
          <g key={group}>
            {series.map((model, m) => {
              const value = model.values[g] ?? 0;
              const height = plotHeight * value;
              return (
                <rect
                  key={model.name}
                  x={PANEL.left + g * groupWidth + 5 + m * barWidth}
                  y={PANEL.top + plotHeight - height}
                  width={barWidth - 1}
                  height={height}
                  fill={model.color}
                >
                  <title>
                    {t('phase2.generalisation.accuracyOf', {
                      model: model.name,
                      value: formatPercent(locale, value),
                    })}
                  </title>
                </rect>
              );
            })}
            <text
              x={PANEL.left + g * groupWidth + groupWidth / 2}
              y={PANEL.height - PANEL.bottom + 14}
              textAnchor="middle"
              className="drop-tick"
            >
              {group}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** How many of the class's drawings the page shows (all of them are counted). */
const REAL_WORLD_SHOWN = 48;

/**
 * The class's drawings: the classical model's answers come from its run, the network reads them here, in the
 * browser, with its own weights.
 */
function RealWorld({ classicalId, networkId }: { classicalId: string; networkId: string }) {
  const { t, locale } = useI18n();
  const drawings = useApiData(() => api.classicalRealWorld(classicalId));
  const list = drawings.data;
  const { loaded, error } = useBrowserModel(list?.length ? api.modelUrl(networkId) : null);
  const networkAnswers = useMemo(() => {
    if (!loaded || !list?.length) return null;
    const { tf, model } = loaded;
    return tf.tidy(() => {
      const input = tf.tensor4d(
        Float32Array.from(
          list.flatMap((d) => d.pixels),
          (v) => v / 255,
        ),
        [list.length, IMAGE_SIZE, IMAGE_SIZE, 1],
      );
      const output = model.predict(input);
      return Array.from((Array.isArray(output) ? output[0] : output)?.argMax(-1).dataSync() ?? []);
    });
  }, [loaded, list]);
  if (!list) return <LoadState loaded={false} error={drawings.error} />;
  if (list.length === 0) return <p className="muted">{t('phase2.generalisation.realWorld.none')}</p>;
  if (error)
    return (
      <p className="alert alert-error">
        {t('phase2.generalisation.realWorld.modelError', { message: error })}
      </p>
    );
  const score = (answers: readonly number[]) =>
    answers.filter((answer, i) => answer === list[i]?.intended).length;
  const stat = (label: string, answers: readonly number[] | null, testId: string) => ({
    label,
    value: answers
      ? t('phase2.generalisation.realWorld.score', {
          right: score(answers),
          count: list.length,
          percent: formatPercent(locale, score(answers) / list.length),
        })
      : t('common.loading'),
    testId,
    ...(answers ? { dataValue: score(answers) / list.length } : {}),
  });
  return (
    <>
      <Stats
        items={[
          stat(
            t('phase2.pair.classical'),
            list.map((d) => d.predicted),
            'real-world-classical',
          ),
          stat(t('phase2.pair.network'), networkAnswers, 'real-world-network'),
        ]}
      />
      <div className="digit-grid" data-testid="real-world-drawings">
        {list.slice(0, REAL_WORLD_SHOWN).map((drawing, i) => (
          <figure key={drawing.id} className="digit-figure">
            <DigitImage
              pixels={drawing.pixels}
              label={t('phase2.generalisation.realWorld.alt', { digit: drawing.intended })}
            />
            <figcaption>
              {t('phase2.generalisation.realWorld.answers', {
                intended: drawing.intended,
                classical: drawing.predicted,
                network: networkAnswers?.[i] ?? '…',
              })}
            </figcaption>
          </figure>
        ))}
      </div>
    </>
  );
}
