// Forest prediction: the mean over trees of each leaf's share of positives, as scikit-learn's
// RandomForestClassifier.predict_proba averages its trees.

import { checkMatrix, type FeatureMatrix } from './feature-matrix.ts';
import type { Forest } from './train-forest.ts';
import { predictTreeRow } from './tree.ts';

/** Predicted probability of the positive class for every row of a row-major matrix. */
export function predictProba(forest: Forest, matrix: FeatureMatrix): Float64Array {
  checkMatrix(matrix, 'forest');
  const { values, nRows, nFeatures } = matrix;
  if (nFeatures !== forest.nFeatures) {
    throw new Error(`forest: model has ${forest.nFeatures} features, matrix has ${nFeatures}`);
  }
  const out = new Float64Array(nRows);
  // Tree-major order keeps one tree's arrays hot in cache across all rows.
  for (const tree of forest.trees) {
    for (let r = 0; r < nRows; r++) out[r]! += predictTreeRow(tree, values, r * nFeatures);
  }
  const scale = 1 / forest.trees.length;
  for (let r = 0; r < nRows; r++) out[r]! *= scale;
  return out;
}

/** 0/1 decisions: 1 where the probability is at least the threshold (default 0.5). */
export function classify(probabilities: ArrayLike<number>, threshold = 0.5): Uint8Array {
  const out = new Uint8Array(probabilities.length);
  for (let i = 0; i < out.length; i++) out[i] = probabilities[i]! >= threshold ? 1 : 0;
  return out;
}
