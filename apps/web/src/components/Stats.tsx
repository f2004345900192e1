import type { ReactNode } from 'react';

export type Stat = {
  label: ReactNode;
  value: ReactNode;
  big?: boolean;
  testId?: string;
  /** Machine-readable value, for tests and scripts. */
  dataValue?: string | number;
};

/** A row of labelled figures. */
export function Stats({ items, testId }: { items: Stat[]; testId?: string }) {
  return (
    <dl className="stats" data-testid={testId}>
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of figures
        <div key={index} className={item.big ? 'stat stat-big' : 'stat'}>
          <dt>{item.label}</dt>
          <dd data-testid={item.testId} data-value={item.dataValue}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
