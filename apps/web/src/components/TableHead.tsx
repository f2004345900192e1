import type { ReactNode } from 'react';

/** A column heading; `num` right-aligns a numeric column. */
export type Column = { label: ReactNode; num?: boolean };

/** The heading row of a table; `false` entries (columns not shown) are skipped. */
export function TableHead({ columns }: { columns: (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {columns.map(
          (column, index) =>
            column && (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of columns
              <th key={index} scope="col" className={column.num ? 'num' : undefined}>
                {column.label}
              </th>
            ),
        )}
      </tr>
    </thead>
  );
}
