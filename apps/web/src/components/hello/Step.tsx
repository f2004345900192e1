'use client';

import type { ReactNode } from 'react';
import { useT } from '@/i18n/client';

/** The six steps of the walk-through: anchor (French, shown in the address bar) and heading id. */
export const STEPS = {
  environment: { anchor: 'environnement', headingId: 'step-env' },
  data: { anchor: 'donnees', headingId: 'step-data' },
  model: { anchor: 'modele', headingId: 'step-model' },
  training: { anchor: 'entrainement', headingId: 'step-training' },
  evaluation: { anchor: 'evaluation', headingId: 'step-eval' },
  drawing: { anchor: 'dessin', headingId: 'step-draw' },
} as const;
export type StepName = keyof typeof STEPS;
export const STEP_NAMES = Object.keys(STEPS) as StepName[];

type StepProps = {
  step: StepName;
  /** Shown beside the heading (the heading row is then spread); `false` keeps the row, empty. */
  aside?: ReactNode;
  /** Shown alone, muted, instead of the content: what the step waits for. */
  waiting?: string | null | undefined;
  children?: ReactNode;
};

/** One step of the walk-through: a card with its heading. */
export function Step({ step, aside, waiting, children }: StepProps) {
  const t = useT();
  const { anchor, headingId } = STEPS[step];
  const heading = <h2 id={headingId}>{t(`hello.steps.${step}`)}</h2>;
  return (
    <section id={anchor} className="card step" aria-labelledby={headingId}>
      {aside === undefined ? (
        heading
      ) : (
        <div className="spread">
          {heading}
          {aside}
        </div>
      )}
      {waiting ? <p className="muted">{waiting}</p> : children}
    </section>
  );
}
