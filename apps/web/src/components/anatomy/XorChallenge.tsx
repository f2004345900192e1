'use client';

import { checkXor, forwardPass, type TSmallNetwork, XOR_CASES } from '@dlclass/ml';
import { useState } from 'react';
import { NumberField } from '@/components/NumberField';
import { useI18n } from '@/i18n/client';
import { formatDecimal } from '@/lib/format';
import { ActivationSelect } from './ActivationSelect';
import styles from './anatomy.module.css';
import { shade } from './PlaneBackground';

const zeroUnit = (inputs: number) => ({ weights: new Array<number>(inputs).fill(0), bias: 0 });
const blank = (): TSmallNetwork => ({
  activation: 'step',
  hidden: [zeroUnit(2), zeroUnit(2), zeroUnit(2)],
  output: zeroUnit(3),
});

/** Nodes of the 2-3-1 diagram (SVG units): a column per layer. */
const COLUMN_X = [30, 150, 270] as const;
const INPUTS = [
  { name: 'x1', y: 60 },
  { name: 'x2', y: 140 },
] as const;
const HIDDEN = [
  { name: 'h1', y: 30 },
  { name: 'h2', y: 100 },
  { name: 'h3', y: 170 },
] as const;

/** The 2-3-1 network: every weight editable, the signal drawn for a chosen case, the four cases checked. */
export function XorChallenge() {
  const { t, locale } = useI18n();
  const [network, setNetwork] = useState<TSmallNetwork>(blank);
  const [shown, setShown] = useState(1);
  const [checked, setChecked] = useState<ReturnType<typeof checkXor> | null>(null);
  const update = (change: (draft: TSmallNetwork) => void) => {
    const draft = structuredClone(network);
    change(draft);
    setNetwork(draft);
    setChecked(null);
  };
  const { x1, x2 } = XOR_CASES[shown] as (typeof XOR_CASES)[number];
  const pass = forwardPass(network, x1, x2);
  const edge = (w: number) => ({
    stroke: w >= 0 ? '#2f6fdb' : '#d9534f',
    strokeWidth: Math.min(6, 0.8 + Math.abs(w)),
  });
  const share = (v: number) => (network.activation === 'tanh' ? (v + 1) / 2 : Math.min(1, v));
  const units = [
    ...network.hidden.map((unit, index) => ({
      unit,
      title: t('anatomy.xor.hidden', { index: index + 1 }),
      from: ['x1', 'x2'],
      key: `h${index}`,
    })),
    { unit: network.output, title: t('anatomy.xor.outputNeuron'), from: ['h1', 'h2', 'h3'], key: 'out' },
  ];

  return (
    <section className="card" aria-labelledby="xor-title" data-testid="xor-challenge">
      <h2 id="xor-title">{t('anatomy.xor.title')}</h2>
      <p className="muted">{t('anatomy.xor.intro')}</p>
      <div className={styles.lab}>
        <div className={styles.units}>
          <ActivationSelect
            value={network.activation}
            onChange={(activation) =>
              update((draft) => {
                draft.activation = activation;
              })
            }
            testId="xor-activation"
          />
          {units.map(({ unit, title, from, key }, u) => (
            <fieldset key={key} className={styles.unit}>
              <legend>{title}</legend>
              {unit.weights.map((w, i) => (
                <NumberField
                  key={from[i]}
                  label={t('anatomy.xor.weight', { from: from[i] as string })}
                  value={w}
                  step={0.5}
                  decimal
                  onChange={(value) =>
                    update((draft) => {
                      const target = u < 3 ? draft.hidden[u] : draft.output;
                      if (target && Number.isFinite(value)) target.weights[i] = value;
                    })
                  }
                  testId={`xor-${key}-w${i + 1}`}
                />
              ))}
              <NumberField
                label={t('anatomy.xor.bias')}
                value={unit.bias}
                step={0.5}
                decimal
                onChange={(value) =>
                  update((draft) => {
                    const target = u < 3 ? draft.hidden[u] : draft.output;
                    if (target && Number.isFinite(value)) target.bias = value;
                  })
                }
                testId={`xor-${key}-b`}
              />
            </fieldset>
          ))}
        </div>
        <figure className={styles.figure}>
          <fieldset className={styles.caseTabs}>
            <legend className="visually-hidden">{t('anatomy.xor.caseShown')}</legend>
            {XOR_CASES.map((c, i) => (
              <button
                key={`${c.x1}${c.x2}`}
                type="button"
                className={`button button-small ${i === shown ? '' : 'button-secondary'}`}
                aria-pressed={i === shown}
                onClick={() => setShown(i)}
              >
                ({c.x1}, {c.x2})
              </button>
            ))}
          </fieldset>
          <svg
            viewBox="0 0 300 200"
            role="img"
            aria-label={t('anatomy.xor.case', { x1, x2 })}
            data-testid="xor-diagram"
          >
            {HIDDEN.map((node, h) =>
              INPUTS.map((input, i) => (
                <line
                  key={`${input.name}-${node.name}`}
                  x1={COLUMN_X[0]}
                  y1={input.y}
                  x2={COLUMN_X[1]}
                  y2={node.y}
                  {...edge(network.hidden[h]?.weights[i] ?? 0)}
                />
              )),
            )}
            {HIDDEN.map((node, h) => (
              <line
                key={`${node.name}-out`}
                x1={COLUMN_X[1]}
                y1={node.y}
                x2={COLUMN_X[2]}
                y2={100}
                {...edge(network.output.weights[h] ?? 0)}
              />
            ))}
            {INPUTS.map((input, i) => {
              const value = i === 0 ? x1 : x2;
              return (
                <g key={input.name}>
                  <circle cx={COLUMN_X[0]} cy={input.y} r={16} fill={shade(value)} className={styles.node} />
                  <text x={COLUMN_X[0]} y={input.y + 5} textAnchor="middle">
                    {value}
                  </text>
                </g>
              );
            })}
            {HIDDEN.map((node, h) => {
              const value = pass.hidden[h]?.output ?? 0;
              return (
                <g key={node.name}>
                  <circle
                    cx={COLUMN_X[1]}
                    cy={node.y}
                    r={18}
                    fill={shade(share(value))}
                    className={styles.node}
                  />
                  <text x={COLUMN_X[1]} y={node.y + 5} textAnchor="middle">
                    {formatDecimal(locale, value, 2)}
                  </text>
                </g>
              );
            })}
            <circle cx={COLUMN_X[2]} cy={100} r={20} fill={shade(pass.output)} className={styles.node} />
            <text x={COLUMN_X[2]} y={105} textAnchor="middle" data-testid="xor-output">
              {formatDecimal(locale, pass.output, 2)}
            </text>
          </svg>
        </figure>
      </div>
      <div className={styles.actions}>
        <button
          type="button"
          className="button"
          onClick={() => setChecked(checkXor(network))}
          data-testid="xor-check"
        >
          {t('anatomy.xor.check')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setNetwork(blank());
            setChecked(null);
          }}
        >
          {t('anatomy.xor.reset')}
        </button>
      </div>
      {checked && (
        <div data-testid="xor-result" data-solved={checked.solved}>
          <ul className={styles.cases}>
            {checked.cases.map((c) => (
              <li key={`${c.x1}${c.x2}`} data-testid="xor-case" data-correct={c.correct}>
                {c.correct ? '✓' : '✗'} {t('anatomy.xor.case', { x1: c.x1, x2: c.x2 })} :{' '}
                {t('anatomy.xor.expected', { expected: c.expected })},{' '}
                {t('anatomy.xor.got', { output: formatDecimal(locale, c.output, 2) })}
              </li>
            ))}
          </ul>
          <p className={`alert ${checked.solved ? 'alert-ok' : 'alert-error'}`} role="status">
            {checked.solved
              ? t('anatomy.xor.solved')
              : t('anatomy.xor.notYet', { count: checked.cases.filter((c) => c.correct).length })}
          </p>
        </div>
      )}
    </section>
  );
}
