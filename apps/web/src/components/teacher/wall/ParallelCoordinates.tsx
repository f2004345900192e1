'use client';

import { useI18n } from '@/i18n/client';
import { formatPercent } from '@/lib/format';
import { tickLabel } from './axisLabels';
import { ACCURACY_AXIS, accuracyColor, HYPER_PARAMETER_AXES, inset, scaleFor, type WallRun } from './wall';

const AXES = [...HYPER_PARAMETER_AXES, ACCURACY_AXIS];
const W = 980;
const H = 380;
const M = { left: 40, right: 60, top: 56, bottom: 16 };
const plotH = H - M.top - M.bottom;
const step = (W - M.left - M.right) / (AXES.length - 1);

/** Every finished run as one line across an axis per hyper-parameter and the test accuracy, coloured by it. */
export function ParallelCoordinates({
  runs,
  studentName,
}: {
  runs: WallRun[];
  studentName: (run: WallRun) => string;
}) {
  const { t, locale } = useI18n();
  const scales = AXES.map((axis) => scaleFor(axis, runs));
  const accuracies = runs.map((run) => run.testAccuracy);
  const min = Math.min(...accuracies);
  const max = Math.max(...accuracies);
  const x = (i: number) => M.left + i * step;
  const y = (at: number) => M.top + plotH - inset(at) * plotH;
  const pct = (value: number) => t('common.percent', { value: formatPercent(locale, value) });
  // The best runs are drawn last, on top of the others.
  const ordered = [...runs].sort((a, b) => a.testAccuracy - b.testAccuracy);
  return (
    <section className="card" aria-labelledby="wall-parallel-title">
      <h2 id="wall-parallel-title">{t('wall.parallel.title')}</h2>
      <p className="muted small">{t('wall.parallel.description')}</p>
      <div className="table-wrap">
        <svg
          className="chart wall-parallel"
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={t('wall.parallel.title')}
          data-testid="wall-parallel"
        >
          {ordered.map((run) => (
            <polyline
              key={run.id}
              points={scales
                .map((scale, i) => `${x(i).toFixed(1)},${y(scale.position(run)).toFixed(1)}`)
                .join(' ')}
              fill="none"
              stroke={accuracyColor(run.testAccuracy, min, max)}
              strokeWidth={2}
              strokeOpacity={0.75}
              data-testid="wall-line"
            >
              <title>
                {t('wall.scatter.dot', {
                  student: studentName(run),
                  run: run.name,
                  accuracy: pct(run.testAccuracy),
                })}
              </title>
            </polyline>
          ))}
          {AXES.map((axis, i) => (
            <g key={axis.key}>
              <line x1={x(i)} x2={x(i)} y1={M.top} y2={M.top + plotH} stroke="#5b6577" strokeWidth={1.2} />
              {/* every other name higher, so that long names of neighbouring axes do not overlap */}
              <text
                x={x(i)}
                y={M.top - (i % 2 === 0 ? 32 : 14)}
                textAnchor="middle"
                fontSize="12"
                fontWeight={650}
                fill="#1d2433"
              >
                {t(`wall.axes.${axis.key}`)}
              </text>
              {scales[i]?.ticks.map((tick) => (
                <text
                  key={tick.value}
                  x={x(i) + 5}
                  y={y(tick.at) + 4}
                  fontSize="10"
                  fill="#5b6577"
                  stroke="#fff"
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {tickLabel(t, locale, axis, tick.value)}
                </text>
              ))}
            </g>
          ))}
        </svg>
      </div>
      <p className="wall-legend small" data-testid="wall-legend">
        <span
          className="wall-legend-ramp"
          style={{
            background: `linear-gradient(90deg, ${accuracyColor(0, 0, 1)}, ${accuracyColor(0.5, 0, 1)}, ${accuracyColor(1, 0, 1)})`,
          }}
        />
        {t('wall.parallel.legend', { min: pct(min), max: pct(max) })}
      </p>
    </section>
  );
}
