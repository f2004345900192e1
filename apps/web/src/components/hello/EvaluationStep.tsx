'use client';

import {
  DATASET_DESCRIPTIONS,
  MNIST_TEST_SIZE,
  type TEvaluation,
  type TExperiment,
} from '@dlclass/contracts';
import { DigitImage } from '@/components/DigitImage';
import { Stats } from '@/components/Stats';
import { TableHead } from '@/components/TableHead';
import { useI18n } from '@/i18n/client';
import { formatDecimal, formatNumber, formatPercent } from '@/lib/format';
import { Step } from './Step';

function cellStyle(count: number, rowTotal: number, diagonal: boolean): React.CSSProperties {
  const share = rowTotal > 0 ? count / rowTotal : 0;
  if (count === 0) return { background: '#f7f8fb', color: '#9aa3b2' };
  // Confusions are usually rare: a square root makes small ones visible without hiding the diagonal.
  const strength = diagonal ? 0.15 + 0.85 * share : Math.min(1, 0.12 + Math.sqrt(share) * 1.6);
  const [r, g, b] = diagonal ? [29, 122, 76] : [217, 115, 13];
  return {
    background: `rgb(${r} ${g} ${b} / ${strength.toFixed(3)})`,
    color: strength > 0.55 ? '#fff' : '#1d2433',
    fontWeight: diagonal ? 700 : 500,
  };
}

/** Rows are named by class (a digit for MNIST, a garment for Fashion-MNIST); columns by index, named on hover. */
function ConfusionMatrix({
  matrix,
  names,
}: {
  matrix: TEvaluation['confusionMatrix'];
  names: readonly string[];
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="confusion" data-testid="confusion-matrix">
        <caption className="visually-hidden">{t('hello.evaluation.confusionTitle')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="axis-label" style={{ width: '5.5rem' }}>
              {t('hello.evaluation.trueDigit')}
            </th>
            <th scope="colgroup" colSpan={10} className="axis-label">
              {t('hello.evaluation.predictedDigit')}
            </th>
          </tr>
          <tr>
            {matrix.map((_, digit) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the index is the digit
              <th key={digit} scope="col" title={names[digit]}>
                {digit}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, truth) => {
            const total = row.reduce((a, b) => a + b, 0);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the index is the digit
              <tr key={truth}>
                <th scope="row">{names[truth] ?? truth}</th>
                {row.map((count, predicted) => (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: the index is the digit
                    key={predicted}
                    style={cellStyle(count, total, truth === predicted)}
                    title={t('hello.evaluation.cellLabel', {
                      true: names[truth] ?? truth,
                      predicted: names[predicted] ?? predicted,
                      count,
                    })}
                  >
                    {count}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function EvaluationStep({ experiment }: { experiment: TExperiment | null }) {
  const { t, locale } = useI18n();
  const evaluation = experiment?.evaluation ?? null;
  const pct = (v: number) => t('common.percent', { value: formatPercent(locale, v) });
  const testCount = evaluation
    ? evaluation.confusionMatrix.flat().reduce((a, b) => a + b, 0)
    : MNIST_TEST_SIZE;

  if (!evaluation || !experiment) return <Step step="evaluation" waiting={t('hello.evaluation.waiting')} />;
  // the dataset's class names (a stored run of an unknown dataset falls back to the indices)
  const names = DATASET_DESCRIPTIONS[experiment.spec.dataset]?.classNames ?? [];
  const name = (index: number) => names[index] ?? String(index);
  return (
    <Step step="evaluation">
      <Stats
        items={[
          {
            label: t('hello.evaluation.testAccuracy', { count: testCount }),
            value: pct(evaluation.testAccuracy),
            big: true,
            testId: 'test-accuracy',
            dataValue: evaluation.testAccuracy,
          },
          { label: t('hello.evaluation.testLoss'), value: formatDecimal(locale, evaluation.testLoss, 4) },
          {
            label: t('hello.evaluation.parameters'),
            value: formatNumber(locale, experiment.parameterCount),
          },
        ]}
      />
      <div className="grid-2">
        <div>
          <h3>{t('hello.evaluation.confusionTitle')}</h3>
          <p className="small muted">{t('hello.evaluation.confusionHelp')}</p>
          <ConfusionMatrix matrix={evaluation.confusionMatrix} names={names} />
        </div>
        <div>
          <h3>{t('hello.evaluation.perClassTitle')}</h3>
          <p className="small muted">{t('hello.evaluation.perClassHelp')}</p>
          <table className="table" data-testid="per-class">
            <TableHead
              columns={[
                { label: t('hello.evaluation.digit') },
                { label: t('hello.evaluation.precision'), num: true },
                { label: t('hello.evaluation.recall'), num: true },
                { label: t('hello.evaluation.support'), num: true },
              ]}
            />
            <tbody>
              {evaluation.perClass.map((c) => (
                <tr key={c.digit}>
                  <th scope="row">{name(c.digit)}</th>
                  <td className="num">{pct(c.precision)}</td>
                  <td className="num">{pct(c.recall)}</td>
                  <td className="num">{formatNumber(locale, c.support)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <h3 style={{ marginTop: '1rem' }}>{t('hello.evaluation.samplesTitle')}</h3>
      <div className="sample-grid" data-testid="samples">
        {evaluation.samples.map((s) => {
          const ok = s.prediction === s.label;
          return (
            <figure
              key={s.testIndex}
              className={`sample${ok ? '' : ' wrong'}`}
              data-testid="sample-prediction"
              style={{ margin: 0 }}
            >
              <DigitImage
                pixels={s.pixels}
                label={t('hello.evaluation.sampleAlt', {
                  label: name(s.label),
                  prediction: name(s.prediction),
                })}
              />
              <figcaption>
                <strong>{t('hello.evaluation.samplePrediction', { prediction: name(s.prediction) })}</strong>
                <br />
                {t('hello.evaluation.sampleConfidence', {
                  confidence: formatPercent(locale, s.confidence),
                })}
                <br />
                <span className="muted">
                  {t('hello.evaluation.sampleTruth', { label: name(s.label) })} ·{' '}
                  {ok ? t('hello.evaluation.correct') : t('hello.evaluation.wrong')}
                </span>
              </figcaption>
            </figure>
          );
        })}
      </div>
    </Step>
  );
}
