import { activate, decisionLine, neuronOutput } from './neuron';
import { checkXor, forwardPass, type TSmallNetwork } from './small-network';

describe('one neuron', () => {
  it('computes the weighted sum and each activation', () => {
    const neuron = { x1: 1, x2: 0.5, w1: 2, w2: -4, b: 0.5 };
    expect(neuronOutput({ ...neuron, activation: 'step' })).toEqual({ sum: 0.5, output: 1 });
    expect(neuronOutput({ ...neuron, activation: 'relu', b: -1 })).toEqual({ sum: -1, output: 0 });
    expect(neuronOutput({ ...neuron, activation: 'sigmoid' }).output).toBeCloseTo(
      1 / (1 + Math.exp(-0.5)),
      12,
    );
    expect(activate('tanh', 0.5)).toBeCloseTo(Math.tanh(0.5), 12);
    // all weights at zero: the bias alone decides, whatever the inputs
    expect(neuronOutput({ x1: 9, x2: -9, w1: 0, w2: 0, b: -0.1, activation: 'step' }).output).toBe(0);
  });

  it('draws its decision line across the square, and none when no line crosses it', () => {
    // x1 + x2 - 1.5 = 0: fires only when both inputs are high (an AND of x1, x2 in {0, 1})
    expect(decisionLine({ w1: 1, w2: 1, b: -1.5 }, 0, 1)).toEqual([
      [1, 0.5],
      [0.5, 1],
    ]);
    // a larger bias moves the threshold: the line leaves the square
    expect(decisionLine({ w1: 1, w2: 1, b: -3 }, 0, 1)).toBeNull();
    expect(decisionLine({ w1: 0, w2: 0, b: 1 }, 0, 1)).toBeNull();
    expect(decisionLine({ w1: 0, w2: 2, b: -1 }, 0, 1)).toEqual([
      [0, 0.5],
      [1, 0.5],
    ]);
  });
});

describe('the 2-3-1 network and the XOR challenge', () => {
  const unit = (weights: number[], bias: number) => ({ weights, bias });

  it('solves XOR with hand-set weights (OR and not AND), and not with zero weights', () => {
    const solved: TSmallNetwork = {
      activation: 'step',
      hidden: [unit([1, 1], -0.5), unit([1, 1], -1.5), unit([0, 0], 0)],
      output: unit([10, -20, 0], -5),
    };
    const result = checkXor(solved);
    expect(result.solved).toBe(true);
    expect(result.cases.map((c) => c.correct)).toEqual([true, true, true, true]);
    // the third neuron (all zeros) sits on the step's edge (0 counts as firing) but weighs nothing
    expect(forwardPass(solved, 1, 1).hidden.map((h) => h.output)).toEqual([1, 1, 1]);
    expect(forwardPass(solved, 1, 1).sum).toBe(-15);

    const zeros: TSmallNetwork = {
      activation: 'relu',
      hidden: [unit([0, 0], 0), unit([0, 0], 0), unit([0, 0], 0)],
      output: unit([0, 0, 0], 0),
    };
    // every output is sigmoid(0) = 0.5, read as 0: right on (0,0) and (1,1) only
    expect(checkXor(zeros).cases.map((c) => c.correct)).toEqual([true, false, false, true]);
    expect(checkXor(zeros).solved).toBe(false);
  });
});
