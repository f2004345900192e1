'use client';

import { IMAGE_SIZE, NUM_CLASSES } from '@dlclass/contracts';
import { drawingToMnistInput } from '@dlclass/ml';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { DigitImage } from '@/components/DigitImage';
import { useI18n } from '@/i18n/client';
import { formatPercent } from '@/lib/format';
import type { BrowserModel } from '@/lib/useBrowserModel';

const CANVAS_SIZE = 280;
const STROKE = 20;
const EMPTY_INPUT = new Float32Array(IMAGE_SIZE * IMAGE_SIZE);
const DIGITS = Array.from({ length: NUM_CLASSES }, (_, digit) => digit);

/**
 * A canvas to draw a digit on, the 28x28 image the model receives and its ten probabilities, computed in
 * the browser at every stroke. Shared by the Hello World (the student's own model) and the demonstrations
 * (the model the project ships).
 */
export function DigitPad({
  loaded,
  footer,
}: {
  loaded: BrowserModel | null;
  /** Shown under the probabilities, given what the model read of the current drawing (null: nothing drawn). */
  footer?: (read: { input: Float32Array; probabilities: number[] } | null) => ReactNode;
}) {
  const { t, locale } = useI18n();
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

  useEffect(clear, [clear]);

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

  const endStroke = () => {
    drawing.current = false;
    last.current = null;
  };

  const best = probabilities ? probabilities.indexOf(Math.max(...probabilities)) : -1;
  return (
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
          onPointerUp={endStroke}
          onPointerCancel={endStroke}
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
        {footer?.(probabilities ? { input, probabilities } : null)}
      </div>
    </div>
  );
}
