// Small seeded data sets with a known signal, for this package's tests and the benchmark.

import type { FeatureMatrix } from './feature-matrix.ts';
import { splitmix32 } from './random.ts';

/** A seeded table of uniform [0, 1) features and its labels. */
export interface LabelledTable {
  readonly matrix: FeatureMatrix;
  readonly labels: Uint8Array;
}

/**
 * Rows of uniform noise features whose label is XOR of (x0 > 0.5) and (x1 > 0.5), flipped with
 * probability `noise`: learnable only through interactions, invisible to any single split.
 */
export function xorTable(nRows: number, nFeatures: number, seed: number, noise = 0): LabelledTable {
  const random = splitmix32(seed);
  const uniform = () => random() / 4294967296;
  const values = new Float64Array(nRows * nFeatures);
  const labels = new Uint8Array(nRows);
  for (let r = 0; r < nRows; r++) {
    for (let f = 0; f < nFeatures; f++) values[r * nFeatures + f] = uniform();
    const y = values[r * nFeatures]! > 0.5 !== values[r * nFeatures + 1]! > 0.5 ? 1 : 0;
    labels[r] = uniform() < noise ? 1 - y : y;
  }
  return { matrix: { values, nRows, nFeatures }, labels };
}
