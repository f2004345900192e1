import {
  type TActivation,
  type TExperimentSpec,
  type TExperimentSummary,
  ZActivation,
  ZOptimizer,
} from '@dlclass/contracts';

/** A finished network run as the wall shows it: its accuracy is known. */
export type WallRun = TExperimentSummary & { testAccuracy: number };

/** The runs the wall plots: the network runs that succeeded with a test accuracy. */
export function finishedRuns(runs: readonly TExperimentSummary[]): WallRun[] {
  return runs.filter((run): run is WallRun => run.status === 'succeeded' && run.testAccuracy !== null);
}

/** The layers that learn (dense and convolution): the "hidden layers" a student counts. */
function weightedLayers(spec: TExperimentSpec) {
  return spec.model.layers.filter((layer) => layer.type === 'dense' || layer.type === 'conv2d');
}

export function hiddenLayerCount(spec: TExperimentSpec): number {
  return weightedLayers(spec).length;
}

/** The activation most of the learning layers use ('none' for a model without hidden layer). */
export function mainActivation(spec: TExperimentSpec): TActivation | 'none' {
  const counts = new Map<TActivation, number>();
  for (const layer of weightedLayers(spec))
    counts.set(layer.activation, (counts.get(layer.activation) ?? 0) + 1);
  let best: TActivation | 'none' = 'none';
  let bestCount = 0;
  for (const [activation, count] of counts) {
    if (count > bestCount) [best, bestCount] = [activation, count];
  }
  return best;
}

type NumericAxis = {
  key: 'epochs' | 'learningRate' | 'batchSize' | 'hiddenLayers' | 'parameterCount' | 'trainSize' | 'accuracy';
  type: 'linear' | 'log';
  value: (run: WallRun) => number;
};
type CategoryAxis = {
  key: 'optimizer' | 'activation';
  type: 'category';
  /** Every possible value, in the order the axis shows them. */
  categories: readonly string[];
  value: (run: WallRun) => string;
};
export type WallAxis = NumericAxis | CategoryAxis;
export type WallAxisKey = WallAxis['key'];

/** The hyper-parameters a student sets, as axes (derived from TExperimentSpec); steps of powers use log scales. */
export const HYPER_PARAMETER_AXES: readonly WallAxis[] = [
  { key: 'epochs', type: 'linear', value: (run) => run.spec.training.epochs },
  { key: 'learningRate', type: 'log', value: (run) => run.spec.training.learningRate },
  { key: 'batchSize', type: 'log', value: (run) => run.spec.training.batchSize },
  { key: 'hiddenLayers', type: 'linear', value: (run) => hiddenLayerCount(run.spec) },
  { key: 'parameterCount', type: 'log', value: (run) => Math.max(1, run.parameterCount) },
  { key: 'trainSize', type: 'log', value: (run) => run.spec.training.trainSize },
  {
    key: 'optimizer',
    type: 'category',
    categories: ZOptimizer.options,
    value: (run) => run.spec.training.optimizer,
  },
  {
    key: 'activation',
    type: 'category',
    categories: [...ZActivation.options, 'none'],
    value: (run) => mainActivation(run.spec),
  },
];

export const ACCURACY_AXIS: NumericAxis = {
  key: 'accuracy',
  type: 'linear',
  value: (run) => run.testAccuracy,
};

/** A tick of an axis: where it stands (0 bottom, 1 top) and the value it names. */
export type Tick = { at: number; value: number | string };

/** An axis fitted to the runs: position of a run in [0, 1], and the ticks to draw. */
export type Scale = { position: (run: WallRun) => number; ticks: Tick[] };

/** A few round values inside [min, max]: 1-2-5 steps on a linear axis, powers of ten (or two) on a log one. */
function numericTicks(axis: NumericAxis, min: number, max: number): number[] {
  if (min === max) return [min];
  if (axis.type === 'log') {
    const base = axis.key === 'batchSize' ? 2 : 10;
    const ticks: number[] = [];
    const first = Math.ceil(Math.log(min) / Math.log(base) - 1e-9);
    for (let e = first; base ** e <= max * (1 + 1e-9); e++) ticks.push(Number((base ** e).toPrecision(12)));
    return ticks.length >= 2 ? ticks : [min, max];
  }
  const raw = (max - min) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const step = (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
  const integer = axis.key !== 'accuracy';
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) {
    const rounded = Number(v.toPrecision(12));
    if (!integer || Number.isInteger(rounded)) ticks.push(rounded);
  }
  return ticks.length > 0 ? ticks : [min, max];
}

