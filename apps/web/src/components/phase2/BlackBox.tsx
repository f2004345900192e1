'use client';

import {
  classicalParameter,
  DATASET_DESCRIPTIONS,
  type TClassicalRun,
  type TClassicalRunSummary,
  type TEvaluation,
  type TExperiment,
} from '@dlclass/contracts';
import { splitSizes } from '@dlclass/ml';
import { DigitImage } from '@/components/DigitImage';
import { ConfusionMatrix, PerClassTable } from '@/components/evaluation/EvaluationTables';
import { StatusBadge } from '@/components/StatusBadge';
import { TableHead } from '@/components/TableHead';
import { useI18n } from '@/i18n/client';
import { formatDecimal, formatNumber, formatPercent } from '@/lib/format';
import { ClassicalForm } from './ClassicalForm';
import { ComparedPair, useModelPair } from './ModelPair';
import type { TPairIds } from './pair-params';
import './phase2.css';

/** The "Boîte noire" workshop: train a classical model, then compare it with a network on the same test set. */
export function BlackBox({ initial }: { initial: TPairIds }) {
  const { t } = useI18n();
  const pair = useModelPair(initial);
  const classical = pair.classicalRuns;
  return (
    <div className="phase2">
      <h1>{t('phase2.blackBox.title')}</h1>
      <p>{t('phase2.blackBox.intro')}</p>
      <section className="card">
        <h2>{t('phase2.blackBox.trainTitle')}</h2>
        <p className="muted">{t('phase2.blackBox.trainIntro')}</p>
        <ClassicalForm onQueued={() => void classical.reload()} />
        <h3>{t('phase2.blackBox.runsTitle')}</h3>
        <ClassicalRuns runs={classical.runs} />
      </section>
      <section className="card">
        <h2>{t('phase2.blackBox.compareTitle')}</h2>
        <p className="muted">{t('phase2.blackBox.compareIntro')}</p>
        <ComparedPair pair={pair}>
          {(run, network) => <SideBySide classical={run} network={network} />}
        </ComparedPair>
      </section>
    </div>
  );
}

function ClassicalRuns({ runs }: { runs: TClassicalRunSummary[] | null }) {
  const { t, locale } = useI18n();
  if (!runs?.length) return <p className="muted">{t('phase2.blackBox.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="classical-runs">
        <TableHead
          columns={[
            { label: t('phase2.blackBox.columns.name') },
            { label: t('phase2.blackBox.columns.status') },
            { label: t('phase2.blackBox.columns.accuracy'), num: true },
          ]}
        />
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-testid="classical-run">
              <th scope="row">{run.name}</th>
              <td>
                <StatusBadge status={run.status} />
                {run.error && <span className="small"> {run.error}</span>}
              </td>
              <td className="num">
                {run.testAccuracy === null
                  ? '—'
                  : t('common.percent', { value: formatPercent(locale, run.testAccuracy) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Both models, criterion by criterion, then each one's confusion matrix, per-class scores and mistakes. */
function SideBySide({ classical, network }: { classical: TClassicalRun; network: TExperiment }) {
  const { t, locale } = useI18n();
  const result = classical.result;
  const evaluation = network.evaluation;
  if (!result || !evaluation) return null;
  const pct = (value: number) => t('common.percent', { value: formatPercent(locale, value) });
  const seconds = (ms: number) =>
    t('phase2.blackBox.seconds', { value: formatDecimal(locale, ms / 1000, 1) });
  const { model } = classical.spec;
  const networkTraining = network.epochs.reduce((sum, epoch) => sum + epoch.durationMs, 0);
  const rows: [string, string, string][] = [
    [t('phase2.blackBox.rows.model'), t(`phase2.algorithms.${model.algorithm}`), network.name],
    [
      t('phase2.blackBox.rows.preparation'),
      t(`phase2.blackBox.preparation.${classical.spec.features}`),
      t('phase2.blackBox.preparation.network'),
    ],
    [
      t('phase2.blackBox.rows.parameters'),
      t(`phase2.blackBox.parametersOf.${model.algorithm}`, {
        value: classicalParameter(model),
      }),
      t('phase2.blackBox.parametersOf.network', {
        layers: network.spec.model.layers.length,
        parameters: network.parameterCount,
        epochs: network.spec.training.epochs,
        optimizer: network.spec.training.optimizer,
        learningRate: network.spec.training.learningRate,
      }),
    ],
    [
      t('phase2.blackBox.rows.trainImages'),
      formatNumber(locale, splitSizes(classical.spec.trainSize, classical.spec.validationSplit).train),
      formatNumber(
        locale,
        splitSizes(network.spec.training.trainSize, network.spec.training.validationSplit).train,
      ),
    ],
    [t('phase2.blackBox.rows.trainingTime'), seconds(result.fitMs), seconds(networkTraining)],
    [t('phase2.blackBox.rows.predictTime'), seconds(result.predictMs), t('phase2.blackBox.notMeasured')],
    [t('phase2.blackBox.rows.accuracy'), pct(result.evaluation.testAccuracy), pct(evaluation.testAccuracy)],
    [
      t('phase2.blackBox.rows.loss'),
      formatDecimal(locale, result.evaluation.testLoss, 3),
      formatDecimal(locale, evaluation.testLoss, 3),
    ],
  ];
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid="side-by-side">
          <TableHead
            columns={[
              { label: t('phase2.blackBox.criterion') },
              { label: classical.name },
              { label: network.name },
            ]}
          />
          <tbody>
            {rows.map(([criterion, left, right]) => (
              <tr key={criterion}>
                <th scope="row">{criterion}</th>
                <td>{left}</td>
                <td>{right}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid-2">
        <ModelDetails
          title={classical.name}
          evaluation={result.evaluation}
          names={DATASET_DESCRIPTIONS[classical.spec.dataset].classNames}
          testId="classical-details"
        />
        <ModelDetails
          title={network.name}
          evaluation={evaluation}
          names={DATASET_DESCRIPTIONS[network.spec.dataset].classNames}
          testId="network-details"
        />
      </div>
    </>
  );
}

function ModelDetails({
  title,
  evaluation,
  names,
  testId,
}: {
  title: string;
  evaluation: TEvaluation;
  names: readonly string[];
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <div data-testid={testId}>
      <h3>{title}</h3>
      <h4>{t('hello.evaluation.confusionTitle')}</h4>
      <ConfusionMatrix matrix={evaluation.confusionMatrix} names={names} />
      <h4>{t('hello.evaluation.perClassTitle')}</h4>
      <PerClassTable perClass={evaluation.perClass} names={names} />
      <h4>{t('phase2.blackBox.mistakesTitle')}</h4>
      {evaluation.mistakes === undefined ? (
        <p className="muted">{t('phase2.blackBox.oldRun')}</p>
      ) : evaluation.mistakes.length === 0 ? (
        <p className="muted">{t('phase2.blackBox.noMistakes')}</p>
      ) : (
        <ul className="mistakes" data-testid="mistakes">
          {evaluation.mistakes.map((mistake) => {
            const vars = {
              label: names[mistake.label] ?? mistake.label,
              prediction: names[mistake.prediction] ?? mistake.prediction,
            };
            return (
              <li key={`${mistake.label}-${mistake.prediction}`}>
                <span>{t('phase2.blackBox.mistake', { ...vars, count: mistake.count })}</span>
                <span className="mistake-images">
                  {mistake.examples.map((example) => (
                    <DigitImage
                      key={example.testIndex}
                      pixels={example.pixels}
                      label={t('phase2.blackBox.mistakeAlt', vars)}
                      className="digit digit-small"
                    />
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
