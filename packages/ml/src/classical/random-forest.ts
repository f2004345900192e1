import { NUM_CLASSES as CLASSES } from '@dlclass/contracts';
import { seededRandom } from '../mnist';

// A module constant: the imported binding is a getter in CommonJS, too slow for the inner loops.
const NUM_CLASSES = CLASSES;

/**
 * Byte features, one row per sample: `values[i * width + f]` is feature f of sample i, 0-255 (raw pixels, or
 * zone densities scaled to a byte). Splits then need no sorting: a node's class counts per value (256 bins)
 * give every threshold at once.
 */
export interface TByteFeatures {
  values: Uint8Array;
  count: number;
  width: number;
}

export interface TRandomForestOptions {
  trees: number;
  /** Features tried per split; default √width, as scikit-learn's `max_features="sqrt"`. */
  maxFeatures?: number;
  seed: number;
}

/** One fitted tree in flat arrays; node 0 is the root, a leaf has feature -1. */
interface Tree {
  feature: Int32Array;
  /** A sample goes left when its feature's value is at most the threshold. */
  threshold: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Class probabilities of each leaf (NUM_CLASSES per node; zeros for split nodes). */
  probabilities: Float32Array;
}

/** Below this many samples a node sorts its values; above it, it counts them in 256 bins. */
const SORT_BELOW = 128;

/**
 * A random forest classifier as scikit-learn builds it by default: bootstrap samples, Gini impurity, √width
 * features drawn per split (more only while every one drawn was constant in the node), thresholds halfway
 * between two values, trees grown until their leaves are pure; the prediction averages the leaves' classes.
 */
export class RandomForest {
  private constructor(
    private readonly trees: Tree[],
    readonly width: number,
  ) {}

  static train(features: TByteFeatures, labels: Uint8Array, options: TRandomForestOptions): RandomForest {
    const { count, width } = features;
    if (labels.length !== count) throw new Error(`${count} samples but ${labels.length} labels`);
    if (count === 0) throw new Error('no sample to fit');
    const columns = byColumn(features);
    const maxFeatures = Math.max(1, Math.min(width, options.maxFeatures ?? Math.floor(Math.sqrt(width))));
    const random = seededRandom(options.seed);
    const trees: Tree[] = [];
    for (let t = 0; t < options.trees; t++) {
      // the bootstrap sample as weights: how many times each sample was drawn (scikit-learn does the same)
      const weights = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        const drawn = Math.floor(random() * count);
        weights[drawn] = (weights[drawn] as number) + 1;
      }
      trees.push(growTree({ columns, count, labels, weights }, width, maxFeatures, random));
    }
    return new RandomForest(trees, width);
  }

  /** Class probabilities, NUM_CLASSES per sample: the mean of the trees' leaves. */
  predictProbabilities(features: TByteFeatures): Float32Array {
    if (features.width !== this.width)
      throw new Error(`expected ${this.width} features, got ${features.width}`);
    const { values, count, width } = features;
    const out = new Float32Array(count * NUM_CLASSES);
    for (const tree of this.trees) {
      for (let i = 0; i < count; i++) {
        const row = i * width;
        let node = 0;
        let f = tree.feature[0] as number;
        while (f >= 0) {
          node =
            (values[row + f] as number) <= (tree.threshold[node] as number)
              ? (tree.left[node] as number)
              : (tree.right[node] as number);
          f = tree.feature[node] as number;
        }
        const from = node * NUM_CLASSES;
        const to = i * NUM_CLASSES;
        for (let k = 0; k < NUM_CLASSES; k++)
          out[to + k] =
            (out[to + k] as number) + (tree.probabilities[from + k] as number) / this.trees.length;
      }
    }
    return out;
  }
}

/** The features column by column, so that a split reads one feature's values close together. */
function byColumn({ values, count, width }: TByteFeatures): Uint8Array {
  const columns = new Uint8Array(count * width);
  for (let i = 0; i < count; i++) {
    const row = i * width;
    for (let f = 0; f < width; f++) columns[f * count + i] = values[row + f] as number;
  }
  return columns;
}

/** Growable flat arrays of a tree being built. */
class TreeBuilder {
  private size = 0;
  private feature = new Int32Array(256);
  private threshold = new Uint8Array(256);
  private left = new Int32Array(256);
  private right = new Int32Array(256);
  private probabilities = new Float32Array(256 * NUM_CLASSES);

