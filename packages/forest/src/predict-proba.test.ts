import { describe, expect, it } from 'vitest';
import type { FeatureMatrix } from './feature-matrix.ts';
import { predictProba } from './predict-proba.ts';
import { splitmix32 } from './random.ts';
import { deserializeForest, serializeForest } from './serialize-forest.ts';
import { xorTable } from './testing-data.ts';
import { cachedCodedForest, codedForest } from './threshold-codes.ts';
import { type Forest, trainForest } from './train-forest.ts';
import { predictTreeRow, type Tree } from './tree.ts';

/** The plain evaluation: per row, each tree's leaf value in tree order, then the mean. */
function reference(forest: Forest, { values, nRows, nFeatures }: FeatureMatrix): Float64Array {
  const out = new Float64Array(nRows);
  for (let r = 0; r < nRows; r++) {
    for (const tree of forest.trees) out[r]! += predictTreeRow(tree, values, r * nFeatures);
  }
  for (let r = 0; r < nRows; r++) out[r]! *= 1 / forest.trees.length;
  return out;
}

/** A seeded table with 15% NaN, so training learns missingLeft 0 and 1 splits. */
function tableWithNaN(nRows: number, nFeatures: number, seed: number) {
  const { matrix, labels } = xorTable(nRows, nFeatures, seed, 0.1);
  const random = splitmix32(seed + 100);
  const values = matrix.values.slice();
  for (let i = 0; i < values.length; i++) {
    if (random() / 4294967296 < 0.15) values[i] = Number.NaN;
  }
  return { matrix: { ...matrix, values }, labels };
}

/** Rows probing every threshold exactly, beside it, beyond all thresholds, and NaN. */
function probeRows(forest: Forest): FeatureMatrix {
  const { nFeatures } = forest;
  const probes: number[][] = Array.from({ length: nFeatures }, () => [
    Number.NaN,
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    -1e300,
    1e300,
    0,
    -0,
  ]);
  for (const tree of forest.trees) {
    for (let i = 0; i < tree.nodeCount; i++) {
      const f = tree.feature[i]!;
      if (f < 0) continue;
      const t = tree.threshold[i]!;
      probes[f]!.push(t, t - 1e-9, t + 1e-9, t * (1 + Number.EPSILON), t * (1 - Number.EPSILON));
    }
  }
  const nRows = Math.max(...probes.map((p) => p.length));
  const values = new Float64Array(nRows * nFeatures);
  const random = splitmix32(9);
  for (let r = 0; r < nRows; r++) {
    for (let f = 0; f < nFeatures; f++) {
      // Each feature walks its probes in a different order so rows mix them.
      const p = probes[f]!;
      values[r * nFeatures + f] = p[(r + (random() % p.length)) % p.length]!;
    }
  }
  return { values, nRows, nFeatures };
}

function missingLeftCounts(forest: Forest): [number, number] {
  let left = 0;
  let right = 0;
  for (const tree of forest.trees) {
    for (let i = 0; i < tree.nodeCount; i++) {
      if (tree.feature[i]! < 0) continue;
      if (tree.missingLeft[i] === 1) left++;
      else right++;
    }
  }
  return [left, right];
}

describe('predictProba', () => {
  const { matrix, labels } = tableWithNaN(1500, 5, 4);
  const forest = trainForest(matrix, labels, { trees: 12, seed: 5 });

  it('trains splits that send missing values left and right', () => {
    const [left, right] = missingLeftCounts(forest);
    expect(left).toBeGreaterThan(0);
    expect(right).toBeGreaterThan(0);
  });

  it('equals per-row per-tree evaluation on training rows with NaN', () => {
    expect(predictProba(forest, matrix)).toEqual(reference(forest, matrix));
  });

  it('equals it on values at, beside and beyond every threshold and NaN', () => {
    const probes = probeRows(forest);
    codedForest(forest); // a batch of any size then takes the coded path
    expect(predictProba(forest, probes)).toEqual(reference(forest, probes));
  });

  it('scores one row without coding a fresh forest, with the same result', () => {
    const fresh = trainForest(matrix, labels, { trees: 3, seed: 6 });
    const row = { values: matrix.values.slice(0, 5), nRows: 1, nFeatures: 5 };
    expect(predictProba(fresh, row)).toEqual(reference(fresh, row));
    expect(cachedCodedForest(fresh)).toBeUndefined();
    codedForest(fresh);
    expect(predictProba(fresh, row)).toEqual(reference(fresh, row));
  });

  it('uses byte codes for a trained forest', () => {
    expect(codedForest(forest).maxCode).toBeLessThanOrEqual(255);
  });

  it('predicts identically after serialization, and again from the cache', () => {
    const back = deserializeForest(JSON.parse(JSON.stringify(serializeForest(forest))));
    const probes = probeRows(forest);
    codedForest(back);
    expect(predictProba(back, probes)).toEqual(reference(forest, probes));
    expect(predictProba(back, matrix)).toEqual(predictProba(forest, matrix));
    expect(predictProba(back, matrix)).toEqual(reference(forest, matrix));
  });

  it('handles hand-made trees: NaN and infinite thresholds, -0, many distinct thresholds', () => {
    const n = 600;
    // A chain of splits on feature 0 with 300 distinct thresholds (16-bit codes), then
    // NaN / +Infinity / -0 thresholds with both missing sides.
    const special = [Number.NaN, Number.POSITIVE_INFINITY, -0, 0];
    const nodeCount = 2 * n + 1;
    const feature = new Int32Array(nodeCount).fill(-1);
    const threshold = new Float64Array(nodeCount);
    const left = new Int32Array(nodeCount);
    const right = new Int32Array(nodeCount);
    const missingLeft = new Uint8Array(nodeCount);
    const value = Float64Array.from({ length: nodeCount }, (_, i) => (i * 0.37) % 1);
    for (let k = 0; k < n; k++) {
      const i = 2 * k;
      feature[i] = k % 2;
      threshold[i] = k < special.length ? special[k]! : (k - 300) / 7;
      missingLeft[i] = k % 3 === 0 ? 1 : 0;
      left[i] = i + 1;
      right[i] = i + 2;
    }
    const tree: Tree = {
      nodeCount,
      feature,
      threshold,
      left,
      right,
      missingLeft,
      value,
      importance: new Float64Array(2),
    };
    const handMade: Forest = { nFeatures: 2, options: forest.options, trees: [tree, tree] };
    expect(codedForest(handMade).maxCode).toBeGreaterThan(255);
    const probes = probeRows(handMade);
    expect(predictProba(handMade, probes)).toEqual(reference(handMade, probes));
  });
});
