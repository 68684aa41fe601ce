// Mean decrease in impurity (Gini importance), as scikit-learn's feature_importances_: each
// tree's weighted impurity decreases per feature, normalized to sum 1, averaged over trees.

import type { Forest } from './train-forest.ts';

/** Gini importance of every feature (sums to 1 unless no tree ever split). */
export function featureImportance(forest: Forest): Float64Array {
  const out = new Float64Array(forest.nFeatures);
  let counted = 0;
  for (const tree of forest.trees) {
    let sum = 0;
    for (const v of tree.importance) sum += v;
    if (sum === 0) continue;
    for (let f = 0; f < out.length; f++) out[f]! += tree.importance[f]! / sum;
    counted++;
  }
  if (counted > 0) for (let f = 0; f < out.length; f++) out[f]! /= counted;
  return out;
}
