'use client';

import type { TExperiment } from '@dlclass/contracts';
import { useI18n } from '@/i18n/client';

/**
 * Why a run shows results it did not train for itself: an identical run of the class had already finished
 * ("même entraînement déjà calculé", with a button to train it anew all the same), or was already training
 * (attached: the same live curves and results). Nothing for a run trained for itself.
 */
export function SharedTrainingNotice({
  experiment,
  retraining,
  onRetrain,
}: {
  experiment: TExperiment;
  retraining: boolean;
  onRetrain: () => void;
}) {
  const { t } = useI18n();
  if (experiment.sharing === 'reused') {
    return (
      <div className="alert alert-info spread" role="status" data-testid="run-reused">
        <p style={{ margin: 0 }}>
          <strong>{t('sharing.reused.title')}</strong> — {t('sharing.reused.text')}
        </p>
        <button
          type="button"
          className="button button-secondary"
          onClick={onRetrain}
          disabled={retraining}
          data-testid="retrain-button"
        >
          {retraining ? t('sharing.reused.retraining') : t('sharing.reused.retrain')}
        </button>
      </div>
    );
  }
  if (experiment.sharing === 'attached') {
    return (
      <p className="alert alert-info" role="status" data-testid="run-attached">
        <strong>{t('sharing.attached.title')}</strong> — {t('sharing.attached.text')}
      </p>
    );
  }
  return null;
}
