// A trained decision tree as flat typed arrays: node i is a leaf when feature[i] === -1, else rows
// with value <= threshold[i] go to left[i] and the others to right[i]; a missing value (NaN) goes
// left when missingLeft[i] is 1 (the side learned in training, as scikit-learn does).

/** One decision tree; `value[i]` is the (class-weighted) share of positives at node i. */
export interface Tree {
  readonly nodeCount: number;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly missingLeft: Uint8Array;
  readonly value: Float64Array;
  /** Total weighted Gini decrease of the splits on each feature (for feature importance). */
  readonly importance: Float64Array;
}

/** One of a tree's typed arrays. */
export type TreeArray = Int32Array | Float64Array | Uint8Array;

/** The typed arrays of a tree in one fixed order (for byte serialization and worker transfer). */
export function treeArrays(tree: Tree): TreeArray[] {
  return [
    tree.feature,
    tree.threshold,
    tree.left,
    tree.right,
    tree.missingLeft,
    tree.value,
    tree.importance,
  ];
}

/** Probability of the positive class for one row (`values[offset + f]` is feature f). */
export function predictTreeRow(tree: Tree, values: Float64Array, offset: number): number {
  const { feature, threshold, left, right, missingLeft, value } = tree;
  let node = 0;
  let f = feature[0]!;
  while (f >= 0) {
    const v = values[offset + f]!;
    node =
      v <= threshold[node]! || (missingLeft[node] === 1 && Number.isNaN(v))
        ? left[node]!
        : right[node]!;
    f = feature[node]!;
  }
  return value[node]!;
}
