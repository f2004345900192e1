/**
 * The anatomy of a network (phase 2), computed in the browser with no queue: one neuron, the 2-3-1 network
 * of the XOR challenge. Plain numbers, no tfjs: every slider move recomputes everything at once.
 */

export type TActivation = 'step' | 'sigmoid' | 'tanh' | 'relu';
export const ACTIVATIONS: readonly TActivation[] = ['step', 'sigmoid', 'tanh', 'relu'];

export function activate(activation: TActivation, z: number): number {
  switch (activation) {
    case 'step':
      return z >= 0 ? 1 : 0;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return Math.max(0, z);
  }
}

export interface TNeuron {
  x1: number;
  x2: number;
  w1: number;
  w2: number;
  b: number;
  activation: TActivation;
}

/** The weighted sum z = w1·x1 + w2·x2 + b and the output f(z). */
export function neuronOutput({ x1, x2, w1, w2, b, activation }: TNeuron): { sum: number; output: number } {
  const sum = w1 * x1 + w2 * x2 + b;
  return { sum, output: activate(activation, sum) };
}

/**
 * The neuron's decision line w1·x1 + w2·x2 + b = 0 clipped to the square [min, max]², as its two ends, or
 * null when no such line crosses the square (both weights at zero, or the line outside it).
 */
export function decisionLine(
  { w1, w2, b }: Pick<TNeuron, 'w1' | 'w2' | 'b'>,
  min: number,
  max: number,
): [[number, number], [number, number]] | null {
  const points: [number, number][] = [];
  const add = (x: number, y: number) => {
    const inside = x >= min - 1e-9 && x <= max + 1e-9 && y >= min - 1e-9 && y <= max + 1e-9;
    if (inside && !points.some(([px, py]) => Math.abs(px - x) < 1e-9 && Math.abs(py - y) < 1e-9))
      points.push([x, y]);
  };
  if (w2 !== 0) for (const x of [min, max]) add(x, -(w1 * x + b) / w2);
  if (w1 !== 0) for (const y of [min, max]) add(-(w2 * y + b) / w1, y);
  return points.length >= 2 ? [points[0] as [number, number], points[1] as [number, number]] : null;
}
