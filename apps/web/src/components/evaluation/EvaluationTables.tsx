'use client';

import { f1Score, type TEvaluation } from '@dlclass/contracts';
import { TableHead } from '@/components/TableHead';
import { useI18n } from '@/i18n/client';
import { formatNumber, formatPercent } from '@/lib/format';

function cellStyle(count: number, rowTotal: number, diagonal: boolean): React.CSSProperties {
  const share = rowTotal > 0 ? count / rowTotal : 0;
  if (count === 0) return { background: '#f7f8fb', color: '#9aa3b2' };
  // Confusions are usually rare: a square root makes small ones visible without hiding the diagonal.
  const strength = diagonal ? 0.15 + 0.85 * share : Math.min(1, 0.12 + Math.sqrt(share) * 1.6);
  const [r, g, b] = diagonal ? [29, 122, 76] : [217, 115, 13];
  return {
    background: `rgb(${r} ${g} ${b} / ${strength.toFixed(3)})`,
    color: strength > 0.55 ? '#fff' : '#1d2433',
    fontWeight: diagonal ? 700 : 500,
  };
}

/** Rows are named by class (a digit for MNIST, a garment for Fashion-MNIST); columns by index, named on hover. */
export function ConfusionMatrix({
  matrix,
  names,
}: {
  matrix: TEvaluation['confusionMatrix'];
  names: readonly string[];
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="confusion" data-testid="confusion-matrix">
        <caption className="visually-hidden">{t('hello.evaluation.confusionTitle')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="axis-label" style={{ width: '5.5rem' }}>
              {t('hello.evaluation.trueDigit')}
            </th>
            <th scope="colgroup" colSpan={10} className="axis-label">
              {t('hello.evaluation.predictedDigit')}
            </th>
          </tr>
          <tr>
            {matrix.map((_, digit) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the index is the digit
              <th key={digit} scope="col" title={names[digit]}>
                {digit}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, truth) => {
            const total = row.reduce((a, b) => a + b, 0);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the index is the digit
              <tr key={truth}>
                <th scope="row">{names[truth] ?? truth}</th>
                {row.map((count, predicted) => (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: the index is the digit
                    key={predicted}
                    style={cellStyle(count, total, truth === predicted)}
                    title={t('hello.evaluation.cellLabel', {
                      true: names[truth] ?? truth,
                      predicted: names[predicted] ?? predicted,
                      count,
                    })}
                  >
                    {count}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Precision, recall, F1 and support of each class. */
export function PerClassTable({
  perClass,
  names,
}: {
  perClass: TEvaluation['perClass'];
  names: readonly string[];
}) {
  const { t, locale } = useI18n();
  const pct = (v: number) => t('common.percent', { value: formatPercent(locale, v) });
  return (
    <table className="table" data-testid="per-class">
      <TableHead
        columns={[
          { label: t('hello.evaluation.digit') },
          { label: t('hello.evaluation.precision'), num: true },
          { label: t('hello.evaluation.recall'), num: true },
          { label: t('hello.evaluation.f1'), num: true },
          { label: t('hello.evaluation.support'), num: true },
        ]}
      />
      <tbody>
        {perClass.map((c) => (
          <tr key={c.digit}>
            <th scope="row">{names[c.digit] ?? c.digit}</th>
            <td className="num">{pct(c.precision)}</td>
            <td className="num">{pct(c.recall)}</td>
            <td className="num">{pct(c.f1 ?? f1Score(c.precision, c.recall))}</td>
            <td className="num">{formatNumber(locale, c.support)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
