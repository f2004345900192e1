import { toFieldErrors, ZClassicalSpec } from './index';

const errorsOf = (value: unknown) => {
  const result = ZClassicalSpec.safeParse(value);
  return result.success
    ? {}
    : Object.fromEntries(toFieldErrors(result.error).map((f) => [f.field, f.message]));
};

describe('ZClassicalSpec', () => {
  it('fills the defaults of a classical run', () => {
    expect(ZClassicalSpec.parse({ model: { algorithm: 'knn', k: 5 }, trainSize: 5_000 })).toEqual({
      dataset: 'mnist',
      features: 'pixels',
      model: { algorithm: 'knn', k: 5 },
      trainSize: 5_000,
      validationSplit: 0.1,
    });
  });

  it('names each faulty field in French', () => {
    expect(errorsOf({ model: { algorithm: 'random-forest', trees: 500 }, trainSize: 50_000 })).toEqual({
      'model.trees': "Le nombre d'arbres doit être au plus 200",
      trainSize: `La taille du jeu d'entraînement doit être au plus ${(20_000).toLocaleString('fr-FR')}`,
    });
    expect(errorsOf({ model: { algorithm: 'logistic-regression', c: 0 }, trainSize: 1_000 })).toEqual({
      'model.c': 'La constante C doit être strictement positive',
    });
    expect(errorsOf({ model: { algorithm: 'svm' }, trainSize: 1_000 })).toEqual({
      'model.algorithm': 'Modèle inconnu : random-forest, knn ou logistic-regression',
    });
    expect(errorsOf({ model: { algorithm: 'knn', k: 3 }, features: 'edges', trainSize: 1_000 })).toEqual({
      features: 'Entrées inconnues : pixels ou zones',
    });
  });
});
