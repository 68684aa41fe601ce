// Forest prediction: the mean over trees of each leaf's share of positives, as scikit-learn's
// RandomForestClassifier.predict_proba averages its trees.

import { checkMatrix, type FeatureMatrix } from './feature-matrix.ts';
import {
  addForestValues,
  cachedCodedForest,
  codedForest,
  encodeMatrix,
} from './threshold-codes.ts';
import type { Forest } from './train-forest.ts';
import { predictTreeRow } from './tree.ts';

/**
 * Rows from which coding the forest (one pass over every node) pays for itself; smaller batches,
 * such as scoring one graphlet, compare doubles unless an earlier call already coded the forest.
 */
const CODE_MIN_ROWS = 1024;

/** Predicted probability of the positive class for every row of a row-major matrix. */
export function predictProba(forest: Forest, matrix: FeatureMatrix): Float64Array {
  checkMatrix(matrix, 'forest');
  const { values, nRows, nFeatures } = matrix;
  if (nFeatures !== forest.nFeatures) {
    throw new Error(`forest: model has ${forest.nFeatures} features, matrix has ${nFeatures}`);
  }
  const out = new Float64Array(nRows);
  const coded = nRows >= CODE_MIN_ROWS ? codedForest(forest) : cachedCodedForest(forest);
  if (coded !== undefined && coded.maxCode <= 0xffff) {
    // Tree-major over all rows; each row adds its trees' values in tree order, as before.
    addForestValues(coded, encodeMatrix(coded, values, nFeatures), nFeatures, out);
  } else {
    // A small batch, or too many distinct thresholds for 16-bit codes: compare doubles.
    for (const tree of forest.trees) {
      for (let r = 0; r < nRows; r++) out[r]! += predictTreeRow(tree, values, r * nFeatures);
    }
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
