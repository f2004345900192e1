'use client';

import { useEffect, useState } from 'react';
import { DigitPad } from '@/components/DigitPad';
import { useI18n } from '@/i18n/client';
import { formatNumber, formatPercent } from '@/lib/format';
import { useBrowserModel } from '@/lib/useBrowserModel';

/** The model the project trains and ships (packages/ml/scripts/train-demo-model.ts): nothing downloaded. */
export const DEMO_MODEL_DIR = '/models/digits';

type ModelInfo = { testAccuracy: number; parameterCount: number; epochs: number };

/** The digit recognizer of the demonstrations: the shipped model, run in the student's browser. */
export function DigitDemo() {
  const { t, locale } = useI18n();
  const { loaded, error } = useBrowserModel(`${DEMO_MODEL_DIR}/model.json`);
  const [info, setInfo] = useState<ModelInfo | null>(null);
  useEffect(() => {
    fetch(`${DEMO_MODEL_DIR}/info.json`)
      .then((response) => (response.ok ? (response.json() as Promise<ModelInfo>) : null))
      .then(setInfo, () => setInfo(null));
  }, []);
  return (
    <div data-testid="digit-demo">
      <p
        className={error ? 'alert alert-error' : 'small muted'}
        role="status"
        data-testid="model-load-status"
        data-ready={loaded ? 'true' : 'false'}
      >
        {error
          ? t('hello.drawing.loadError', { message: error })
          : loaded
            ? t('lesson.demos.modelReady', { backend: loaded.backend })
            : t('lesson.demos.modelLoading')}
      </p>
      {info && (
        <p className="small muted">
          {t('lesson.demos.modelInfo', {
            accuracy: formatPercent(locale, info.testAccuracy),
            parameters: formatNumber(locale, info.parameterCount),
            epochs: info.epochs,
          })}
        </p>
      )}
      <DigitPad loaded={loaded} />
    </div>
  );
}
