'use client';

import { useI18n } from '@/i18n/client';
import { formatPercent } from '@/lib/format';
import { tickLabel } from './axisLabels';
import {
  ACCURACY_AXIS,
  HYPER_PARAMETER_AXES,
  inset,
  type Scale,
  scaleFor,
  type WallAxis,
  type WallRun,
} from './wall';

const W = 300;
const H = 210;
const M = { left: 46, right: 12, top: 10, bottom: 34 };
const plotW = W - M.left - M.right;
const plotH = H - M.top - M.bottom;

/** One small multiple: test accuracy (y) against one hyper-parameter (x), a dot per run. */
function Scatter({
  axis,
  runs,
  accuracy,
  studentName,
}: {
  axis: WallAxis;
  runs: WallRun[];
  accuracy: Scale;
  studentName: (run: WallRun) => string;
}) {
  const { t, locale } = useI18n();
  const scale = scaleFor(axis, runs);
  const title = t(`wall.axes.${axis.key}`);
  const x = (at: number) => M.left + inset(at) * plotW;
  const y = (at: number) => M.top + plotH - inset(at) * plotH;
  return (
    <figure className="wall-scatter" data-testid="wall-scatter" data-axis={axis.key}>
      <figcaption className="chart-title">{title}</figcaption>
      <svg
        className="chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${t('wall.axes.accuracy')} / ${title}`}
      >
        <rect x={M.left} y={M.top} width={plotW} height={plotH} fill="#fbfcfe" stroke="#d7dce6" />
        {accuracy.ticks.map((tick) => (
          <g key={`y${tick.value}`}>
            <line x1={M.left} x2={M.left + plotW} y1={y(tick.at)} y2={y(tick.at)} stroke="#e6e9f0" />
            <text x={M.left - 5} y={y(tick.at) + 4} textAnchor="end" fontSize="10" fill="#5b6577">
              {tickLabel(t, locale, ACCURACY_AXIS, tick.value)}
            </text>
          </g>
        ))}
        {scale.ticks.map((tick) => (
          <g key={`x${tick.value}`}>
            <line x1={x(tick.at)} x2={x(tick.at)} y1={M.top} y2={M.top + plotH} stroke="#eef0f5" />
            <text x={x(tick.at)} y={M.top + plotH + 14} textAnchor="middle" fontSize="10" fill="#5b6577">
              {tickLabel(t, locale, axis, tick.value)}
            </text>
          </g>
        ))}
        <text x={M.left + plotW / 2} y={H - 4} textAnchor="middle" fontSize="10" fill="#5b6577">
          {axis.type === 'log' ? `${title} (log)` : title}
        </text>
        {runs.map((run) => (
          <circle
            key={run.id}
            cx={x(scale.position(run))}
            cy={y(accuracy.position(run))}
            r={5}
            fill="#2f5fd0"
            fillOpacity={0.55}
            stroke="#1f47a8"
            data-testid="wall-dot"
          >
            <title>
              {t('wall.scatter.dot', {
                student: studentName(run),
                run: run.name,
                accuracy: t('common.percent', { value: formatPercent(locale, run.testAccuracy) }),
              })}
            </title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}

/** Test accuracy against each hyper-parameter, one small chart per hyper-parameter. */
export function ScatterGrid({
  runs,
  studentName,
}: {
  runs: WallRun[];
  studentName: (run: WallRun) => string;
}) {
  const { t } = useI18n();
  const accuracy = scaleFor(ACCURACY_AXIS, runs);
  return (
    <section className="card" aria-labelledby="wall-scatter-title">
      <h2 id="wall-scatter-title">{t('wall.scatter.title')}</h2>
      <p className="muted small">{t('wall.scatter.description')}</p>
      <div className="wall-scatters">
        {HYPER_PARAMETER_AXES.map((axis) => (
          <Scatter key={axis.key} axis={axis} runs={runs} accuracy={accuracy} studentName={studentName} />
        ))}
      </div>
    </section>
  );
}
