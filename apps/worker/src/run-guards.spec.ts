import { REFERENCE_EXPERIMENT, type TExperimentSpec } from '@dlclass/contracts';
import { describeModel } from '@dlclass/ml';
import { loadConfig } from './config';
import { estimateTrainingMemoryBytes } from './run-guards';

function estimate(spec: TExperimentSpec): number {
  const description = describeModel(spec.model);
  if (!description.ok) throw new Error('invalid model');
  return estimateTrainingMemoryBytes(spec, description.layers);
}

describe('estimateTrainingMemoryBytes (memory guard before training)', () => {
  const bound = loadConfig({}).maxRunMemoryBytes;

  it("lets the lesson's reference model train under the default bound", () => {
    expect(estimate(REFERENCE_EXPERIMENT)).toBeLessThan(bound);
  });

  it('grows with the batch, and refuses wide same-padded convolutions on the largest batch', () => {
    const conv = {
      type: 'conv2d',
      filters: 128,
      kernelSize: 3,
      strides: 1,
      padding: 'same',
      activation: 'relu',
    } as const;
    const huge: TExperimentSpec = {
      ...REFERENCE_EXPERIMENT,
      model: { layers: [conv, conv, conv, { type: 'flatten' }] },
      training: { ...REFERENCE_EXPERIMENT.training, batchSize: 1024 },
    };
    const small = { ...huge, training: { ...huge.training, batchSize: 8 } };
    expect(estimate(small)).toBeLessThan(estimate(huge));
    expect(estimate(huge)).toBeGreaterThan(bound);
  });
});
