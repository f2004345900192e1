import { ErrorCode, EXPERIMENT_LIMITS, type TExperimentSpec, type TLayerSummary } from '@dlclass/contracts';
import { describeModel } from '@dlclass/ml';
import { DomainError } from '../../common/errors';

/**
 * Checks that a schema-valid spec can be built and is small enough: 400 INVALID_ARCHITECTURE or
 * MODEL_TOO_LARGE naming the faulty fields, in French. Returns the layer summary and parameter count.
 */
export function assertTrainable(spec: TExperimentSpec): { layers: TLayerSummary[]; parameterCount: number } {
  const description = describeModel(spec.model);
  if (!description.ok) {
    throw new DomainError(ErrorCode.InvalidArchitecture, undefined, description.errors);
  }
  if (description.parameterCount > EXPERIMENT_LIMITS.maxParameters) {
    const count = description.parameterCount.toLocaleString('fr-FR');
    const max = EXPERIMENT_LIMITS.maxParameters.toLocaleString('fr-FR');
    const message = `Le modèle a ${count} paramètres ; le maximum est ${max}. Réduisez le nombre de neurones ou de filtres, ou ajoutez un pooling.`;
    throw new DomainError(ErrorCode.ModelTooLarge, message, [{ field: 'model.layers', message }]);
  }
  return description;
}