/**
 * Fits an axis to the runs. Numeric: from the smallest to the largest value (log scale where asked; one value
 * alone stands in the middle). Categories: the ones some run uses, evenly spaced in the axis's own order.
 */
export function scaleFor(axis: WallAxis, runs: readonly WallRun[]): Scale {
  if (axis.type === 'category') {
    const used = new Set(runs.map(axis.value));
    const shown = axis.categories.filter((c) => used.has(c));
    const at = (category: string) => (shown.indexOf(category) + 0.5) / Math.max(1, shown.length);
    return {
      position: (run) => at(axis.value(run)),
      ticks: shown.map((value) => ({ at: at(value), value })),
    };
  }
  const map = axis.type === 'log' ? Math.log : (v: number) => v;
  const values = runs.map(axis.value);
  const min = values.length > 0 ? Math.min(...values) : 0;
  const max = values.length > 0 ? Math.max(...values) : 1;
  const lo = map(min);
  const span = map(max) - lo;
  const at = (v: number) => (span > 0 ? (map(v) - lo) / span : 0.5);
  return {
    position: (run) => at(axis.value(run)),
    ticks: numericTicks(axis, min, max).map((value) => ({ at: at(value), value })),
  };
}

/**
 * A colour from red (the class's lowest accuracy) through amber to green (its highest), so the best runs stand
 * out on the projector whatever the class's range.
 */
export function accuracyColor(accuracy: number, min: number, max: number): string {
  const share = max > min ? (accuracy - min) / (max - min) : 1;
  const hue = Math.round(4 + share * 136);
  return `hsl(${hue} 70% 40%)`;
}

/** A run of the leaderboard with its rank; runs of equal accuracy share a rank (1, 2, 2, 4). */
export type RankedRun = { rank: number; run: WallRun };

/**
 * Best accuracy first; at equal accuracy the smaller model, then the faster one, then the earlier one is listed
 * first (and shares the rank). With `bestPerStudent`, only each student's best run is kept.
 */
export function rankRuns(runs: readonly WallRun[], bestPerStudent = false): RankedRun[] {
  const sorted = [...runs].sort(
    (a, b) =>
      b.testAccuracy - a.testAccuracy ||
      a.parameterCount - b.parameterCount ||
      (a.durationMs ?? Number.MAX_SAFE_INTEGER) - (b.durationMs ?? Number.MAX_SAFE_INTEGER) ||
      a.createdAt.localeCompare(b.createdAt),
  );
  const seen = new Set<string>();
  const kept = bestPerStudent
    ? sorted.filter((run) => {
        if (seen.has(run.userId)) return false;
        seen.add(run.userId);
        return true;
      })
    : sorted;
  const ranked: RankedRun[] = [];
  kept.forEach((run, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.run.testAccuracy === run.testAccuracy ? previous.rank : i + 1;
    ranked.push({ rank, run });
  });
  return ranked;
}

/**
 * A number per student for the projector ("Élève 3"): students are numbered in the order of their first run,
 * so a student keeps their number while the ranking moves and new students come after.
 */
export function studentNumbers(
  runs: readonly Pick<TExperimentSummary, 'userId' | 'createdAt'>[],
): Map<string, number> {
  const first = new Map<string, string>();
  for (const run of runs) {
    const known = first.get(run.userId);
    if (known === undefined || run.createdAt < known) first.set(run.userId, run.createdAt);
  }
  const order = [...first].sort(([a, at], [b, bt]) => at.localeCompare(bt) || a.localeCompare(b));
  return new Map(order.map(([userId], i) => [userId, i + 1]));
}

/** The projector view of a run (a classical one says so: it is read from its own route). */
export function projectorHref(run: { id: string; kind: 'network' | 'classical' }, hideNames = false): string {
  const query = new URLSearchParams({ run: run.id });
  if (run.kind === 'classical') query.set('type', 'classique');
  if (hideNames) query.set('anonyme', '1');
  return `/enseignant/projection?${query}`;
}

/** Keeps the ends of an axis off the frame of a chart: [0, 1] -> [0.06, 0.94]. */
export const inset = (at: number): number => 0.06 + 0.88 * at;
