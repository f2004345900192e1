import { activate, type TActivation } from './neuron';

/** One neuron of the small network: a weight per input and a bias. */
export interface TUnit {
  weights: number[];
  bias: number;
}

/**
 * The 2-3-1 network of the XOR challenge: two inputs, three hidden neurons with the chosen activation, one
 * output neuron with a sigmoid (read as "1" above 0.5). Every weight is the student's to set.
 */
export interface TSmallNetwork {
  hidden: [TUnit, TUnit, TUnit];
  output: TUnit;
  activation: TActivation;
}

export interface TForwardPass {
  /** Each hidden neuron's weighted sum and activation. */
  hidden: { sum: number; output: number }[];
  sum: number;
  output: number;
}

const weighted = ({ weights, bias }: TUnit, inputs: readonly number[]) =>
  weights.reduce((sum, w, i) => sum + w * (inputs[i] ?? 0), bias);

/** The signal through the network for one input pair, layer by layer. */
export function forwardPass(network: TSmallNetwork, x1: number, x2: number): TForwardPass {
  const hidden = network.hidden.map((unit) => {
    const sum = weighted(unit, [x1, x2]);
    return { sum, output: activate(network.activation, sum) };
  });
  const sum = weighted(
    network.output,
    hidden.map((h) => h.output),
  );
  return { hidden, sum, output: activate('sigmoid', sum) };
}

export const XOR_CASES = [
  { x1: 0, x2: 0, expected: 0 },
  { x1: 0, x2: 1, expected: 1 },
  { x1: 1, x2: 0, expected: 1 },
  { x1: 1, x2: 1, expected: 0 },
] as const;

/** The four cases of XOR, each with the network's output and whether it is right (output above 0.5 = 1). */
export function checkXor(network: TSmallNetwork) {
  const cases = XOR_CASES.map(({ x1, x2, expected }) => {
    const { output } = forwardPass(network, x1, x2);
    return { x1, x2, expected, output, correct: (output > 0.5 ? 1 : 0) === expected };
  });
  return { cases, solved: cases.every((c) => c.correct) };
}
