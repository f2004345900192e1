import {
  REFERENCE_EXPERIMENT,
  studentSeed,
  type TExperimentSpecInput,
  trainingIdentity,
  withSeed,
  ZExperimentSpec,
} from './index';

const spec = (): TExperimentSpecInput => ({
  name: 'Mon essai',
  dataset: 'mnist',
  model: { layers: [{ type: 'conv2d', filters: 8, kernelSize: 3 }, { type: 'flatten' }] },
  training: { epochs: 1, batchSize: 32, optimizer: 'adam', learningRate: 0.01, trainSize: 200, seed: 7 },
});

describe('trainingIdentity', () => {
  it('does not depend on the order of the keys', () => {
    const reordered = {
      training: { seed: 7, trainSize: 200, learningRate: 0.01, optimizer: 'adam', batchSize: 32, epochs: 1 },
      model: { layers: [{ kernelSize: 3, filters: 8, type: 'conv2d' }, { type: 'flatten' }] },
      dataset: 'mnist',
      name: 'Mon essai',
    } as TExperimentSpecInput;
    expect(trainingIdentity(reordered)).toBe(trainingIdentity(spec()));
  });

  it('fills in the defaults: written out or left out, the same training', () => {
    const explicit = spec();
    explicit.model.layers[0] = {
      type: 'conv2d',
      filters: 8,
      kernelSize: 3,
      strides: 1,
      padding: 'valid',
      activation: 'relu',
    };
    explicit.training.validationSplit = 0.1;
    expect(trainingIdentity(explicit)).toBe(trainingIdentity(spec()));
    expect(trainingIdentity(ZExperimentSpec.parse(spec()))).toBe(trainingIdentity(spec()));
  });

  it('ignores the name, and an augmentation that changes nothing', () => {
    expect(trainingIdentity({ ...spec(), name: 'Autre nom' })).toBe(trainingIdentity(spec()));
    const { name: _name, ...unnamed } = spec();
    expect(trainingIdentity(unnamed)).toBe(trainingIdentity(spec()));
    const noAugmentation = spec();
    noAugmentation.training.augmentation = { shift: 0, rotation: 0 };
    expect(trainingIdentity(noAugmentation)).toBe(trainingIdentity(spec()));
  });

  it('tells apart everything the training reads: dataset, layers, settings, seed, augmentation', () => {
    const base = trainingIdentity(spec());
    const variants: ((s: TExperimentSpecInput) => void)[] = [
      (s) => {
        s.dataset = 'fashion-mnist';
      },
      (s) => {
        s.model.layers = [{ type: 'conv2d', filters: 9, kernelSize: 3 }, { type: 'flatten' }];
      },
      (s) => {
        s.model.layers = [{ type: 'flatten' }, { type: 'conv2d', filters: 8, kernelSize: 3 }];
      },
      (s) => {
        s.training.epochs = 2;
      },
      (s) => {
        s.training.learningRate = 0.001;
      },
      (s) => {
        s.training.validationSplit = 0.2;
      },
      (s) => {
        s.training.seed = 8;
      },
      (s) => {
        s.training.seed = undefined;
      },
      (s) => {
        s.training.augmentation = { shift: 2 };
      },
    ];
    const identities = variants.map((change) => {
      const changed = structuredClone(spec());
      change(changed);
      return trainingIdentity(changed);
    });
    expect(identities).not.toContain(base);
    expect(new Set(identities).size).toBe(variants.length);
  });

  it('refuses a spec the contract refuses', () => {
    expect(() => trainingIdentity({ ...spec(), dataset: 'cifar' as 'mnist' })).toThrow();
  });
});

describe('seeds', () => {
  it("withSeed fills in a missing seed and keeps the spec's own", () => {
    const reference = ZExperimentSpec.parse(REFERENCE_EXPERIMENT);
    expect(withSeed(reference, 42).training.seed).toBe(42);
    expect(reference.training.seed).toBeUndefined();
    const seeded = ZExperimentSpec.parse(spec());
    expect(withSeed(seeded, 42).training.seed).toBe(7);
  });

  it('studentSeed: the same student always gets the same valid seed, another student another one', () => {
    const a = studentSeed(1234, '6d3c1c2e-7a7e-4d0c-9a51-0c1b7c3f8a11');
    expect(studentSeed(1234, '6d3c1c2e-7a7e-4d0c-9a51-0c1b7c3f8a11')).toBe(a);
    expect(studentSeed(1234, '0b7d8c61-2f0a-4f7e-8a3e-5d9c2e4b1f22')).not.toBe(a);
    expect(studentSeed(1235, '6d3c1c2e-7a7e-4d0c-9a51-0c1b7c3f8a11')).not.toBe(a);
    expect(Number.isInteger(a)).toBe(true);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(ZExperimentSpec.parse(withSeed(ZExperimentSpec.parse(REFERENCE_EXPERIMENT), a))).toBeTruthy();
  });
});
