import { type TTemplate, templateFor } from '@dlclass/content';
import { REFERENCE_EXPERIMENT, type TAnswers, type TExperimentSpec } from '@dlclass/contracts';
import { describeModel } from '@dlclass/ml';
import { drawingsSummary, type MeasuredRun, measuredFacts, runSource, specDiff } from './measured';

const template = (slug: string): TTemplate => {
  const found = templateFor(slug);
  if (!found) throw new Error(`no template ${slug}`);
  return found;
};

const withTraining = (patch: Partial<TExperimentSpec['training']>): TExperimentSpec => ({
  ...REFERENCE_EXPERIMENT,
  training: { ...REFERENCE_EXPERIMENT.training, ...patch },
});

function run(overrides: Partial<MeasuredRun> = {}): MeasuredRun {
  return {
    id: '00000000-0000-4000-8000-0000000000a1',
    name: 'cnn-1',
    kind: 'NETWORK',
    // 09:12 UTC = 10:12 in Paris (winter time)
    createdAt: new Date('2026-11-25T09:12:00Z'),
    backend: 'tensorflow',
    device: 'CPU',
    parameterCount: 121_930,
    durationMs: 83_456,
    testAccuracy: 0.987,
    spec: REFERENCE_EXPERIMENT,
    evaluation: {
      testAccuracy: 0.987,
      testLoss: 0.04,
      confusionMatrix: [
        [600, 4],
        [6, 390],
      ],
      perClass: [],
      samples: Array.from({ length: 10 }, (_, digit) => ({
        testIndex: digit,
        label: digit,
        prediction: digit < 8 ? digit : 0,
        confidence: 0.9,
        pixels: [],
      })),
    },
    epochs: [
      { accuracy: 0.9, valAccuracy: 0.91, durationMs: 40_000 },
      { accuracy: 0.97, valAccuracy: 0.975, durationMs: 41_500 },
    ],
    drawings: [
      { intended: 3, predicted: 3 },
      { intended: 7, predicted: 1 },
      { intended: 5, predicted: 5 },
    ],
    ...overrides,
  };
}

describe('measuredFacts (what the platform measured on the student runs)', () => {
  it("fills the observation sheet's measured fields from the run its run field names", () => {
    const r = run();
    const measured = measuredFacts(template('fiche-observation'), { run: [r.id] }, new Map([[r.id, r]]));
    const value = (id: string) => measured[id]?.value;
    expect(value('backend')).toBe('tensorflow');
    expect(value('device')).toBe('CPU');
    // 60 000 images with a 0.1 validation split, as training splits them
    expect(value('train-images')).toBe(54_000);
    expect(value('validation-images')).toBe(6_000);
    expect(value('test-images')).toBe(1_000);
    expect(value('image-size')).toBe('28 × 28 pixels');
    const description = describeModel(REFERENCE_EXPERIMENT.model);
    expect(value('layer-count')).toBe(description.ok ? description.layers.length : -1);
    expect(value('parameter-count')).toBe(121_930);
    expect(value('epochs')).toBe(2);
    expect(value('train-accuracy')).toBe(0.97);
    expect(value('validation-accuracy')).toBe(0.975);
    expect(value('test-accuracy')).toBe(0.987);
    expect(value('correct-samples')).toBe('8 / 10');
    expect(value('drawings')).toBe('3 dessins : 2 lus comme vous vouliez, 1 mal lu');
    expect(measured.backend?.source).toBe('Expérience « cnn-1 » du 25/11 à 10:12');
  });

  it('leaves every measured value empty until a run is chosen, and ignores a run it was not given', () => {
    const unchosen: TAnswers[] = [{}, { run: ['00000000-0000-4000-8000-0000000000ff'] }];
    for (const answers of unchosen) {
      const measured = measuredFacts(template('fiche-observation'), answers, new Map());
      expect(measured['test-accuracy']).toEqual({ value: null, source: null });
      expect(measured.drawings).toEqual({ value: null, source: null });
    }
  });

  it("fills the comparison table's measured cells, each column from its own run", () => {
    const mistakes = [
      { label: 4, prediction: 9, count: 57, examples: [] },
      { label: 9, prediction: 4, count: 41, examples: [] },
      { label: 5, prediction: 3, count: 30, examples: [] },
      { label: 8, prediction: 3, count: 12, examples: [] },
    ];
    const robustness = {
      images: 1000,
      clean: 0.9,
      sets: [
        { kind: 'noise', strength: 0.15, accuracy: 0.8 },
        { kind: 'noise', strength: 0.3, accuracy: 0.55 },
      ],
    };
    const network = run({ evaluation: { ...(run().evaluation as object), robustness } });
    const forest = run({
      id: '00000000-0000-4000-8000-0000000000c1',
      name: 'Forêt aléatoire (100 arbres, pixels)',
      kind: 'CLASSICAL',
      spec: {
        dataset: 'mnist',
        features: 'pixels',
        model: { algorithm: 'random-forest', trees: 100 },
        trainSize: 10_000,
        validationSplit: 0.1,
      },
      durationMs: 9_000,
      testAccuracy: 0.94,
      evaluation: { ...(run().evaluation as object), mistakes, fitMs: 4_321, predictMs: 300 },
    });
    const runs = new Map([network, forest].map((r) => [r.id, r]));
    const table = template('tableau-comparatif');

    const networkOnly = measuredFacts(table, { run: [network.id] }, runs);
    // the epochs' durations (the run also loads and evaluates), or the whole run's when none was stored
    expect(networkOnly['comparison.training-time.dl']?.value).toBe(81.5);
    const unstored = run({ epochs: [] });
    expect(
      measuredFacts(table, { run: [unstored.id] }, new Map([[unstored.id, unstored]]))[
        'comparison.training-time.dl'
      ]?.value,
    ).toBe(83.5);
    expect(networkOnly['comparison.overall-accuracy.dl']?.value).toBe(0.987);
    expect(networkOnly['comparison.noisy-accuracy.dl']?.value).toBe(0.55);
    // a run trained before mistakes were measured: nothing to quote
    expect(networkOnly['comparison.frequent-errors.dl']?.value).toBeNull();
    expect(networkOnly['comparison.training-time.ml']).toEqual({ value: null, source: null });

    const both = measuredFacts(table, { run: [network.id], 'classical-run': [forest.id] }, runs);
    // a classical model's training time is its fit, not its whole run
    expect(both['comparison.training-time.ml']).toEqual({
      value: 4.3,
      source: 'Expérience « Forêt aléatoire (100 arbres, pixels) » du 25/11 à 10:12',
    });
    expect(both['comparison.overall-accuracy.ml']?.value).toBe(0.94);
    expect(both['comparison.noisy-accuracy.ml']?.value).toBeNull();
    expect(both['comparison.frequent-errors.ml']?.value).toBe(
      '4 → 9 (57 fois) ; 9 → 4 (41 fois) ; 5 → 3 (30 fois)',
    );
    expect(both['comparison.overall-accuracy.dl']?.value).toBe(0.987);
  });

  it('documents an experiment: the one parameter changed, its two values and both accuracies', () => {
    const before = run({ id: '00000000-0000-4000-8000-0000000000b1', name: 'avant', testAccuracy: 0.95 });
    const after = run({
      id: '00000000-0000-4000-8000-0000000000b2',
      name: 'après',
      testAccuracy: 0.97,
      spec: withTraining({ learningRate: 0.01 }),
    });
    const measured = measuredFacts(
      template('fiche-observation'),
      { 'experiment-1': { before: before.id, after: after.id, observation: 'mieux' } },
      new Map([before, after].map((r) => [r.id, r])),
    );
    expect(measured['experiment-1.parameter']?.value).toBe("taux d'apprentissage");
    expect(measured['experiment-1.oldValue']?.value).toBe(0.001);
    expect(measured['experiment-1.newValue']?.value).toBe(0.01);
    expect(measured['experiment-1.beforeAccuracy']?.value).toBe(0.95);
    expect(measured['experiment-1.afterAccuracy']?.value).toBe(0.97);
    expect(measured['experiment-1.parameter']?.source).toContain('« avant »');
    expect(measured['experiment-2.parameter']).toEqual({ value: null, source: null });
  });
});

