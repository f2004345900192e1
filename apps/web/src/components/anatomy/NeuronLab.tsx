'use client';

import { decisionLine, neuronOutput, type TActivation, type TNeuron } from '@dlclass/ml';
import { useState } from 'react';
import { useI18n } from '@/i18n/client';
import { formatDecimal } from '@/lib/format';
import { ActivationSelect } from './ActivationSelect';
import styles from './anatomy.module.css';
import { PLANE, PlaneBackground, toSvg } from './PlaneBackground';
import { Slider } from './Slider';

const BINARY_CASES = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
] as const;

/** The neuron's inputs move over the plane drawn; its weights and bias over [-3, 3]. */
const SLIDERS = [
  { name: 'x1', min: PLANE.min, max: PLANE.max, step: 0.05 },
  { name: 'x2', min: PLANE.min, max: PLANE.max, step: 0.05 },
  { name: 'w1', min: -3, max: 3, step: 0.1 },
  { name: 'w2', min: -3, max: 3, step: 0.1 },
  { name: 'b', min: -3, max: 3, step: 0.1 },
] as const;

/** Reads any activation's output as a 0-1 shade (tanh spans -1 to 1, ReLU is cut at 1). */
const asShare = (activation: TActivation, output: number) =>
  activation === 'tanh' ? (output + 1) / 2 : Math.min(1, output);

/** One neuron: sliders for its inputs, weights and bias, its sum and output live, its decision line. */
export function NeuronLab() {
  const { t, locale } = useI18n();
  const [neuron, setNeuron] = useState<TNeuron>({
    x1: 1,
    x2: 0,
    w1: 1,
    w2: 1,
    b: -0.5,
    activation: 'sigmoid',
  });
  const edit = (patch: Partial<TNeuron>) => setNeuron((current) => ({ ...current, ...patch }));
  const { sum, output } = neuronOutput(neuron);
  const line = decisionLine(neuron, PLANE.min, PLANE.max);
  const zeros = neuron.w1 === 0 && neuron.w2 === 0;
  const computesAnd =
    neuron.activation === 'step' &&
    BINARY_CASES.every(([x1, x2]) => neuronOutput({ ...neuron, x1, x2 }).output === (x1 && x2 ? 1 : 0));
  const [px, py] = toSvg(neuron.x1, neuron.x2);

  return (
    <section className="card" aria-labelledby="neuron-title" data-testid="neuron-lab">
      <h2 id="neuron-title">{t('anatomy.neuron.title')}</h2>
      <p className="muted">{t('anatomy.neuron.intro')}</p>
      <div className={styles.lab}>
        <div className={styles.controls}>
          {SLIDERS.map(({ name, min, max, step }) => (
            <Slider
              key={name}
              label={name}
              value={neuron[name]}
              min={min}
              max={max}
              step={step}
              onChange={(value) => edit({ [name]: value })}
              testId={`neuron-${name}`}
            />
          ))}
          <ActivationSelect
            value={neuron.activation}
            onChange={(activation) => edit({ activation })}
            testId="neuron-activation"
          />
          <dl className="stats">
            <div className="stat">
              <dt>{t('anatomy.neuron.sum')}</dt>
              <dd data-testid="neuron-sum" data-value={sum}>
                {formatDecimal(locale, sum, 2)}
              </dd>
            </div>
            <div className="stat">
              <dt>{t('anatomy.neuron.output')}</dt>
              <dd data-testid="neuron-output" data-value={output}>
                {formatDecimal(locale, output, 3)}
              </dd>
            </div>
          </dl>
        </div>
        <figure className={styles.figure}>
          <svg
            viewBox={`0 0 ${PLANE.size} ${PLANE.size}`}
            role="img"
            aria-label={t('anatomy.neuron.plotLabel')}
          >
            <PlaneBackground
              value={(x1, x2) => asShare(neuron.activation, neuronOutput({ ...neuron, x1, x2 }).output)}
            />
            {line && (
              <line
                x1={toSvg(...line[0])[0]}
                y1={toSvg(...line[0])[1]}
                x2={toSvg(...line[1])[0]}
                y2={toSvg(...line[1])[1]}
                className={styles.boundary}
                data-testid="neuron-boundary"
              />
            )}
            {BINARY_CASES.map(([x1, x2]) => {
              const [cx, cy] = toSvg(x1, x2);
              return <circle key={`${x1}${x2}`} cx={cx} cy={cy} r={4} className={styles.corner} />;
            })}
            <circle cx={px} cy={py} r={6} className={styles.input} />
          </svg>
          <figcaption className="muted small">
            {line ? t('anatomy.neuron.plotLabel') : t('anatomy.neuron.noLine')}
          </figcaption>
        </figure>
      </div>
      <h3>{t('anatomy.neuron.challengesTitle')}</h3>
      <ul className={styles.challenges}>
        <li data-testid="challenge-zeros" data-done={zeros}>
          {t('anatomy.neuron.challenges.zeros.prompt')}
          {zeros && <strong className={styles.done}> {t('anatomy.neuron.challenges.zeros.done')}</strong>}
        </li>
        <li data-testid="challenge-and" data-done={computesAnd}>
          {t('anatomy.neuron.challenges.and.prompt')}
          {computesAnd && <strong className={styles.done}> {t('anatomy.neuron.challenges.and.done')}</strong>}
        </li>
        <li>{t('anatomy.neuron.challenges.bias.prompt')}</li>
        <li>{t('anatomy.neuron.challenges.relu.prompt')}</li>
      </ul>
    </section>
  );
}
