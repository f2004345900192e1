'use client';

import type { TBatchProgress, TEpochMetrics, TExperiment } from '@dlclass/contracts';
import { useMemo } from 'react';
import { type ChartSeries, LineChart } from '@/components/LineChart';
import { StatusBadge } from '@/components/StatusBadge';
import { TableHead } from '@/components/TableHead';
import type { Translate } from '@/i18n';
import { useI18n } from '@/i18n/client';
import { formatDecimal, formatNumber, formatPercent } from '@/lib/format';
import { queuePlaceText } from '@/lib/queuePlace';
import { type BatchPoint, epochPosition, isActive } from '@/lib/runEvents';
import { EstimateVsReal } from './LaunchEstimate';
import { SharedTrainingNotice } from './SharedTrainingNotice';
import { Step } from './Step';

/** Decimals needed to write a tick step exactly (0.25 -> 2, 0.5 -> 1, 2 -> 0). */
function decimalsOf(step: number): number {
  let digits = 0;
  while (digits < 4 && Math.abs(Math.round(step * 10 ** digits) - step * 10 ** digits) > 1e-9) digits++;
  return digits;
}

const COLORS = { batch: '#8aa4dc', train: '#2f5fd0', validation: '#d9730d' };

type Epoch = TEpochMetrics;

/** One chart's three curves: every batch (live), and each epoch on the training and validation data. */
function curveSeries(
  t: Translate,
  batches: BatchPoint[],
  epochs: Epoch[],
  train: (point: BatchPoint | Epoch) => number,
  validation: (epoch: Epoch) => number | null,
): ChartSeries[] {
  return [
    {
      id: 'batch',
      label: t('hello.training.batchSeries'),
      color: COLORS.batch,
      width: 1.4,
      opacity: 0.8,
      points: batches.map((b) => ({ x: b.x, y: train(b) })),
    },
    {
      id: 'train',
      label: t('hello.training.trainSeries'),
      color: COLORS.train,
      width: 2.5,
      dots: true,
      points: epochs.map((e) => ({ x: e.epoch, y: train(e) })),
    },
    {
      id: 'validation',
      label: t('hello.training.validationSeries'),
      color: COLORS.validation,
      width: 2.5,
      dashed: true,
      dots: true,
      points: epochs.flatMap((e) => {
        const y = validation(e);
        return y === null ? [] : [{ x: e.epoch, y }];
      }),
    },
  ];
}

/** The loss and accuracy curves of a run: every batch seen live, and each epoch (training and validation). */
export function TrainingCharts({
  batches,
  epochs,
  totalEpochs,
}: {
  batches: BatchPoint[];
  epochs: Epoch[];
  totalEpochs: number;
}) {
  const { t, locale } = useI18n();
  const lossSeries = useMemo(
    () =>
      curveSeries(
        t,
        batches,
        epochs,
        (p) => p.loss,
        (e) => e.valLoss,
      ),
    [batches, epochs, t],
  );
  const accuracySeries = useMemo(
    () =>
      curveSeries(
        t,
        batches,
        epochs,
        (p) => p.accuracy,
        (e) => e.valAccuracy,
      ),
    [batches, epochs, t],
  );
  return (
    <div className="grid-2" data-testid="training-charts">
      <LineChart
        title={t('hello.training.lossChart')}
        series={lossSeries}
        xMax={totalEpochs}
        xLabel={t('hello.training.epochAxis')}
        formatY={(v, step) => formatDecimal(locale, v, decimalsOf(step))}
        testId="loss-chart"
      />
      <LineChart
        title={t('hello.training.accuracyChart')}
        series={accuracySeries}
        xMax={totalEpochs}
        xLabel={t('hello.training.epochAxis')}
        yMax={1}
        formatY={(v) => `${formatNumber(locale, v * 100)} %`}
        testId="accuracy-chart"
      />
    </div>
  );
}

type TrainingStepProps = {
  experiment: TExperiment | null;
  batches: BatchPoint[];
  lastBatch: TBatchProgress | null;
  connected: boolean;
  cancelling: boolean;
  onCancel: () => void;
  /** A run whose results were copied from an identical finished one: train it anew all the same. */
  retraining: boolean;
  onRetrain: () => void;
};