describe('specDiff', () => {
  it('says when nothing or several parameters changed', () => {
    expect(specDiff(REFERENCE_EXPERIMENT, REFERENCE_EXPERIMENT)).toEqual({
      parameter: 'aucun paramètre modifié',
      oldValue: null,
      newValue: null,
    });
    const several = specDiff(REFERENCE_EXPERIMENT, withTraining({ epochs: 10, batchSize: 128 }));
    expect(several.parameter).toBe("plusieurs paramètres : nombre d'époques, taille de batch");
    expect(several.oldValue).toBe("nombre d'époques 5 ; taille de batch 64");
  });

  it('describes an architecture change layer by layer', () => {
    const dense: TExperimentSpec = {
      ...REFERENCE_EXPERIMENT,
      model: { layers: [{ type: 'dense', units: 128, activation: 'relu' }] },
    };
    expect(specDiff(dense, REFERENCE_EXPERIMENT)).toMatchObject({
      parameter: 'architecture du modèle',
      oldValue: 'Dense 128 (relu)',
      newValue: expect.stringMatching(/^Conv2D 32 filtres 3×3 → MaxPooling 2×2 → .* → Dense 64 \(relu\)$/),
    });
  });
});

describe('drawingsSummary', () => {
  it('counts the drawings read as meant, misread and without an intended digit', () => {
    expect(drawingsSummary([])).toBe('Aucun dessin');
    expect(drawingsSummary([{ intended: 4, predicted: 4 }])).toBe(
      '1 dessin : 1 lu comme vous vouliez, 0 mal lu',
    );
    expect(
      drawingsSummary([
        { intended: 4, predicted: 9 },
        { intended: 2, predicted: 7 },
        { intended: null, predicted: 1 },
      ]),
    ).toBe('3 dessins : 0 lu comme vous vouliez, 2 mal lus, 1 sans chiffre indiqué');
  });

  it('dates the source in Paris time', () => {
    expect(runSource({ name: 'x', createdAt: new Date('2026-06-01T22:30:00Z') })).toBe(
      'Expérience « x » du 02/06 à 00:30',
    );
  });
});
