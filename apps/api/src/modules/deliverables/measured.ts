import { type TField, type TTemplate, templateFields } from '@dlclass/content';
import {
  IMAGE_SIZE,
  PERTURBATION_STRENGTHS,
  type TAnswers,
  type TClassicalSpec,
  type TEvaluation,
  type TExperimentSpec,
  type TLayer,
  type TMeasuredFact,
  type TMeasuredValue,
  ZClassicalResult,
  ZClassicalSpec,
  ZEvaluation,
  ZExperimentSpec,
} from '@dlclass/contracts';
import { describeModel, splitSizes } from '@dlclass/ml';

/** One of the student's runs, as the measured facts need it (the stored spec and evaluation unparsed). */
export interface MeasuredRun {
  id: string;
  name: string;
  kind: 'NETWORK' | 'CLASSICAL';
  createdAt: Date;
  backend: string | null;
  device: string | null;
  parameterCount: number;
  durationMs: number | null;
  testAccuracy: number | null;
  spec: unknown;
  evaluation: unknown;
  /** In epoch order. */
  epochs: { accuracy: number; valAccuracy: number | null; durationMs: number }[];
  drawings: { intended: number | null; predicted: number }[];
}

const NOTHING: TMeasuredValue = { value: null, source: null };

const DATASET_NAMES: Record<TExperimentSpec['dataset'], string> = {
  mnist: 'MNIST',
  'fashion-mnist': 'Fashion-MNIST',
};

const when = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});