  add(): number {
    if (this.size === this.feature.length) {
      const grow = <T extends Int32Array | Uint8Array | Float32Array>(a: T, make: (n: number) => T): T => {
        const bigger = make(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.feature = grow(this.feature, (n) => new Int32Array(n));
      this.threshold = grow(this.threshold, (n) => new Uint8Array(n));
      this.left = grow(this.left, (n) => new Int32Array(n));
      this.right = grow(this.right, (n) => new Int32Array(n));
      this.probabilities = grow(this.probabilities, (n) => new Float32Array(n));
    }
    return this.size++;
  }

  split(node: number, feature: number, threshold: number, left: number, right: number): void {
    this.feature[node] = feature;
    this.threshold[node] = threshold;
    this.left[node] = left;
    this.right[node] = right;
  }

  leaf(node: number, counts: Float64Array, total: number): void {
    this.feature[node] = -1;
    for (let k = 0; k < NUM_CLASSES; k++)
      this.probabilities[node * NUM_CLASSES + k] = (counts[k] as number) / total;
  }

  build(): Tree {
    const n = this.size;
    return {
      feature: this.feature.slice(0, n),
      threshold: this.threshold.slice(0, n),
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      probabilities: this.probabilities.slice(0, n * NUM_CLASSES),
    };
  }
}

/** The best split of one node on one feature: its score (higher is better) and threshold. */
interface Split {
  score: number;
  threshold: number;
}

/** The training data of one tree: features by column, labels, bootstrap weights. */
interface TreeData {
  columns: Uint8Array;
  count: number;
  labels: Uint8Array;
  weights: Float64Array;
}

/** The node being split: its samples are `samples[start, end)`, with these weighted class counts. */
interface NodeSamples {
  samples: Int32Array;
  start: number;
  end: number;
  counts: Float64Array;
  total: number;
}

function growTree(data: TreeData, width: number, maxFeatures: number, random: () => number): Tree {
  const { columns, count, labels, weights } = data;
  const builder = new TreeBuilder();
  const order = new Int32Array(width);
  for (let f = 0; f < width; f++) order[f] = f;
  const drawnSamples: number[] = [];
  for (let i = 0; i < count; i++) if ((weights[i] as number) > 0) drawnSamples.push(i);
  const samples = Int32Array.from(drawnSamples);
  const histogram = new Float64Array(256 * NUM_CLASSES);
  const sorted = new Uint16Array(SORT_BELOW);
  const counts = new Float64Array(NUM_CLASSES);
  const stack: [node: number, start: number, end: number][] = [[builder.add(), 0, samples.length]];

  while (stack.length > 0) {
    const [node, start, end] = stack.pop() as [number, number, number];
    counts.fill(0);
    let total = 0;
    for (let i = start; i < end; i++) {
      const sample = samples[i] as number;
      const label = labels[sample] as number;
      const weight = weights[sample] as number;
      counts[label] = (counts[label] as number) + weight;
      total += weight;
    }
    // as scikit-learn's min_samples_split=2: two distinct samples at least
    if (end - start < 2 || isPure(counts, total)) {
      builder.leaf(node, counts, total);
      continue;
    }
    const at: NodeSamples = { samples, start, end, counts, total };
    // maxFeatures features drawn one at a time (a partial Fisher-Yates shuffle), constant ones included, and
    // more only while none drawn varies in this node: scikit-learn's rule
    let best: Split | undefined;
    let bestFeature = -1;
    let drawn = 0;
    for (let o = 0; o < width && (drawn < maxFeatures || !best); o++) {
      const pick = o + Math.floor(random() * (width - o));
      const f = order[pick] as number;
      order[pick] = order[o] as number;
      order[o] = f;
      drawn++;
      const split =
        end - start < SORT_BELOW
          ? bestSplitSorted(data, f * count, at, sorted)
          : bestSplitCounted(data, f * count, at, histogram);
      if (split && (!best || split.score > best.score)) {
        best = split;
        bestFeature = f;
      }
    }
    if (!best) {
      builder.leaf(node, counts, total);
      continue;
    }
    // partition the node's samples: value <= threshold first
    const column = bestFeature * count;
    let middle = start;
    for (let i = start; i < end; i++) {
      const sample = samples[i] as number;
      if ((columns[column + sample] as number) <= best.threshold) {
        samples[i] = samples[middle] as number;
        samples[middle++] = sample;
      }
    }
    const left = builder.add();
    const right = builder.add();
    builder.split(node, bestFeature, best.threshold, left, right);
    stack.push([right, middle, end], [left, start, middle]);
  }
  return builder.build();
}

function isPure(counts: Float64Array, total: number): boolean {
  for (let k = 0; k < NUM_CLASSES; k++) if (counts[k] === total) return true;
  return false;
}

/**
 * Σ left² / nLeft + Σ right² / nRight (weighted counts): the larger, the lower the weighted Gini impurity
 * of the two children (impurity × n = n − Σ counts² / n on each side).
 */
function giniScore(left: Float64Array, leftTotal: number, node: NodeSamples): number {
  let sumLeft = 0;
  let sumRight = 0;
  for (let k = 0; k < NUM_CLASSES; k++) {
    const l = left[k] as number;
    const r = (node.counts[k] as number) - l;
    sumLeft += l * l;
    sumRight += r * r;
  }
  return sumLeft / leftTotal + sumRight / (node.total - leftTotal);
}

const leftCounts = new Float64Array(NUM_CLASSES);

/** Large nodes: weighted class counts per value, then every threshold in one pass; undefined when constant. */
function bestSplitCounted(
  { columns, labels, weights }: TreeData,
  column: number,
  node: NodeSamples,
  histogram: Float64Array,
): Split | undefined {
  const { samples, start, end } = node;
  let low = 255;
  let high = 0;
  for (let i = start; i < end; i++) {
    const sample = samples[i] as number;
    const value = columns[column + sample] as number;
    if (value < low) low = value;
    if (value > high) high = value;
    const bin = value * NUM_CLASSES + (labels[sample] as number);
    histogram[bin] = (histogram[bin] as number) + (weights[sample] as number);
  }
  if (low === high) {
    histogram.fill(0, low * NUM_CLASSES, (low + 1) * NUM_CLASSES);
    return undefined;
  }
  leftCounts.fill(0);
  let leftTotal = 0;
  let best: Split | undefined;
  let previous = -1;
  for (let value = low; value <= high; value++) {
    const bin = value * NUM_CLASSES;
    let inBin = 0;
    for (let k = 0; k < NUM_CLASSES; k++) inBin += histogram[bin + k] as number;
    if (inBin === 0) continue;
    // the split between the previous value present and this one: the left side holds up to `previous`
    if (previous >= 0) {
      const score = giniScore(leftCounts, leftTotal, node);
      if (!best || score > best.score) best = { score, threshold: (previous + value) >> 1 };
    }
    for (let k = 0; k < NUM_CLASSES; k++)
      leftCounts[k] = (leftCounts[k] as number) + (histogram[bin + k] as number);
    leftTotal += inBin;
    previous = value;
  }
  histogram.fill(0, low * NUM_CLASSES, (high + 1) * NUM_CLASSES);
  return best;
}

/** Small nodes: (value, position) pairs sorted, then every threshold between two distinct values. */
function bestSplitSorted(
  { columns, labels, weights }: TreeData,
  column: number,
  node: NodeSamples,
  sorted: Uint16Array,
): Split | undefined {
  const { samples, start, end } = node;
  const size = end - start;
  const pairs = sorted.subarray(0, size);
  const first = columns[column + (samples[start] as number)] as number;
  let constant = true;
  for (let i = 0; i < size; i++) {
    const value = columns[column + (samples[start + i] as number)] as number;
    if (value !== first) constant = false;
    pairs[i] = (value << 7) | i; // i < SORT_BELOW = 128
  }
  // most features of a small node are constant (the blank border of every digit): no sort for them
  if (constant) return undefined;
  pairs.sort();
  leftCounts.fill(0);
  let leftTotal = 0;
  let best: Split | undefined;
  for (let i = 0; i < size - 1; i++) {
    const pair = pairs[i] as number;
    const sample = samples[start + (pair & 127)] as number;
    const label = labels[sample] as number;
    const weight = weights[sample] as number;
    leftCounts[label] = (leftCounts[label] as number) + weight;
    leftTotal += weight;
    const value = pair >> 7;
    const next = (pairs[i + 1] as number) >> 7;
    if (next === value) continue;
    const score = giniScore(leftCounts, leftTotal, node);
    // halfway between the two values, as scikit-learn: for whole byte values, "at most the midpoint's floor"
    if (!best || score > best.score) best = { score, threshold: (value + next) >> 1 };
  }
  return best;
}
