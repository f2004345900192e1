import { gaussian, seededRandom } from '../mnist';
import { activate, type TActivation } from './neuron';

/** The 2-D toy data sets of the training playground: two classes of points in [-1, 1]². */
export type TToyDataset = 'xor' | 'circles' | 'spirals' | 'moons';
export const TOY_DATASETS: readonly TToyDataset[] = ['xor', 'circles', 'spirals', 'moons'];

export interface TPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

/** `count` points of a toy data set (half of each class), with Gaussian noise of `noise`; seeded. */
export function toyDataset(kind: TToyDataset, count: number, noise: number, seed: number): TPoint[] {
  const random = seededRandom(seed);
  const points: TPoint[] = [];
  for (let i = 0; i < count; i++) {
    const label = (i % 2) as 0 | 1;
    let x: number;
    let y: number;
    switch (kind) {
      case 'xor': {
        // one class in the quadrants where x and y have the same sign
        x = random() * 2 - 1;
        y = random() * 2 - 1;
        if ((x * y > 0 ? 0 : 1) !== label) y = -y;
        break;
      }
      case 'circles': {
        const angle = random() * 2 * Math.PI;
        const radius = label === 0 ? random() * 0.4 : 0.6 + random() * 0.35;
        x = radius * Math.cos(angle);
        y = radius * Math.sin(angle);
        break;
      }
      case 'spirals': {
        // two arms, one turned by half a turn from the other
        const t = random();
        const angle = t * 3 * Math.PI + label * Math.PI;
        x = 0.9 * t * Math.cos(angle);
        y = 0.9 * t * Math.sin(angle);
        break;
      }
      case 'moons': {
        const angle = random() * Math.PI;
        x = label === 0 ? Math.cos(angle) - 0.5 : 0.5 - Math.cos(angle);
        y = label === 0 ? Math.sin(angle) * 0.8 - 0.2 : 0.2 - Math.sin(angle) * 0.8;
        x *= 0.65;
        y *= 0.9;
        break;
      }
    }
    points.push({ x: x + noise * gaussian(random), y: y + noise * gaussian(random), label });
  }
  return points;
}

/** Binary cross-entropy of one point, with the probability kept off 0 and 1. */
function crossEntropy(p: number, label: 0 | 1): number {
  const clipped = Math.min(1 - 1e-7, Math.max(1e-7, p));
  return -Math.log(label === 1 ? clipped : 1 - clipped);
}

const derivative = (activation: TActivation, z: number, out: number): number => {
  switch (activation) {
    case 'step':
      return 0; // flat everywhere: a network of steps cannot learn by gradient, which the page shows
    case 'sigmoid':
      return out * (1 - out);
    case 'tanh':
      return 1 - out * out;
    case 'relu':
      return z > 0 ? 1 : 0;
  }
};

/**
 * The playground's network: 2 inputs, one hidden layer of `hidden` neurons, one sigmoid output (the
 * probability of class 1); trained by full-batch gradient descent on the binary cross-entropy. Small enough to
 * take many steps per animation frame.
 */
export class PlaygroundNetwork {
  /** w1[j*2 + i]: input i to hidden j. */
  readonly w1: Float64Array;
  readonly b1: Float64Array;
  readonly w2: Float64Array;
  b2 = 0;
  private readonly sums: Float64Array;
  private readonly outs: Float64Array;

  constructor(
    readonly hidden: number,
    readonly activation: TActivation,
    seed: number,
  ) {
    const random = seededRandom(seed);
    // Glorot-style scale: the hidden layer neither saturates nor dies at the start
    const scale1 = Math.sqrt(6 / (2 + hidden));
    const scale2 = Math.sqrt(6 / (hidden + 1));
    this.w1 = Float64Array.from({ length: hidden * 2 }, () => (random() * 2 - 1) * scale1);
    this.b1 = new Float64Array(hidden);
    this.w2 = Float64Array.from({ length: hidden }, () => (random() * 2 - 1) * scale2);
    this.sums = new Float64Array(hidden);
    this.outs = new Float64Array(hidden);
  }

  /** The probability of class 1 at (x, y). */
  predict(x: number, y: number): number {
    return this.forward(x, y);
  }

  /** The forward pass; leaves each hidden neuron's sum and output in `sums` and `outs`. */
  private forward(x: number, y: number): number {
    let z = this.b2;
    for (let j = 0; j < this.hidden; j++) {
      const sum =
        (this.w1[j * 2] as number) * x + (this.w1[j * 2 + 1] as number) * y + (this.b1[j] as number);
      this.sums[j] = sum;
      this.outs[j] = activate(this.activation, sum);
      z += (this.w2[j] as number) * (this.outs[j] as number);
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Mean binary cross-entropy over the points. */
  loss(points: readonly TPoint[]): number {
    let total = 0;
    for (const { x, y, label } of points) total += crossEntropy(this.forward(x, y), label);
    return total / points.length;
  }

  /** One step of gradient descent on all the points; returns the loss before the step. */
  step(points: readonly TPoint[], learningRate: number): number {
    const { hidden, sums, outs } = this;
    const gw1 = new Float64Array(hidden * 2);
    const gb1 = new Float64Array(hidden);
    const gw2 = new Float64Array(hidden);
    let gb2 = 0;
    let total = 0;
    for (const { x, y, label } of points) {
      const p = this.forward(x, y);
      total += crossEntropy(p, label);
      // d(loss)/dz of a sigmoid output with cross-entropy
      const dz = p - label;
      gb2 += dz;
      for (let j = 0; j < hidden; j++) {
        gw2[j] = (gw2[j] as number) + dz * (outs[j] as number);
        const dh =
          dz * (this.w2[j] as number) * derivative(this.activation, sums[j] as number, outs[j] as number);
        gw1[j * 2] = (gw1[j * 2] as number) + dh * x;
        gw1[j * 2 + 1] = (gw1[j * 2 + 1] as number) + dh * y;
        gb1[j] = (gb1[j] as number) + dh;
      }
    }
    const rate = learningRate / points.length;
    for (let k = 0; k < hidden * 2; k++) this.w1[k] = (this.w1[k] as number) - rate * (gw1[k] as number);
    for (let j = 0; j < hidden; j++) {
      this.b1[j] = (this.b1[j] as number) - rate * (gb1[j] as number);
      this.w2[j] = (this.w2[j] as number) - rate * (gw2[j] as number);
    }
    this.b2 -= rate * gb2;
    return total / points.length;
  }
}
