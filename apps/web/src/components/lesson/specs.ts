import type { TExperimentSpec, TLayer } from '@dlclass/contracts';
import type { Locale } from '@/i18n';
import { formatNumber } from '@/lib/format';

/** A layer in a few characters: "conv 32 3×3", "pool 2", "dense 64 relu", "dropout 0.25". */
export function layerSummary(layer: TLayer): string {
  switch (layer.type) {
    case 'conv2d':
      return `conv ${layer.filters} ${layer.kernelSize}×${layer.kernelSize}${layer.activation === 'relu' ? '' : ` ${layer.activation}`}`;
    case 'maxPooling2d':
      return `pool ${layer.poolSize}`;
    case 'flatten':
      return 'flatten';
    case 'dense':
      return `dense ${layer.units} ${layer.activation}`;
    case 'dropout':
      return `dropout ${layer.rate}`;
  }
}

export const architectureSummary = (spec: TExperimentSpec) => spec.model.layers.map(layerSummary).join(' → ');

/**
 * The value at a path of the spec ('training.epochs', 'model.layers.0.filters'), as text; the layer list
 * reads as its summary. Null when the path does not exist in this spec (e.g. a layer it does not have).
 */
export function specValue(spec: TExperimentSpec, path: string): string | null {
  if (path === 'model.layers') return architectureSummary(spec);
  let node: unknown = spec;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  if (node === undefined || node === null) return null;
  if (typeof node !== 'object') return String(node);
  return Object.entries(node)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
}

/** The parameters shown side by side when runs are compared (the spec paths that matter to the lesson). */
export const COMPARED_PARAMETERS = [
  'dataset',
  'model.layers',
  'training.epochs',
  'training.batchSize',
  'training.optimizer',
  'training.learningRate',
  'training.trainSize',
  'training.validationSplit',
  'training.augmentation',
] as const;
export type ComparedParameter = (typeof COMPARED_PARAMETERS)[number];

/** A spec value for reading: numbers as the locale writes them (0,001 and 60 000 in French), the rest as is. */
export const readableValue = (locale: Locale, value: string | number): string =>
  typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(value) ? formatNumber(locale, Number(value), 6) : value;
