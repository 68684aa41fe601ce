// A random forest (Breiman 2001) of histogram-split trees: the table is binned once, then each
// tree is grown from a seed derived from (forest seed, tree index) alone, so trees can be trained
// in any order or on any thread and the forest stays the same.

import { type BinnedFeatures, binFeatures } from './bin-features.ts';
import { matrixShape, type TrainingMatrix } from './feature-matrix.ts';
import {
  checkLabels,
  type ForestOptions,
  type ResolvedForestOptions,
  resolveForestOptions,
} from './forest-options.ts';
import { treeSeed } from './random.ts';
import { trainTree } from './train-tree.ts';
import type { Tree } from './tree.ts';

/** A trained forest: its trees and the options that grew them. */
export interface Forest {
  readonly nFeatures: number;
  readonly options: ResolvedForestOptions;
  readonly trees: readonly Tree[];
}

/**
 * Trains a seeded random forest on a row-major or column matrix and 0/1 labels.
 * @example
 * const forest = trainForest({ values, nRows, nFeatures }, pushed, { trees: 100, seed: 1, classWeight: 'balanced' });
 * const p = predictProba(forest, { values: testValues, nRows: nTest, nFeatures });
 */
export function trainForest(
  matrix: TrainingMatrix,
  labels: ArrayLike<number>,
  options: ForestOptions = {},
): Forest {
  const { nRows, nFeatures } = matrixShape(matrix);
  const y = checkLabels(labels, nRows);
  const resolved = resolveForestOptions(options, nFeatures, y);
  if (nRows === 0) throw new Error('forest: cannot train on zero rows');
  const binned = binFeatures(matrix, { maxBins: resolved.maxBins });
  const trees: Tree[] = [];
  for (let t = 0; t < resolved.trees; t++) trees.push(trainForestTree(binned, y, resolved, t));
  return { nFeatures, options: resolved, trees };
}

/** Grows tree `index` of a forest on already binned data (what worker threads call). */
export function trainForestTree(
  binned: BinnedFeatures,
  labels: Uint8Array,
  options: ResolvedForestOptions,
  index: number,
): Tree {
  return trainTree(
    { binned, labels, classWeight: options.classWeight },
    options,
    treeSeed(options.seed, index),
  );
}
