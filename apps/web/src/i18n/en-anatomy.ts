import type { frAnatomy } from './fr-anatomy';

/** English texts of the "Anatomy of a network" workshop: typed by the French ones. */
export const enAnatomy: typeof frAnatomy = {
  title: 'Anatomy of a network',
  intro:
    'Everything is computed in your browser, instantly: change a value and the result follows. Three steps: one neuron alone, a small network that must compute exclusive OR (XOR), then a network learning before your eyes.',
  activation: 'Activation',
  activations: { step: 'Step', sigmoid: 'Sigmoid', tanh: 'Hyperbolic tangent', relu: 'ReLU' },
  neuron: {
    title: '1. One neuron',
    intro:
      'The neuron multiplies each input by its weight, adds the bias (weighted sum z), then applies its activation function.',
    sum: 'Weighted sum z = w1·x1 + w2·x2 + b',
    output: 'Output f(z)',
    plotLabel:
      'The plane of the inputs x1, x2: in colour, the neuron’s output; the line is its decision boundary (z = 0).',
    noLine: 'No boundary in this square: the neuron gives the same side everywhere.',
    challengesTitle: 'Try this',
    challenges: {
      zeros: {
        prompt: 'Set both weights to zero. What happens to the output when you change x1 and x2?',
        done: 'The output no longer depends on the inputs: only the bias decides.',
      },
      and: {
        prompt:
          'With the step activation, set the weights and the bias so that the neuron fires only when x1 and x2 are both 1 (logical AND).',
        done: 'Well done: the neuron computes AND on the four cases (0,0), (0,1), (1,0), (1,1).',
      },
      bias: {
        prompt:
          'Move the bias alone: the boundary moves. The bias sets the threshold from which the neuron fires.',
      },
      relu: {
        prompt:
          'Choose ReLU: a negative sum gives 0, a positive sum goes through unchanged. It is the most used activation in hidden layers.',
      },
    },
  },
  xor: {
    title: '2. The XOR challenge',
    intro:
      'A single neuron cannot compute exclusive OR: no straight line separates (0,1) and (1,0) from (0,0) and (1,1). With a hidden layer of three neurons it can be done. Set the weights by hand, then check.',
    hidden: 'Hidden neuron {index}',
    outputNeuron: 'Output neuron (sigmoid)',
    weight: 'Weight from {from}',
    bias: 'Bias',
    caseShown: 'Case shown in the diagram',
    check: 'Check the four cases',
    case: 'x1 = {x1}, x2 = {x2}',
    expected: 'expected {expected}',
    got: 'output {output}',
    solved: 'Challenge solved: your network computes XOR on the four cases.',
    notYet: 'Not yet: {count} of 4 cases are right. Hint: one hidden neuron can compute OR, another AND.',
    reset: 'Reset everything to zero',
  },
  playground: {
    title: '3. A network that learns',
    intro:
      'A network with one hidden layer learns to separate two clouds of points. The background shows its answer at every point; it is redrawn while it learns.',
    dataset: 'Data',
    datasets: { xor: 'XOR', circles: 'Circles', spirals: 'Spirals', moons: 'Moons' },
    hidden: 'Hidden neurons',
    learningRate: 'Learning rate',
    noise: 'Noise',
    start: 'Start learning',
    pause: 'Pause',
    restart: 'Start again',
    step: 'Step {count}',
    loss: 'Loss',
    accuracy: 'Accuracy',
    lossChart: 'Loss over the steps',
    share: 'Copy the link to this configuration',
    copied: 'Link copied: it reopens this configuration.',
    stepFlat:
      'With the step activation the slope is zero everywhere: gradient descent cannot learn anything.',
  },
};
