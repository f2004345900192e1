import { classicalParameter } from '@dlclass/contracts';
import type { Locale, Translate } from '@/i18n';
import { formatNumber } from '@/lib/format';
import type { TFeedRun } from '@/lib/useLiveRuns';
import { hiddenLayerCount } from './wall';

/** A run's key hyper-parameters in one line: a network's training settings, a classical model's parameter. */
export function runParameters(t: Translate, locale: Locale, run: TFeedRun): string {
  if (run.kind === 'classical') {
    const { model } = run.spec;
    return t(`wall.algorithms.${model.algorithm}`, {
      value: formatNumber(locale, classicalParameter(model), 3),
    });
  }
  const { training } = run.spec;
  return t('wall.networkParameters', {
    optimizer: training.optimizer,
    learningRate: formatNumber(locale, training.learningRate, 5),
    epochs: training.epochs,
    batchSize: training.batchSize,
    layers: hiddenLayerCount(run.spec),
  });
}
