'use client';

import {
  ACTIVATIONS,
  PlaygroundNetwork,
  type TActivation,
  TOY_DATASETS,
  type TPoint,
  type TToyDataset,
  toyDataset,
} from '@dlclass/ml';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { SelectField } from '@/components/Field';
import { type ChartPoint, LineChart } from '@/components/LineChart';
import { useI18n } from '@/i18n/client';
import { formatDecimal, formatNumber } from '@/lib/format';
import { ActivationSelect } from './ActivationSelect';
import styles from './anatomy.module.css';
import { shade } from './PlaneBackground';

const LEARNING_RATES = [0.03, 0.1, 0.3, 1, 3] as const;
const NOISES = [0, 0.05, 0.1, 0.2] as const;
const POINTS = 200;
const STEPS_PER_FRAME = 4;
const GRID = 48;
const MAX_STEPS = 5_000;

/** A configuration as the shared link carries it; anything else in the address falls back to the defaults. */
const ZConfig = z.object({
  dataset: z.enum(TOY_DATASETS as [TToyDataset, ...TToyDataset[]]).catch('xor'),
  hidden: z.coerce.number().int().min(1).max(8).catch(4),
  activation: z.enum(ACTIVATIONS as [TActivation, ...TActivation[]]).catch('tanh'),
  rate: z.coerce
    .number()
    .refine((v) => (LEARNING_RATES as readonly number[]).includes(v))
    .catch(0.3),
  noise: z.coerce
    .number()
    .refine((v) => (NOISES as readonly number[]).includes(v))
    .catch(0.05),
});
type TConfig = z.infer<typeof ZConfig>;

function configFromAddress(): TConfig {
  if (typeof window === 'undefined') return ZConfig.parse({});
  return ZConfig.parse(Object.fromEntries(new URLSearchParams(window.location.search)));
}

/** Points and the network's answer over the plane, on a canvas (redrawn every animation frame). */
function draw(canvas: HTMLCanvasElement, network: PlaygroundNetwork, points: readonly TPoint[]) {
  const context = canvas.getContext('2d');
  if (!context) return;
  const size = canvas.width;
  const cell = size / GRID;
  // the toy data live in [-1.25, 1.25]²: the plane is recentred on 0 for them
  const span = 2.5;
  const toPlane = (i: number) => -span / 2 + ((i + 0.5) / GRID) * span;
  for (let row = 0; row < GRID; row++)
    for (let col = 0; col < GRID; col++) {
      context.fillStyle = shade(network.predict(toPlane(col), -toPlane(row)));
      context.globalAlpha = 0.5;
      context.fillRect(col * cell, row * cell, cell + 1, cell + 1);
    }
  context.globalAlpha = 1;
  for (const { x, y, label } of points) {
    context.beginPath();
    context.arc(((x + span / 2) / span) * size, ((span / 2 - y) / span) * size, 3.5, 0, 2 * Math.PI);
    context.fillStyle = label === 1 ? '#1d4fb8' : '#b85a00';
    context.fill();
    context.strokeStyle = '#fff';
    context.stroke();
  }
}

