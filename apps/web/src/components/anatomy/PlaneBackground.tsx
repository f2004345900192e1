'use client';

/** The square of the plane drawn by the anatomy figures: [MIN, MAX]² in input units. */
export const PLANE = { min: -0.5, max: 1.5, size: 240 } as const;

/** Input units to SVG pixels (y up). */
export const toSvg = (x: number, y: number): [number, number] => {
  const scale = PLANE.size / (PLANE.max - PLANE.min);
  return [(x - PLANE.min) * scale, PLANE.size - (y - PLANE.min) * scale];
};

/** Colour of a value between 0 (class 0, orange) and 1 (class 1, blue). */
export function shade(value: number): string {
  const v = Math.min(1, Math.max(0, value));
  const r = Math.round(245 + (52 - 245) * v);
  const g = Math.round(158 + (120 - 158) * v);
  const b = Math.round(66 + (246 - 66) * v);
  return `rgb(${r} ${g} ${b})`;
}

/** A grid of cells coloured by `value(x, y)` over the plane, for an SVG figure. */
export function PlaneBackground({
  value,
  cells = 24,
}: {
  value: (x: number, y: number) => number;
  cells?: number;
}) {
  const side = PLANE.size / cells;
  const unit = (PLANE.max - PLANE.min) / cells;
  const grid = Array.from({ length: cells * cells }, (_, i) => ({
    id: `cell-${i}`,
    col: i % cells,
    row: Math.floor(i / cells),
  }));
  return (
    <g opacity={0.55}>
      {grid.map(({ id, col, row }) => {
        const x = PLANE.min + (col + 0.5) * unit;
        const y = PLANE.max - (row + 0.5) * unit;
        return (
          <rect
            key={id}
            x={col * side}
            y={row * side}
            width={side + 0.5}
            height={side + 0.5}
            fill={shade(value(x, y))}
          />
        );
      })}
    </g>
  );
}
