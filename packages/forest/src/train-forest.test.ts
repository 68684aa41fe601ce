import { describe, expect, it } from 'vitest';
import { featureImportance } from './feature-importance.ts';
import type { FeatureMatrix } from './feature-matrix.ts';
import { balancedAccuracy, confusionMatrix } from './metrics.ts';
import { classify, predictProba } from './predict-proba.ts';
import { xorTable } from './testing-data.ts';
import { trainForest } from './train-forest.ts';

function split(table: ReturnType<typeof xorTable>, nTrain: number) {
  const { values, nRows, nFeatures } = table.matrix;
  const train: FeatureMatrix = {
    values: values.subarray(0, nTrain * nFeatures),
    nRows: nTrain,
    nFeatures,
  };
  const test: FeatureMatrix = {
    values: values.subarray(nTrain * nFeatures),
    nRows: nRows - nTrain,
    nFeatures,
  };
  return {
    train,
    test,
    trainLabels: table.labels.subarray(0, nTrain),
    testLabels: table.labels.subarray(nTrain),
  };
}

function heldOutAccuracy(probabilities: Float64Array, labels: Uint8Array): number {
  return balancedAccuracy(confusionMatrix(labels, classify(probabilities)));
}

describe('trainForest', () => {
  it('grows the same trees from a column matrix with a row subset as from the copied rows', () => {
    const { matrix, labels } = xorTable(900, 4, 3, 0.1);
    const rows = Int32Array.from({ length: 450 }, (_, i) => 2 * i + 1);
    const columns = Array.from({ length: 4 }, (_, f) =>
      Float64Array.from({ length: 900 }, (_, r) => matrix.values[r * 4 + f]!),
    );
    const copied: FeatureMatrix = {
      values: Float64Array.from({ length: 450 * 4 }, (_, k) => columns[k % 4]![rows[k >> 2]!]!),
      nRows: 450,
      nFeatures: 4,
    };
    const y = Uint8Array.from(rows, (r) => labels[r]!);
    const options = { trees: 5, seed: 2, classWeight: 'balanced' as const };
    expect(trainForest({ columns, rows }, y, options)).toEqual(trainForest(copied, y, options));
    expect(() => trainForest({ columns, rows: Int32Array.of(900) }, [1], options)).toThrow(
      /row 900 is outside/,
    );
  });

  it('learns XOR of two features among noise features (held out)', () => {
    const { train, test, trainLabels, testLabels } = split(xorTable(3000, 6, 1), 2000);
    const forest = trainForest(train, trainLabels, { trees: 30, seed: 7, maxFeatures: 'all' });
    expect(heldOutAccuracy(predictProba(forest, test), testLabels)).toBeGreaterThan(0.95);
    const importance = featureImportance(forest);
    expect(importance[0]! + importance[1]!).toBeGreaterThan(0.6);
  });

  it('learns a threshold on an imbalanced feature with balanced class weights', () => {
    const nRows = 4000;
    const nFeatures = 5;
    const { matrix } = xorTable(nRows, nFeatures, 3);
    // 15% positives: label = x2 > 0.85.
    const labels = Uint8Array.from({ length: nRows }, (_, r) =>
      matrix.values[r * nFeatures + 2]! > 0.85 ? 1 : 0,
    );
    const { train, test, trainLabels, testLabels } = split({ matrix, labels }, 3000);
    const forest = trainForest(train, trainLabels, { trees: 20, seed: 1, classWeight: 'balanced' });
    expect(heldOutAccuracy(predictProba(forest, test), testLabels)).toBeGreaterThan(0.95);
    expect(featureImportance(forest)[2]).toBeGreaterThan(0.5);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const { matrix, labels } = xorTable(500, 4, 5, 0.1);
    const a = predictProba(trainForest(matrix, labels, { trees: 5, seed: 42 }), matrix);
    const b = predictProba(trainForest(matrix, labels, { trees: 5, seed: 42 }), matrix);
    const c = predictProba(trainForest(matrix, labels, { trees: 5, seed: 43 }), matrix);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('respects maxDepth and minSamplesLeaf', () => {
    const { matrix, labels } = xorTable(800, 4, 9, 0.2);
    const stump = trainForest(matrix, labels, { trees: 3, maxDepth: 1 });
    for (const tree of stump.trees) expect(tree.nodeCount).toBeLessThanOrEqual(3);
    const coarse = trainForest(matrix, labels, { trees: 1, minSamplesLeaf: 100, bootstrap: false });
    const tree = coarse.trees[0]!;
    // Count training rows per leaf by routing every row.
    const perLeaf = new Map<number, number>();
    for (let r = 0; r < matrix.nRows; r++) {
      let node = 0;
      while (tree.feature[node] !== -1) {
        const v = matrix.values[r * matrix.nFeatures + tree.feature[node]!]!;
        node = v <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
      }
      perLeaf.set(node, (perLeaf.get(node) ?? 0) + 1);
    }
    expect(Math.min(...perLeaf.values())).toBeGreaterThanOrEqual(100);
  });

  it('fits the training data exactly without bootstrap when labels are a function of the features', () => {
    const { matrix, labels } = xorTable(300, 3, 11);
    const forest = trainForest(matrix, labels, { trees: 1, bootstrap: false, maxFeatures: 'all' });
    expect(Array.from(classify(predictProba(forest, matrix)))).toEqual(Array.from(labels));
  });

  it('balances classes: weighted draws with a bootstrap, weighted counts without', () => {
    const { matrix } = xorTable(2000, 2, 8);
    const labels = Uint8Array.from({ length: 2000 }, (_, r) => (r % 10 === 0 ? 1 : 0));
    const root = (options: Parameters<typeof trainForest>[2]) =>
      trainForest(matrix, labels, { trees: 20, maxDepth: 0, ...options }).trees.map(
        (t) => t.value[0]!,
      );
    for (const v of root({})) expect(Math.abs(v - 0.1)).toBeLessThan(0.03);
    for (const v of root({ classWeight: 'balanced' })) expect(Math.abs(v - 0.5)).toBeLessThan(0.05);
    for (const v of root({ classWeight: 'balanced', bootstrap: false }))
      expect(v).toBeCloseTo(0.5, 12);
    for (const v of root({ classWeight: [1, 3], bootstrap: false }))
      expect(v).toBeCloseTo(0.3 / 1.2, 12);
  });

  it('trains on a single class without failing', () => {
    const { matrix } = xorTable(50, 2, 1);
    const forest = trainForest(matrix, new Uint8Array(50), { trees: 3, classWeight: 'balanced' });
    expect(Array.from(predictProba(forest, matrix))).toEqual(new Array(50).fill(0));
  });

  it('learns which side missing values go to', () => {
    // Label 1 when x is missing or below 0.3: one split, if NaN may go left.
    const nRows = 400;
    const random = Array.from({ length: nRows }, (_, r) => ((r * 7919) % nRows) / nRows);
    const values = Float64Array.from(random, (v, r) => (r % 3 === 0 ? Number.NaN : v));
    const labels = Uint8Array.from(values, (v) => (Number.isNaN(v) || v < 0.3 ? 1 : 0));
    const matrix = { values, nRows, nFeatures: 1 };
    const stump = trainForest(matrix, labels, { trees: 1, maxDepth: 1, bootstrap: false });
    expect(stump.trees[0]!.missingLeft[0]).toBe(1);
    expect(Array.from(classify(predictProba(stump, matrix)))).toEqual(Array.from(labels));
    const unseen = { values: Float64Array.from([Number.NaN, 0.1, 0.9]), nRows: 3, nFeatures: 1 };
    expect(Array.from(predictProba(stump, unseen))).toEqual([1, 1, 0]);
  });

  it('rejects bad labels and options', () => {
    const { matrix } = xorTable(10, 2, 1);
    expect(() => trainForest(matrix, new Uint8Array(9))).toThrow(/forest: 9 labels for 10 rows/);
    expect(() => trainForest(matrix, new Array(10).fill(2))).toThrow(/forest: label 0 is 2/);
    expect(() => trainForest(matrix, new Uint8Array(10), { trees: 0 })).toThrow(/forest: trees/);
    expect(() => trainForest(matrix, new Uint8Array(10), { maxFeatures: 0 })).toThrow(
      /forest: maxFeatures/,
    );
  });
});
