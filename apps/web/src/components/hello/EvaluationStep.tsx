'use client';

import { DATASET_DESCRIPTIONS, MNIST_TEST_SIZE, type TExperiment } from '@dlclass/contracts';
import { DigitImage } from '@/components/DigitImage';
import { ConfusionMatrix, PerClassTable } from '@/components/evaluation/EvaluationTables';
import { Stats } from '@/components/Stats';
import { useI18n } from '@/i18n/client';
import { formatDecimal, formatNumber, formatPercent } from '@/lib/format';
import { Step } from './Step';

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
          <PerClassTable perClass={evaluation.perClass} names={names} />
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