/** A small network learning a toy data set live: its decision boundary, its loss, the controls, a share link. */
export function Playground() {
  const { t, locale } = useI18n();
  const [config, setConfig] = useState<TConfig>(() => ZConfig.parse({}));
  const [running, setRunning] = useState(false);
  const [steps, setSteps] = useState(0);
  const [losses, setLosses] = useState<ChartPoint[]>([]);
  const [copied, setCopied] = useState(false);
  // "start again" with the same settings: a new network all the same
  const [generation, setGeneration] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);

  // the address's configuration once mounted (the server renders the defaults)
  useEffect(() => setConfig(configFromAddress()), []);

  const points = useMemo(
    () => toyDataset(config.dataset, POINTS, config.noise, 1),
    [config.dataset, config.noise],
  );
  const network = useMemo(
    () => new PlaygroundNetwork(config.hidden, config.activation, 1 + generation),
    [config.hidden, config.activation, generation],
  );
  const [accuracy, setAccuracy] = useState(0);

  const measure = useCallback(() => {
    const correct = points.filter((p) => (network.predict(p.x, p.y) > 0.5 ? 1 : 0) === p.label).length;
    setAccuracy(correct / points.length);
  }, [network, points]);

  // a new configuration: start again from a fresh network, written into the address
  useEffect(() => {
    setRunning(false);
    setSteps(0);
    setLosses([{ x: 0, y: network.loss(points) }]);
    measure();
    if (canvas.current) draw(canvas.current, network, points);
    const url = new URL(window.location.href);
    for (const [key, value] of Object.entries(config)) url.searchParams.set(key, String(value));
    window.history.replaceState(null, '', url);
  }, [config, network, points, measure]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the loop owns the step count while it runs
  useEffect(() => {
    if (!running) return;
    let frame = 0;
    let done = steps;
    const tick = () => {
      let loss = 0;
      for (let i = 0; i < STEPS_PER_FRAME; i++) loss = network.step(points, config.rate);
      done += STEPS_PER_FRAME;
      setSteps(done);
      setLosses((list) => [...list, { x: done, y: loss }]);
      if (canvas.current) draw(canvas.current, network, points);
      if (done % 20 === 0) measure();
      if (done >= MAX_STEPS) setRunning(false);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [running, network, points, config.rate, measure]);

  const lastLoss = losses[losses.length - 1]?.y ?? 0;
  const edit = (patch: Partial<TConfig>) => setConfig((current) => ({ ...current, ...patch }));
  const option = <V extends string | number>(values: readonly V[], label: (v: V) => string) =>
    values.map((v) => ({ value: String(v), label: label(v) }));

  async function copyLink() {
    await navigator.clipboard?.writeText(window.location.href).catch(() => undefined);
    setCopied(true);
  }

  return (
    <section className="card" aria-labelledby="playground-title" data-testid="playground">
      <h2 id="playground-title">{t('anatomy.playground.title')}</h2>
      <p className="muted">{t('anatomy.playground.intro')}</p>
      <div className={styles.lab}>
        <div className={styles.controls}>
          <SelectField
            label={t('anatomy.playground.dataset')}
            value={config.dataset}
            options={TOY_DATASETS.map((d) => ({ value: d, label: t(`anatomy.playground.datasets.${d}`) }))}
            onChange={(dataset) => edit({ dataset })}
            testId="playground-dataset"
          />
          <SelectField
            label={t('anatomy.playground.hidden')}
            value={String(config.hidden)}
            options={option([1, 2, 3, 4, 5, 6, 7, 8], String)}
            onChange={(hidden) => edit({ hidden: Number(hidden) })}
            testId="playground-hidden"
          />
          <ActivationSelect
            value={config.activation}
            onChange={(activation) => edit({ activation })}
            testId="playground-activation"
          />
          <SelectField
            label={t('anatomy.playground.learningRate')}
            value={String(config.rate)}
            options={option(LEARNING_RATES, (v) => formatNumber(locale, v, 2))}
            onChange={(rate) => edit({ rate: Number(rate) })}
            testId="playground-rate"
          />
          <SelectField
            label={t('anatomy.playground.noise')}
            value={String(config.noise)}
            options={option(NOISES, (v) => formatNumber(locale, v, 2))}
            onChange={(noise) => edit({ noise: Number(noise) })}
            testId="playground-noise"
          />
          <div className={styles.actions}>
            <button
              type="button"
              className="button"
              onClick={() => setRunning((r) => !r)}
              data-testid="playground-run"
            >
              {running ? t('anatomy.playground.pause') : t('anatomy.playground.start')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setGeneration((g) => g + 1)}
            >
              {t('anatomy.playground.restart')}
            </button>
          </div>
          <dl className="stats">
            <div className="stat">
              <dt>{t('anatomy.playground.step', { count: steps })}</dt>
              <dd data-testid="playground-loss" data-steps={steps} data-value={lastLoss}>
                {t('anatomy.playground.loss')} {formatDecimal(locale, lastLoss, 3)}
              </dd>
            </div>
            <div className="stat">
              <dt>{t('anatomy.playground.accuracy')}</dt>
              <dd data-testid="playground-accuracy" data-value={accuracy}>
                {formatNumber(locale, accuracy * 100, 0)} %
              </dd>
            </div>
          </dl>
          {config.activation === 'step' && <p className="muted small">{t('anatomy.playground.stepFlat')}</p>}
        </div>
        <figure className={styles.figure}>
          <canvas
            ref={canvas}
            width={288}
            height={288}
            className={styles.canvas}
            data-testid="playground-canvas"
          />
        </figure>
      </div>
      <LineChart
        title={t('anatomy.playground.lossChart')}
        series={[{ id: 'loss', label: t('anatomy.playground.loss'), color: '#2f6fdb', points: losses }]}
        xMax={Math.max(100, steps)}
        xLabel={t('anatomy.playground.step', { count: '' }).trim()}
        formatY={(v, step) => formatDecimal(locale, v, step < 0.1 ? 2 : 1)}
        testId="playground-loss-chart"
      />
      <div className={styles.actions}>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void copyLink()}
          data-testid="playground-share"
        >
          {t('anatomy.playground.share')}
        </button>
        {copied && (
          <span role="status" className="muted">
            {t('anatomy.playground.copied')}
          </span>
        )}
      </div>
    </section>
  );
}
