import { REFERENCE_EXPERIMENT, type TExperimentSpec, ZExperimentSpec } from '@dlclass/contracts';
import { DomainError } from '../../common/errors';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { assertTrainable } from './experiment-spec.validation';

const spec = (patch: Partial<TExperimentSpec>): TExperimentSpec => ({ ...REFERENCE_EXPERIMENT, ...patch });

function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('experiment spec validation', () => {
  const pipe = new ZodValidationPipe(ZExperimentSpec);

  it('accepts the reference model and fills the defaults', () => {
    const parsed = pipe.transform({
      dataset: 'mnist',
      model: { layers: [{ type: 'conv2d', filters: 8, kernelSize: 3 }, { type: 'flatten' }] },
      training: { epochs: 1, batchSize: 32, optimizer: 'adam', learningRate: 0.01, trainSize: 200 },
    });
    expect(parsed.model.layers[0]).toMatchObject({ strides: 1, padding: 'valid', activation: 'relu' });
    expect(parsed.training.validationSplit).toBe(0.1);
    expect(assertTrainable(REFERENCE_EXPERIMENT).parameterCount).toBeGreaterThan(0);
  });

  it('names each field out of bounds, with a French message', () => {
    const error = domainErrorOf(() =>
      pipe.transform({
        dataset: 'mnist',
        model: { layers: Array.from({ length: 9 }, () => ({ type: 'dense', units: 8 })) },
        training: { epochs: 0, batchSize: 2048, optimizer: 'adam', learningRate: 0, trainSize: 50 },
      }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries((error.fields ?? []).map((f) => [f.field, f.message]));
    expect(Object.keys(byField).sort()).toEqual([
      'model.layers',
      'training.batchSize',
      'training.epochs',
      'training.learningRate',
      'training.trainSize',
    ]);
    expect(byField['model.layers']).toBe('Le modèle ne peut pas dépasser 8 couches');
    expect(byField['training.trainSize']).toMatch(/entraînement doit être au moins 100/);
  });

  it('rejects a conv2d after a flatten as INVALID_ARCHITECTURE naming the layer', () => {
    const error = domainErrorOf(() =>
      assertTrainable(
        spec({
          model: {
            layers: [
              { type: 'flatten' },
              { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
            ],
          },
        }),
      ),
    );
    expect(error.code).toBe('INVALID_ARCHITECTURE');
    expect(error.status).toBe(400);
    expect(error.fields?.map((f) => f.field)).toEqual(['model.layers.1']);
  });

  it('rejects a model above 2 million parameters as MODEL_TOO_LARGE with the count in French', () => {
    const error = domainErrorOf(() =>
      assertTrainable(
        spec({
          model: {
            layers: [
              { type: 'dense', units: 1024, activation: 'relu' },
              { type: 'dense', units: 1024, activation: 'relu' },
              { type: 'dense', units: 1024, activation: 'relu' },
            ],
          },
        }),
      ),
    );
    expect(error.code).toBe('MODEL_TOO_LARGE');
    expect(error.status).toBe(400);
    expect(error.fields?.[0]?.field).toBe('model.layers');
    expect(error.message).toMatch(/maximum est 2\s000\s000/);
  });
});
