// Options of a random forest, their defaults (scikit-learn's RandomForestClassifier where it has
// one), and the class weights they imply.

import type { TreeOptions } from './train-tree.ts';

export interface ForestOptions {
  /** Number of trees (default 100). */
  trees?: number;
  /** Seed of all randomness (default 0); the same seed gives the same forest. */
  seed?: number;
  /** Features drawn at each split: a count, or 'sqrt' (default) or 'all'. */
  maxFeatures?: number | 'sqrt' | 'all';
  /** Deepest level a node may be split at (default: unlimited). */
  maxDepth?: number;
  /** Fewest bootstrap samples per leaf (default 1). */
  minSamplesLeaf?: number;
  /**
   * Weights of class 0 and 1; 'balanced' is nRows / (2 * class count), as in scikit-learn. With a
   * bootstrap, rows are drawn in proportion to their class weight (as scikit-learn >= 1.8 does);
   * without one, the weights scale the Gini criterion and the leaf values.
   */
  classWeight?: 'balanced' | readonly [number, number];
  /** Bootstrap each tree's rows (default true). */
  bootstrap?: boolean;
  /** Finite bins per feature (default 255). */
  maxBins?: number;
}

/** Options with every default filled in, as stored in a trained forest. */
export interface ResolvedForestOptions extends TreeOptions {
  readonly trees: number;
  readonly seed: number;
  readonly classWeight: readonly [number, number];
  readonly maxBins: number;
}

/** Fills in defaults and checks ranges; class weights come from the labels when 'balanced'. */
export function resolveForestOptions(
  options: ForestOptions,
  nFeatures: number,
  labels: Uint8Array,
): ResolvedForestOptions {
  const trees = options.trees ?? 100;
  if (!Number.isInteger(trees) || trees < 1)
    throw new Error(`forest: trees must be a positive integer (got ${trees})`);
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed)) throw new Error(`forest: seed must be an integer (got ${seed})`);
  const mf = options.maxFeatures ?? 'sqrt';
  let maxFeatures: number;
  if (mf === 'sqrt') maxFeatures = Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  else if (mf === 'all') maxFeatures = nFeatures;
  else if (Number.isInteger(mf) && mf >= 1) maxFeatures = Math.min(mf, nFeatures);
  else
    throw new Error(`forest: maxFeatures must be a positive integer, 'sqrt' or 'all' (got ${mf})`);
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  if (!(maxDepth >= 0)) throw new Error(`forest: maxDepth must be >= 0 (got ${maxDepth})`);
  const minSamplesLeaf = options.minSamplesLeaf ?? 1;
  if (!Number.isInteger(minSamplesLeaf) || minSamplesLeaf < 1) {
    throw new Error(`forest: minSamplesLeaf must be a positive integer (got ${minSamplesLeaf})`);
  }
  return {
    trees,
    seed,
    maxFeatures,
    maxDepth,
    minSamplesLeaf,
    bootstrap: options.bootstrap ?? true,
    classWeight: classWeights(options.classWeight, labels),
    maxBins: options.maxBins ?? 255,
  };
}

function classWeights(
  option: ForestOptions['classWeight'],
  labels: Uint8Array,
): readonly [number, number] {
  if (option === undefined) return [1, 1];
  if (option === 'balanced') {
    let positives = 0;
    for (let i = 0; i < labels.length; i++) positives += labels[i]!;
    const negatives = labels.length - positives;
    return [
      negatives === 0 ? 1 : labels.length / (2 * negatives),
      positives === 0 ? 1 : labels.length / (2 * positives),
    ];
  }
  const [a, b] = option;
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
    throw new Error(`forest: class weights must be positive and finite (got ${a}, ${b})`);
  }
  return [a, b];
}

/** Checks that labels are 0/1, one per row, and returns them as bytes. */
export function checkLabels(labels: ArrayLike<number>, nRows: number): Uint8Array {
  if (labels.length !== nRows) {
    throw new Error(`forest: ${labels.length} labels for ${nRows} rows`);
  }
  const out = new Uint8Array(nRows);
  for (let i = 0; i < nRows; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new Error(`forest: label ${i} is ${y}, expected 0 or 1`);
    out[i] = y;
  }
  return out;
}
