'use client';

import { IMAGE_SIZE, NUM_CLASSES } from '@dlclass/contracts';
import { drawingToMnistInput } from '@dlclass/ml';
import type { LayersModel } from '@tensorflow/tfjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DigitImage } from '@/components/DigitImage';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { formatPercent } from '@/lib/format';
import { Step } from './Step';

type Tf = typeof import('@tensorflow/tfjs');
type Loaded = { tf: Tf; model: LayersModel; backend: string };

const CANVAS_SIZE = 280;
const STROKE = 20;
const EMPTY_INPUT = new Float32Array(IMAGE_SIZE * IMAGE_SIZE);
const DIGITS = Array.from({ length: NUM_CLASSES }, (_, digit) => digit);

/** Loads the run's trained model into the browser (tfjs, weights served by the API). */
function useBrowserModel(experimentId: string | null) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!experimentId) return;
    let cancelled = false;
    let model: LayersModel | null = null;
    setLoaded(null);
    setError(null);
    (async () => {
      const tf = await import('@tensorflow/tfjs');
      await tf.ready();
      model = await tf.loadLayersModel(api.modelUrl(experimentId));
      if (cancelled) {
        model.dispose();
        return;
      }
      setLoaded({ tf, model, backend: tf.getBackend() });
    })().catch((caught: unknown) => {
      if (!cancelled) setError(caught instanceof Error ? caught.message : String(caught));
    });
    return () => {
      cancelled = true;
      model?.dispose();
    };
  }, [experimentId]);
  return { loaded, error };
}

export function DrawingStep({ experimentId }: { experimentId: string | null }) {
  const { t, locale } = useI18n();
  const { loaded, error } = useBrowserModel(experimentId);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef<number | null>(null);
  const [input, setInput] = useState<Float32Array>(EMPTY_INPUT);
  const [probabilities, setProbabilities] = useState<number[] | null>(null);

  const clear = useCallback(() => {
    const ctx = canvasRef.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, CANVAS_SIZE, CANVAS_SIZE);
    setInput(EMPTY_INPUT);
    setProbabilities(null);
  }, []);

  useEffect(() => {
    if (experimentId) clear();
  }, [experimentId, clear]);

  const classify = useCallback(() => {
    frame.current = null;
    const ctx = canvasRef.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const pixels = drawingToMnistInput(ctx.getImageData(0, 0, CANVAS_SIZE, CANVAS_SIZE));
    setInput(pixels);
    if (!loaded || !pixels.some((v) => v > 0)) {
      setProbabilities(null);
      return;
    }
    const { tf, model } = loaded;
    const output = tf.tidy(() => {
      const prediction = model.predict(tf.tensor4d(pixels, [1, IMAGE_SIZE, IMAGE_SIZE, 1]));
      return (
        (Array.isArray(prediction) ? prediction[0] : prediction)?.dataSync() ?? new Float32Array(NUM_CLASSES)
      );
    });
    setProbabilities(Array.from(output));
  }, [loaded]);

  // Re-read the drawing once the model arrives (the student may have drawn while it loaded).
  useEffect(() => {
    if (loaded) classify();
  }, [loaded, classify]);

  const schedule = () => {
    if (frame.current === null) frame.current = requestAnimationFrame(classify);
  };

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * CANVAS_SIZE,
      y: ((event.clientY - rect.top) / rect.height) * CANVAS_SIZE,
    };
  };

  const strokeTo = (to: { x: number; y: number }) => {
    const ctx = canvasRef.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const from = last.current ?? to;
    ctx.strokeStyle = '#000';
    ctx.lineWidth = STROKE;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x + (from === to ? 0.01 : 0), to.y);
    ctx.stroke();
    last.current = to;
    schedule();
  };

  if (!experimentId) {
    return <Step step="drawing" waiting={t('hello.drawing.waiting')} />;
  }

  const best = probabilities ? probabilities.indexOf(Math.max(...probabilities)) : -1;
  return (
    <Step step="drawing">
      <p>{t('hello.drawing.intro')}</p>
      <p
        className={error ? 'alert alert-error' : 'small muted'}
        role="status"
        data-testid="model-load-status"
      >
        {error
          ? t('hello.drawing.loadError', { message: error })
          : loaded
            ? t('hello.drawing.ready', { backend: loaded.backend })
            : t('hello.drawing.loading')}
      </p>
      <div className="drawing-layout">
        <div>
          <canvas
            ref={canvasRef}
            width={CANVAS_SIZE}
            height={CANVAS_SIZE}
            className="drawing-canvas"
            aria-label={t('hello.drawing.canvasLabel')}
            data-testid="drawing-canvas"
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              drawing.current = true;
              last.current = null;
              strokeTo(point(event));
            }}
            onPointerMove={(event) => {
              if (drawing.current) strokeTo(point(event));
            }}
            onPointerUp={() => {
              drawing.current = false;
              last.current = null;
            }}
            onPointerCancel={() => {
              drawing.current = false;
              last.current = null;
            }}
          />
          <button
            type="button"
            className="button button-secondary"
            style={{ marginTop: '0.5rem' }}
            onClick={clear}
            data-testid="drawing-clear"
          >
            {t('hello.drawing.clear')}
          </button>
        </div>
        <div className="model-view">
          <h3>{t('hello.drawing.modelSees')}</h3>
          <DigitImage
            pixels={input}
            unit
            className="model-input"
            label={t('hello.drawing.modelSees')}
            testId="model-input-preview"
          />
        </div>
        <div>
          <h3>{t('hello.drawing.probabilities')}</h3>
          <p aria-live="polite" data-testid="drawing-prediction" data-digit={best >= 0 ? best : ''}>
            {probabilities && best >= 0
              ? t('hello.drawing.prediction', {
                  digit: best,
                  confidence: formatPercent(locale, probabilities[best] ?? 0),
                })
              : t('hello.drawing.empty')}
          </p>
          <ul className="prob-bars" data-testid="probability-bars">
            {DIGITS.map((digit) => {
              const p = probabilities?.[digit] ?? 0;
              const value = formatPercent(locale, p);
              return (
                <li
                  key={digit}
                  className={`prob-bar${digit === best ? ' best' : ''}`}
                  data-testid="probability-bar"
                  data-digit={digit}
                  data-value={probabilities ? p.toFixed(4) : ''}
                  aria-label={t('hello.drawing.probabilityLabel', { digit, value })}
                >
                  <span>{digit}</span>
                  <span className="prob-track">
                    <span
                      className="prob-fill"
                      style={{ width: `${(p * 100).toFixed(1)}%`, display: 'block' }}
                    />
                  </span>
                  <span className="small">
                    {probabilities ? t('common.percent', { value }) : t('common.none')}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </Step>
  );
}
