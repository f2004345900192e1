import {
  EXPERIMENT_LIMITS as L,
  REFERENCE_EXPERIMENT,
  type TExperimentSpecInput,
  toFieldErrors,
  ZExperimentSpec,
  ZListExperimentsQuery,
} from './index';

const valid = (): TExperimentSpecInput => ({
  dataset: 'mnist',
  model: { layers: [{ type: 'dense', units: 32 }] },
  training: { epochs: 1, batchSize: 32, optimizer: 'adam', learningRate: 0.01, trainSize: 200 },
});

/** The one message per faulty field the API answers with, for a spec patched by `patch`. */
function errorsOf(patch: (spec: TExperimentSpecInput) => void): Record<string, string> {
  const spec = valid();
  patch(spec);
  const result = ZExperimentSpec.safeParse(spec);
  if (result.success) return {};
  return Object.fromEntries(toFieldErrors(result.error).map((f) => [f.field, f.message]));
}

type Layer = TExperimentSpecInput['model']['layers'][number];
const withLayer = (layer: Record<string, unknown>) => (spec: TExperimentSpecInput) => {
  spec.model.layers = [layer as Layer];
};

describe('ZExperimentSpec', () => {
  it('accepts the reference experiment as it is', () => {
    expect(ZExperimentSpec.parse(REFERENCE_EXPERIMENT)).toEqual(REFERENCE_EXPERIMENT);
  });

  it('fills in the defaults the client may leave out', () => {
    const spec = valid();
    spec.model.layers = [
      { type: 'conv2d', filters: 8, kernelSize: 3 },
      { type: 'maxPooling2d' },
      { type: 'flatten' },
      { type: 'dense', units: 16 },
      { type: 'dropout', rate: 0.2 },
    ];
    const parsed = ZExperimentSpec.parse(spec);
    expect(parsed.model.layers).toEqual([
      { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
      { type: 'maxPooling2d', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 16, activation: 'relu' },
      { type: 'dropout', rate: 0.2 },
    ]);
    expect(parsed.training.validationSplit).toBe(0.1);
    expect(parsed.name).toBeUndefined();
    expect(parsed.training.seed).toBeUndefined();
    expect(ZExperimentSpec.parse({ ...valid(), name: '  Mon essai  ' }).name).toBe('Mon essai');
  });

  it('accepts every limit itself', () => {
    const spec = valid();
    spec.name = 'n'.repeat(L.maxNameLength);
    spec.model.layers = [
      { type: 'conv2d', filters: L.maxFilters, kernelSize: L.maxKernelSize, strides: L.maxStrides },
      { type: 'maxPooling2d', poolSize: L.maxPoolSize },
      { type: 'dense', units: L.maxUnits },
      { type: 'dropout', rate: 0.9 },
      ...Array.from({ length: L.maxLayers - 4 }, () => ({ type: 'flatten' as const })),
    ];
    spec.training = {
      epochs: L.maxEpochs,
      batchSize: L.maxBatchSize,
      optimizer: 'sgd',
      learningRate: L.maxLearningRate,
      validationSplit: L.maxValidationSplit,
      trainSize: L.maxTrainSize,
      seed: 2 ** 31 - 1,
    };
    expect(ZExperimentSpec.safeParse(spec).success).toBe(true);
  });

  it.each<[string, (spec: TExperimentSpecInput) => void, Record<string, string>]>([
    [
      'epochs',
      (s) => {
        s.training.epochs = L.maxEpochs + 1;
      },
      { 'training.epochs': "Le nombre d'époques doit être au plus 30" },
    ],
    [
      'epochs (zero, decimal)',
      (s) => {
        s.training.epochs = 0;
        s.training.trainSize = 150.5;
      },
      {
        'training.epochs': "Le nombre d'époques doit être au moins 1",
        'training.trainSize': "La taille du jeu d'entraînement doit être un nombre entier",
      },
    ],
    [
      'batch size and train size',
      (s) => {
        s.training.batchSize = L.maxBatchSize + 1;
        s.training.trainSize = L.minTrainSize - 1;
      },
      {
        'training.batchSize': 'La taille de batch doit être au plus 1\u202f024',
        'training.trainSize': "La taille du jeu d'entraînement doit être au moins 100",
      },
    ],
    [
      'learning rate and validation split',
      (s) => {
        s.training.learningRate = 0;
        s.training.validationSplit = 0.6;
      },
      {
        'training.learningRate': "Le taux d'apprentissage doit être strictement positif",
        'training.validationSplit': 'La part de validation doit être entre 0 et 0,5',
      },
    ],
    [
      'optimizer',
      (s) => {
        (s.training as { optimizer: string }).optimizer = 'lion';
      },
      { 'training.optimizer': "l'optimiseur doit être adam, sgd, rmsprop ou adagrad" },
    ],
    [
      'units',
      withLayer({ type: 'dense', units: L.maxUnits + 1 }),
      { 'model.layers.0.units': 'Le nombre de neurones doit être au plus 1\u202f024' },
    ],
    [
      'conv2d',
      withLayer({ type: 'conv2d', filters: 129, kernelSize: 8, strides: 5, padding: 'full' }),
      {
        'model.layers.0.filters': 'Le nombre de filtres doit être au plus 128',
        'model.layers.0.kernelSize': 'La taille du noyau doit être au plus 7',
        'model.layers.0.strides': 'Le pas (strides) doit être au plus 4',
        'model.layers.0.padding': 'le padding doit être « valid » ou « same »',
      },
    ],
    [
      'pooling and activation',
      (s) => {
        s.model.layers = [
          { type: 'maxPooling2d', poolSize: 5 },
          { type: 'dense', units: 8, activation: 'gelu' as 'relu' },
        ];
      },
      {
        'model.layers.0.poolSize': 'La taille du pooling doit être au plus 4',
        'model.layers.1.activation':
          'activation inconnue (choisir relu, sigmoid, tanh, elu, selu, softplus ou linear)',
      },
    ],
    [
      'dropout and layer type',
      (s) => {
        s.model.layers = [{ type: 'dropout', rate: 0.95 }, { type: 'lstm' } as unknown as Layer];
      },
      {
        'model.layers.0.rate': 'Le taux de dropout doit être entre 0 et 0,9',
        'model.layers.1.type': 'type de couche inconnu (dense, conv2d, maxPooling2d, flatten ou dropout)',
      },
    ],
    [
      'layer count',
      (s) => {
        s.model.layers = Array.from({ length: L.maxLayers + 1 }, () => ({ type: 'flatten' as const }));
      },
      { 'model.layers': 'Le modèle ne peut pas dépasser 8 couches' },
    ],
    [
      'name',
      (s) => {
        s.name = '   ';
      },
      { name: 'Le nom ne peut pas être vide' },
    ],
    [
      'dataset',
      (s) => {
        (s as { dataset: string }).dataset = 'cifar10';
      },
      { dataset: 'le jeu de données doit être « mnist » ou « fashion-mnist »' },
    ],
  ])('refuses out-of-range %s, naming each field in French', (_what, patch, expected) => {
    expect(errorsOf(patch)).toEqual(expected);
  });

  it("uses zod's French messages where the schema has none: unknown keys, wrong types", () => {
    expect(
      errorsOf((s) => {
        Object.assign(s, { extra: true });
        Object.assign(s.training, { momentum: 0.9 });
        s.model.layers = [{ type: 'dense', units: 8, bias: false } as unknown as Layer];
      }),
    ).toEqual({
      '(corps)': 'Clé non reconnue : "extra"',
      training: 'Clé non reconnue : "momentum"',
      'model.layers.0': 'Clé non reconnue : "bias"',
    });
    expect(
      errorsOf((s) => {
        (s as { training: unknown }).training = null;
        (s.model as { layers: unknown }).layers = 'dense';
      }),
    ).toEqual({
      training: 'Entrée invalide : objet attendu, null reçu',
      'model.layers': 'Le modèle doit contenir une liste de couches',
    });
    const notAnObject = ZExperimentSpec.safeParse('mnist');
    expect(notAnObject.success || toFieldErrors(notAnObject.error)).toEqual([
      { field: '(corps)', message: 'Entrée invalide : objet attendu, chaîne de caractères reçu' },
    ]);
  });

  it('never answers with one of zod’s English messages', () => {
    const result = ZExperimentSpec.safeParse({
      dataset: 7,
      model: { layers: [{ type: 'conv2d', filters: 'many', kernelSize: null }], more: 1 },
      training: { epochs: '3', batchSize: [], optimizer: 1, learningRate: {}, trainSize: true, seed: -1 },
      x: 1,
    });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : toFieldErrors(result.error).map((f) => f.message);
    expect(messages.length).toBeGreaterThan(8);
    for (const message of messages) {
      expect(message).not.toMatch(/\b(Invalid|expected|received|Unrecognized|Too (big|small)|must)\b/);
    }
  });
});

describe('ZListExperimentsQuery', () => {
  it('accepts no filter or a class uuid, and refuses anything else in French', () => {
    expect(ZListExperimentsQuery.parse({})).toEqual({});
    const bad = ZListExperimentsQuery.safeParse({ classId: 'abc', page: '2' });
    expect(bad.success || toFieldErrors(bad.error)).toEqual([
      { field: 'classId', message: "L'identifiant de classe n'est pas valide" },
      { field: '(corps)', message: 'Clé non reconnue : "page"' },
    ]);
  });
});