export function TrainingStep({
  experiment,
  batches,
  lastBatch,
  connected,
  cancelling,
  onCancel,
  retraining,
  onRetrain,
}: TrainingStepProps) {
  const { t, locale } = useI18n();
  const epochs = experiment?.epochs ?? [];

  if (!experiment) {
    return <Step step="training" waiting={t('hello.training.noRun')} />;
  }

  const totalEpochs = experiment.spec.training.epochs;
  const active = isActive(experiment);
  let statusText: string;
  switch (experiment.status) {
    case 'queued':
      statusText = queuePlaceText(t, locale, experiment) ?? t('hello.training.queuedUnknown');
      break;
    case 'running':
      statusText = lastBatch
        ? t('hello.training.running', {
            epoch: lastBatch.epoch,
            epochs: totalEpochs,
            batch: lastBatch.batch,
            batches: lastBatch.batchesPerEpoch,
          })
        : t('hello.training.starting');
      break;
    case 'succeeded':
      statusText = t('hello.training.succeeded', {
        duration: formatNumber(locale, (experiment.durationMs ?? 0) / 1000, 1),
      });
      break;
    case 'failed':
      statusText = t('hello.training.failed', { reason: experiment.error ?? t('common.none') });
      break;
    case 'cancelled':
      statusText = t('hello.training.cancelled');
      break;
  }
  // While the socket is down the last batch stops moving but polled epochs still arrive: take the further.
  const epochsDone = Math.max(lastBatch ? epochPosition(lastBatch) : 0, epochs.length);
  const percentDone = (100 * (epochsDone || 0)) / totalEpochs;
  const pct = (v: number) => t('common.percent', { value: formatPercent(locale, v) });

  return (
    <Step
      step="training"
      aside={
        active && (
          <span className={`small live-dot${connected ? '' : ' off'}`}>
            {connected ? t('hello.training.live') : t('hello.training.offline')}
          </span>
        )
      }
    >
      <div className="spread" style={{ marginBottom: '0.75rem' }}>
        <div className="row" role="status" aria-live="polite">
          <StatusBadge status={experiment.status} testId="run-status" />
          <span data-testid="run-status-text">{statusText}</span>
          {experiment.status === 'queued' && experiment.queuePosition !== null && (
            <span className="visually-hidden" data-testid="queue-position">
              {experiment.queuePosition}
            </span>
          )}
          {experiment.status === 'running' && lastBatch && (
            <span className="muted small">
              {t('hello.training.speed', { speed: formatNumber(locale, lastBatch.samplesPerSecond) })}
            </span>
          )}
        </div>
        <div className="row">
          {experiment.backend && (
            <span className="muted small" data-testid="run-backend">
              {t('hello.training.backend', { backend: experiment.backend })}
            </span>
          )}
          {active && (
            <button
              type="button"
              className="button button-danger"
              onClick={onCancel}
              disabled={cancelling}
              data-testid="cancel-button"
            >
              {cancelling ? t('hello.training.cancelling') : t('hello.training.cancel')}
            </button>
          )}
        </div>
      </div>
      <SharedTrainingNotice experiment={experiment} retraining={retraining} onRetrain={onRetrain} />
      {/* a copied run neither waited nor trained: nothing to set beside an estimate */}
      {experiment.sharing !== 'reused' && <EstimateVsReal experiment={experiment} />}
      {experiment.status === 'running' && (
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(percentDone)}
          aria-label={statusText}
          style={{ marginBottom: '1rem' }}
        >
          <span style={{ width: `${percentDone}%` }} />
        </div>
      )}
      <TrainingCharts batches={batches} epochs={epochs} totalEpochs={totalEpochs} />
      {epochs.length > 0 && (
        <details style={{ marginTop: '0.75rem' }}>
          <summary>{t('hello.training.epochsTable')}</summary>
          <div className="table-wrap">
            <table className="table" data-testid="epochs-table">
              <TableHead
                columns={[
                  { label: t('hello.training.columns.epoch') },
                  { label: t('hello.training.columns.loss'), num: true },
                  { label: t('hello.training.columns.accuracy'), num: true },
                  { label: t('hello.training.columns.valLoss'), num: true },
                  { label: t('hello.training.columns.valAccuracy'), num: true },
                  { label: t('hello.training.columns.duration'), num: true },
                ]}
              />
              <tbody>
                {epochs.map((e) => (
                  <tr key={e.epoch}>
                    <td>{e.epoch}</td>
                    <td className="num">{formatDecimal(locale, e.loss, 4)}</td>
                    <td className="num">{pct(e.accuracy)}</td>
                    <td className="num">
                      {e.valLoss === null ? t('common.none') : formatDecimal(locale, e.valLoss, 4)}
                    </td>
                    <td className="num">{e.valAccuracy === null ? t('common.none') : pct(e.valAccuracy)}</td>
                    <td className="num">
                      {t('hello.training.seconds', { value: formatNumber(locale, e.durationMs / 1000, 1) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </Step>
  );
}
