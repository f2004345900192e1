'use client';

import type { TExperimentSummary } from '@dlclass/contracts';
import Link from 'next/link';
import { useState } from 'react';
import { type ChartSeries, LineChart } from '@/components/LineChart';
import { StatusBadge } from '@/components/StatusBadge';
import { useI18n } from '@/i18n/client';
import { errorMessage } from '@/lib/errors';
import { formatDecimal, formatNumber, formatPercent } from '@/lib/format';
import { useSocket } from '@/lib/socket';
import { useLiveRuns } from '@/lib/useLiveRuns';
import { COMPARED_PARAMETERS, readableValue, specValue } from './specs';
import './lesson.css';

/** One colour per compared run (colour-blind friendly palette), in the table and on both charts. */
const PALETTE = ['#2f5fd0', '#d9730d', '#1d7a4c', '#b3261e', '#7b3fb5', '#0f8a9d', '#8a6d00', '#c2185b'];
export const MAX_COMPARED = PALETTE.length;

const hrefFor = (ids: readonly string[]) =>
  ids.length ? `/eleve/comparer?runs=${ids.join(',')}` : '/eleve/comparer';

/** The student's runs side by side: what differs in their specs, their results and their curves. */
export function RunComparison({ initialIds }: { initialIds: string[] }) {
  const { t, locale } = useI18n();
  const { socket } = useSocket();
  const { runs, error } = useLiveRuns(socket, null);
  const [selectedIds, setSelectedIds] = useState(() => initialIds.slice(0, MAX_COMPARED));
  const compared = selectedIds
    .map((id) => runs?.find((run) => run.id === id))
    .filter((run): run is TExperimentSummary => run !== undefined);
  const colorOf = (run: TExperimentSummary) => PALETTE[compared.indexOf(run) % PALETTE.length] ?? PALETTE[0];

  const toggle = (id: string, on: boolean) => {
    const next = on ? [...selectedIds, id] : selectedIds.filter((other) => other !== id);
    setSelectedIds(next);
    // the address keeps the selection (to share or reload it) without a round trip to the server
    window.history.replaceState(null, '', hrefFor(next));
  };

  const xMax = Math.max(1, ...compared.map((run) => run.spec.training.epochs));
  const curves = (metric: 'loss' | 'accuracy'): ChartSeries[] =>
    compared.flatMap((run) => {
      const color = colorOf(run) as string;
      const train = {
        id: `${run.id}-train`,
        label: t('lesson.compare.trainSeries', { name: run.name }),
        color,
        dots: true,
        points: run.epochs.map((e) => ({ x: e.epoch, y: metric === 'loss' ? e.loss : e.accuracy })),
      };
      const validation = run.epochs.filter((e) => (metric === 'loss' ? e.valLoss : e.valAccuracy) !== null);
      return validation.length === 0
        ? [train]
        : [
            train,
            {
              id: `${run.id}-val`,
              label: t('lesson.compare.validationSeries', { name: run.name }),
              color,
              dashed: true,
              points: validation.map((e) => ({
                x: e.epoch,
                y: (metric === 'loss' ? e.valLoss : e.valAccuracy) as number,
              })),
            },
          ];
    });

  const percent = (value: number | null | undefined) =>
    value === null || value === undefined
      ? t('common.none')
      : t('common.percent', { value: formatPercent(locale, value) });
  const lastEpoch = (run: TExperimentSummary) => run.epochs[run.epochs.length - 1];

  return (
    <>
      <p>
        <Link href="/eleve">{t('lesson.backHome')}</Link> ·{' '}
        <Link href="/eleve/defi-experimentation">{t('lesson.compare.backToChallenge')}</Link>
      </p>
      <h1>{t('lesson.compare.title')}</h1>
      <p className="muted">{t('lesson.compare.intro')}</p>
      <section className="card" aria-labelledby="compare-pick-title">
        <h2 id="compare-pick-title">{t('lesson.compare.pickTitle')}</h2>
        {error && !runs ? <p className="alert alert-error">{errorMessage(t, error)}</p> : null}
        {!runs && !error && <p className="muted">{t('common.loading')}</p>}
        {runs?.length === 0 && <p className="muted">{t('student.noRuns')}</p>}
        <fieldset className="run-choices-set">
          <legend className="visually-hidden">{t('lesson.compare.pickTitle')}</legend>
          <ul className="run-choices">
            {runs?.map((run) => {
              const checked = selectedIds.includes(run.id);
              return (
                <li key={run.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={!checked && selectedIds.length >= MAX_COMPARED}
                      onChange={(event) => toggle(run.id, event.target.checked)}
                      data-testid="compare-pick"
                      data-run-id={run.id}
                    />
                    {checked && (
                      <span className="swatch" style={{ background: colorOf(run) }} aria-hidden="true" />
                    )}
                    <span>{run.name}</span>
                    <StatusBadge status={run.status} />
                    <span className="small muted">{percent(run.testAccuracy)}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <p className="small muted">{t('lesson.compare.pickHint', { max: MAX_COMPARED })}</p>
      </section>

      {compared.length === 0 ? (
        <p className="muted">{t('lesson.compare.empty')}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="compare-table-title">
            <h2 id="compare-table-title">{t('lesson.compare.tableTitle')}</h2>
            <p className="small muted">{t('lesson.compare.differsHint')}</p>
            <div className="table-wrap">
              <table className="table compare-table" data-testid="compare-table">
                <thead>
                  <tr>
                    <th scope="col">{t('lesson.compare.runColumn')}</th>
                    {compared.map((run) => (
                      <th key={run.id} scope="col" data-testid="compare-run" data-run-id={run.id}>
                        <span className="swatch" style={{ background: colorOf(run) }} aria-hidden="true" />
                        {run.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {COMPARED_PARAMETERS.map((parameter) => {
                    const values = compared.map((run) => specValue(run.spec, parameter));
                    const differs = new Set(values).size > 1;
                    return (
                      <tr
                        key={parameter}
                        data-testid="compare-parameter"
                        data-parameter={parameter}
                        data-differs={String(differs)}
                      >
                        <th scope="row">
                          {t(`lesson.compare.parameters.${parameter}`)}
                          {differs && (
                            <span className="visually-hidden"> ({t('lesson.compare.differs')})</span>
                          )}
                        </th>
                        {values.map((value, index) => (
                          <td key={compared[index]?.id} className={differs ? 'differs' : undefined}>
                            {value === null ? t('common.none') : readableValue(locale, value)}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                  <tr>
                    <th scope="row">{t('lesson.compare.testAccuracy')}</th>
                    {compared.map((run) => (
                      <td key={run.id} className="num" data-testid="compare-accuracy">
                        <strong>{percent(run.testAccuracy)}</strong>
                      </td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">{t('lesson.compare.validationAccuracy')}</th>
                    {compared.map((run) => (
                      <td key={run.id} className="num">
                        {percent(lastEpoch(run)?.valAccuracy)}
                      </td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">{t('lesson.compare.finalLoss')}</th>
                    {compared.map((run) => {
                      const last = lastEpoch(run);
                      return (
                        <td key={run.id} className="num">
                          {last ? formatDecimal(locale, last.loss) : t('common.none')}
                        </td>
                      );
                    })}
                  </tr>
                  <tr>
                    <th scope="row">{t('lesson.compare.duration')}</th>
                    {compared.map((run) => (
                      <td key={run.id} className="num">
                        {run.durationMs === null
                          ? t('common.none')
                          : t('lesson.compare.seconds', {
                              value: formatNumber(locale, run.durationMs / 1000, 1),
                            })}
                      </td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">{t('lesson.compare.parameterCount')}</th>
                    {compared.map((run) => (
                      <td key={run.id} className="num">
                        {formatNumber(locale, run.parameterCount)}
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
          </section>
          <section className="card grid-2" aria-label={t('lesson.compare.chartsTitle')}>
            <LineChart
              title={t('lesson.compare.lossChart')}
              series={curves('loss')}
              xMax={xMax}
              xLabel={t('lesson.compare.epochAxis')}
              formatY={(value, step) => formatDecimal(locale, value, step < 0.1 ? 2 : 1)}
              testId="compare-loss-chart"
            />
            <LineChart
              title={t('lesson.compare.accuracyChart')}
              series={curves('accuracy')}
              xMax={xMax}
              yMax={1}
              xLabel={t('lesson.compare.epochAxis')}
              formatY={(value) => t('common.percent', { value: formatNumber(locale, value * 100) })}
              testId="compare-accuracy-chart"
            />
          </section>
        </>
      )}
    </>
  );
}
