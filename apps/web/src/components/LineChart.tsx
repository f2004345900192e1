'use client';

import { memo } from 'react';

export type ChartPoint = { x: number; y: number };
export type ChartSeries = {
  id: string;
  label: string;
  color: string;
  points: ChartPoint[];
  width?: number;
  opacity?: number;
  dashed?: boolean;
  dots?: boolean;
};

type LineChartProps = {
  title: string;
  series: ChartSeries[];
  /** The x axis runs from 0 to xMax (epochs). */
  xMax: number;
  xLabel: string;
  /** Fixed y range (accuracy 0-1); otherwise from 0 to the largest value (loss). */
  yMax?: number;
  /** Formats a tick; `step` is the distance between ticks, to choose the number of decimals. */
  formatY: (value: number, step: number) => string;
  testId?: string;
};

const WIDTH = 560;
const HEIGHT = 230;
const M = { left: 52, right: 14, top: 10, bottom: 36 };
const MAX_POINTS = 600;

/** Keeps at most MAX_POINTS points (every k-th, always the last) so long runs stay light to draw. */
function thin(points: ChartPoint[]): ChartPoint[] {
  if (points.length <= MAX_POINTS) return points;
  const step = Math.ceil(points.length / MAX_POINTS);
  const kept = points.filter((_, i) => i % step === 0);
  const last = points[points.length - 1];
  if (last && kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}

function niceStep(range: number, count: number): number {
  const raw = range / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  return (residual > 5 ? 10 : residual > 2.5 ? 5 : residual > 2 ? 2.5 : residual > 1 ? 2 : 1) * magnitude;
}

/** A light SVG line chart: batch curves as thin lines, epoch values as lines with dots. */
export const LineChart = memo(function LineChart({
  title,
  series,
  xMax,
  xLabel,
  yMax,
  formatY,
  testId,
}: LineChartProps) {
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.y));
  const dataMax = all.reduce((max, p) => Math.max(max, p.y), 0);
  const top = yMax ?? (dataMax > 0 ? dataMax * 1.08 : 1);
  const xTop = Math.max(1, xMax);
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const sx = (x: number) => M.left + (Math.min(Math.max(x, 0), xTop) / xTop) * plotW;
  const sy = (y: number) => M.top + plotH - (Math.min(Math.max(y, 0), top) / top) * plotH;

  const yStep = niceStep(top, 4);
  const yTicks: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += yStep) yTicks.push(v);
  const xStep = Math.max(1, Math.ceil(xTop / 10));
  const xTicks: number[] = [];
  for (let v = 0; v <= xTop; v += xStep) xTicks.push(v);

  const pointCount = series.reduce((n, s) => n + s.points.length, 0);
  return (
    <figure className="chart-figure" data-testid={testId} data-points={pointCount} style={{ margin: 0 }}>
      <figcaption className="chart-title">{title}</figcaption>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <rect x={M.left} y={M.top} width={plotW} height={plotH} fill="#fbfcfe" stroke="#d7dce6" />
        {yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={M.left} x2={M.left + plotW} y1={sy(v)} y2={sy(v)} stroke="#e6e9f0" />
            <text x={M.left - 6} y={sy(v) + 4} textAnchor="end" fontSize="11" fill="#5b6577">
              {formatY(v, yStep)}
            </text>
          </g>
        ))}
        {xTicks.map((v) => (
          <g key={`x${v}`}>
            <line x1={sx(v)} x2={sx(v)} y1={M.top} y2={M.top + plotH} stroke="#eef0f5" />
            <text x={sx(v)} y={M.top + plotH + 15} textAnchor="middle" fontSize="11" fill="#5b6577">
              {v}
            </text>
          </g>
        ))}
        <text x={M.left + plotW / 2} y={HEIGHT - 4} textAnchor="middle" fontSize="11" fill="#5b6577">
          {xLabel}
        </text>
        {series.map((s) => {
          const points = thin(s.points.filter((p) => Number.isFinite(p.y)));
          if (points.length === 0) return null;
          const d = points
            .map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`)
            .join('');
          return (
            <g key={s.id} data-series={s.id} data-count={s.points.length}>
              <path
                d={d}
                fill="none"
                stroke={s.color}
                strokeWidth={s.width ?? 2}
                strokeOpacity={s.opacity ?? 1}
                strokeDasharray={s.dashed ? '6 4' : undefined}
                strokeLinejoin="round"
                strokeLinecap="round"
              />
              {s.dots &&
                points.map((p) => (
                  <circle
                    key={p.x}
                    cx={sx(p.x)}
                    cy={sy(p.y)}
                    r={3.5}
                    fill="#fff"
                    stroke={s.color}
                    strokeWidth={2}
                  />
                ))}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend">
        {series.map((s) => (
          <li
            key={s.id}
            className={s.dashed ? 'dashed' : undefined}
            style={{ '--swatch': s.color } as React.CSSProperties}
          >
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
});