/** "Expérience « cnn-1 » du 25/11 à 10:12" */
export function runSource(run: Pick<MeasuredRun, 'name' | 'createdAt'>): string {
  const parts = Object.fromEntries(when.formatToParts(run.createdAt).map((p) => [p.type, p.value]));
  return `Expérience « ${run.name} » du ${parts.day}/${parts.month} à ${parts.hour}:${parts.minute}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** "3 dessins : 2 lus comme vous vouliez, 1 mal lu" (drawings without an intended digit said so). */
export function drawingsSummary(drawings: MeasuredRun['drawings']): string {
  if (drawings.length === 0) return 'Aucun dessin';
  const stated = drawings.filter((d) => d.intended !== null);
  const right = stated.filter((d) => d.intended === d.predicted).length;
  const parts = [
    `${plural(right, 'lu', 'lus')} comme vous vouliez`,
    plural(stated.length - right, 'mal lu', 'mal lus'),
  ];
  const unstated = drawings.length - stated.length;
  if (unstated > 0) parts.push(`${unstated} sans chiffre indiqué`);
  return `${plural(drawings.length, 'dessin', 'dessins')} : ${parts.join(', ')}`;
}

const ZStoredEvaluation = ZEvaluation.omit({ testAccuracy: true, testLoss: true });
type TStoredEvaluation = Omit<TEvaluation, 'testAccuracy' | 'testLoss'>;

type ParsedRun = {
  spec: TExperimentSpec | null;
  classical: TClassicalSpec | null;
  evaluation: TStoredEvaluation | null;
  /** A classical run's fit time, in milliseconds. */
  fitMs: number | null;
};
const parsedRuns = new WeakMap<MeasuredRun, ParsedRun>();

/** A run's stored spec and evaluation, read once against today's contracts (null where they no longer fit). */
function parsed(run: MeasuredRun): ParsedRun {
  let result = parsedRuns.get(run);
  if (!result) {
    // stored without its two scalars, which have their own columns
    const evaluation = run.evaluation == null ? null : ZStoredEvaluation.safeParse(run.evaluation);
    const classical = run.kind === 'CLASSICAL' ? ZClassicalSpec.safeParse(run.spec) : null;
    const network = run.kind === 'NETWORK' ? ZExperimentSpec.safeParse(run.spec) : null;
    const times = ZClassicalResult.shape.fitMs.safeParse(
      (run.evaluation as { fitMs?: unknown } | null)?.fitMs,
    );
    result = {
      spec: network?.success ? network.data : null,
      classical: classical?.success ? classical.data : null,
      evaluation: evaluation?.success ? evaluation.data : null,
      fitMs: run.kind === 'CLASSICAL' && times.success ? times.data : null,
    };
    parsedRuns.set(run, result);
  }
  return result;
}

/** "4 → 9 (57 fois) ; 9 → 4 (57 fois) ; 5 → 3 (55 fois)": the three most frequent confusions. */
function mistakesText(evaluation: TStoredEvaluation | null): string | null {
  const mistakes = evaluation?.mistakes;
  if (!mistakes) return null;
  if (mistakes.length === 0) return 'Aucune erreur';
  return mistakes
    .slice(0, 3)
    .map((m) => `${m.label} → ${m.prediction} (${m.count} fois)`)
    .join(' ; ');
}

/**
 * How long a network trained: its epochs (what a classical model's fit time compares with; the run also loads
 * and evaluates), or its whole run when no epoch was stored.
 */
function trainingMs(run: MeasuredRun): number | null {
  if (run.epochs.length === 0) return run.durationMs;
  return run.epochs.reduce((sum, epoch) => sum + epoch.durationMs, 0);
}

/** The medium strength of the challenge's Gaussian noise, quoted by the comparison table. */
const NOISE_STRENGTH = PERTURBATION_STRENGTHS.noise[1];

/** One fact of one run; numbers stay numbers (accuracies 0 to 1), the page formats them. */
export function factOf(run: MeasuredRun, fact: TMeasuredFact): string | number | null {
  const { spec, classical, evaluation, fitMs } = parsed(run);
  const training = spec?.training;
  const sizes = training ?? classical;
  const split = sizes ? splitSizes(sizes.trainSize, sizes.validationSplit) : null;
  const lastEpoch = run.epochs.at(-1);
  switch (fact) {
    case 'backend':
      return run.backend;
    case 'device':
      return run.device;
    case 'dataset': {
      const dataset = (spec ?? classical)?.dataset;
      return dataset ? DATASET_NAMES[dataset] : null;
    }
    case 'trainImages':
      return split?.train ?? null;
    case 'validationImages':
      return split?.validation ?? null;
    case 'testImages':
      return evaluation ? evaluation.confusionMatrix.flat().reduce((sum, n) => sum + n, 0) : null;
    case 'imageSize':
      return `${IMAGE_SIZE} × ${IMAGE_SIZE} pixels`;
    case 'layerCount': {
      const description = spec ? describeModel(spec.model) : null;
      return description?.ok ? description.layers.length : null;
    }
    case 'parameterCount':
      return run.parameterCount;
    case 'epochs':
      return run.epochs.length;
    case 'batchSize':
      return training?.batchSize ?? null;
    case 'optimizer':
      return training?.optimizer ?? null;
    case 'learningRate':
      return training?.learningRate ?? null;
    case 'trainAccuracy':
      return lastEpoch?.accuracy ?? null;
    case 'validationAccuracy':
      return lastEpoch?.valAccuracy ?? null;
    case 'testAccuracy':
      return run.testAccuracy;
    case 'trainingSeconds': {
      const ms = run.kind === 'CLASSICAL' ? fitMs : trainingMs(run);
      return ms === null ? null : Math.round(ms / 100) / 10;
    }
    case 'correctSamples': {
      if (!evaluation) return null;
      const right = evaluation.samples.filter((s) => s.label === s.prediction).length;
      return `${right} / ${evaluation.samples.length}`;
    }
    case 'drawings':
      return drawingsSummary(run.drawings);
    case 'noisyAccuracy':
      return (
        evaluation?.robustness?.sets.find((set) => set.kind === 'noise' && set.strength === NOISE_STRENGTH)
          ?.accuracy ?? null
      );
    case 'frequentMistakes':
      return mistakesText(evaluation);
  }
}

function layerText(layer: TLayer): string {
  switch (layer.type) {
    case 'dense':
      return `Dense ${layer.units} (${layer.activation})`;
    case 'conv2d':
      return `Conv2D ${layer.filters} filtres ${layer.kernelSize}×${layer.kernelSize}`;
    case 'maxPooling2d':
      return `MaxPooling ${layer.poolSize}×${layer.poolSize}`;
    case 'flatten':
      return 'Flatten';
    case 'dropout':
      return `Dropout ${layer.rate}`;
  }
}

/** The settings a student may change between two runs, with their French names. */
const PARAMETERS: { label: string; value: (spec: TExperimentSpec) => string | number }[] = [
  { label: 'jeu de données', value: (s) => DATASET_NAMES[s.dataset] },
  {
    label: 'architecture du modèle',
    value: (s) => s.model.layers.map(layerText).join(' → ') || 'aucune couche cachée',
  },
  { label: "nombre d'époques", value: (s) => s.training.epochs },
  { label: 'taille de batch', value: (s) => s.training.batchSize },
  { label: 'optimiseur', value: (s) => s.training.optimizer },
  { label: "taux d'apprentissage", value: (s) => s.training.learningRate },
  { label: "taille du jeu d'entraînement", value: (s) => s.training.trainSize },
  { label: 'part de validation', value: (s) => s.training.validationSplit },
  {
    label: 'augmentation des données',
    value: ({ training: { augmentation: a } }) =>
      a && (a.shift > 0 || a.rotation > 0) ? `décalage ${a.shift} px, rotation ${a.rotation}°` : 'aucune',
  },
  { label: 'graine', value: (s) => s.training.seed ?? 'aléatoire' },
];

/**
 * What changed from one run's spec to the other's: one parameter → its name and both values; several →
 * their names and both values joined; none → "aucun paramètre modifié".
 */
export function specDiff(
  before: TExperimentSpec,
  after: TExperimentSpec,
): { parameter: string; oldValue: string | number | null; newValue: string | number | null } {
  const changed = PARAMETERS.map((p) => ({
    label: p.label,
    old: p.value(before),
    new: p.value(after),
  })).filter((p) => p.old !== p.new);
  if (changed.length === 0) return { parameter: 'aucun paramètre modifié', oldValue: null, newValue: null };
  const [only] = changed;
  if (changed.length === 1 && only) return { parameter: only.label, oldValue: only.old, newValue: only.new };
  return {
    parameter: `plusieurs paramètres : ${changed.map((p) => p.label).join(', ')}`,
    oldValue: changed.map((p) => `${p.label} ${p.old}`).join(' ; '),
    newValue: changed.map((p) => `${p.label} ${p.new}`).join(' ; '),
  };
}

/** The run ids an answer cites, for the fields that cite runs. */
export function citedRuns(field: TField, answer: TAnswers[string] | undefined): string[] {
  if (answer === undefined) return [];
  switch (field.kind) {
    case 'run':
    case 'runs':
      return Array.isArray(answer) ? answer : [];
    case 'experiment':
      return typeof answer === 'object' && !Array.isArray(answer)
        ? [answer.before, answer.after].filter((id): id is string => typeof id === 'string')
        : [];
    default:
      return [];
  }
}

/**
 * The template's measured values for this student: `measured` fields and measured table cells from the
 * run the template's first `run` field names (a table column may name another `run` field); for each documented experiment, what changed between its two
 * runs and their test accuracies. A value whose run is not chosen (or not among `runs`) is null.
 */
export function measuredFacts(
  template: TTemplate,
  answers: TAnswers,
  runs: ReadonlyMap<string, MeasuredRun>,
): Record<string, TMeasuredValue> {
  const fields = templateFields(template);
  /** The run a `run` field cites. */
  const runOf = (fieldId: string | undefined) => {
    const field = fields.find((f) => f.id === fieldId && f.kind === 'run');
    const id = field ? citedRuns(field, answers[field.id])[0] : undefined;
    return id ? runs.get(id) : undefined;
  };
  const mainRun = runOf(fields.find((field) => field.kind === 'run')?.id);
  const measure = (run: MeasuredRun | undefined, value: (run: MeasuredRun) => string | number | null) =>
    run ? { value: value(run), source: runSource(run) } : NOTHING;

  const measured: Record<string, TMeasuredValue> = {};
  for (const field of fields) {
    if (field.kind === 'measured') {
      measured[field.id] = measure(mainRun, (run) => factOf(run, field.fact));
    } else if (field.kind === 'table') {
      const columnRuns = new Map(
        field.columns.map((column) => [column.id, column.run === undefined ? mainRun : runOf(column.run)]),
      );
      for (const row of field.rows) {
        for (const [column, fact] of Object.entries(row.measured ?? {})) {
          measured[`${field.id}.${row.id}.${column}`] = measure(columnRuns.get(column), (run) =>
            factOf(run, fact),
          );
        }
      }
    } else if (field.kind === 'experiment') {
      const answer = answers[field.id];
      const ids = typeof answer === 'object' && !Array.isArray(answer) ? answer : {};
      const before = ids.before ? runs.get(ids.before) : undefined;
      const after = ids.after ? runs.get(ids.after) : undefined;
      const beforeSpec = before && parsed(before).spec;
      const afterSpec = after && parsed(after).spec;
      const diff = beforeSpec && afterSpec ? specDiff(beforeSpec, afterSpec) : null;
      const source = before && after ? `${runSource(before)} → ${runSource(after)}` : null;
      measured[`${field.id}.parameter`] = { value: diff?.parameter ?? null, source };
      measured[`${field.id}.oldValue`] = { value: diff?.oldValue ?? null, source };
      measured[`${field.id}.newValue`] = { value: diff?.newValue ?? null, source };
      measured[`${field.id}.beforeAccuracy`] = measure(before, (run) => run.testAccuracy);
      measured[`${field.id}.afterAccuracy`] = measure(after, (run) => run.testAccuracy);
    }
  }
  return measured;
}
