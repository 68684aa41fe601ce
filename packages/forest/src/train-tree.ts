// Grows one CART classification tree (Gini impurity) on binned features, as a random forest does:
// a bootstrap of the rows, and at every split a fresh random subset of the features. Per node and
// sampled feature one pass over the node's rows builds a class-count histogram over bins, then a
// scan over the bins finds the best threshold. Rows are partitioned in place in one Int32Array.
// The histogram subtraction trick is not used: with per-split feature sampling the children draw
// other features than their parent, so it would need histograms of all features at every node.

import { type BinnedFeatures, nanBin } from './bin-features.ts';
import { type Random, randomBelow, splitmix32 } from './random.ts';
import type { Tree } from './tree.ts';

/** What a tree is grown on: binned features, 0/1 labels and the weight of each class. */
export interface TreeTrainingSet {
  readonly binned: BinnedFeatures;
  readonly labels: Uint8Array;
  /** Weights of class 0 and class 1 (1 and 1 unless classes are balanced). */
  readonly classWeight: readonly [number, number];
}

export interface TreeOptions {
  /** Features drawn at each split (at least 1). */
  readonly maxFeatures: number;
  /** Deepest level a node may be split at; Infinity for no limit. */
  readonly maxDepth: number;
  /** Fewest bootstrap samples a leaf may hold. */
  readonly minSamplesLeaf: number;
  /** Draw a bootstrap sample of the rows (true) or use each row once (false). */
  readonly bootstrap: boolean;
}

const INITIAL_NODES = 1024;
/** Numbers per pending node on the stack: start, end, depth, parent, side, c0, c1. */
const ENTRY = 7;

/** Grows one tree; the same set, options and seed give the same tree. */
export function trainTree(set: TreeTrainingSet, options: TreeOptions, seed: number): Tree {
  const { binned, labels } = set;
  const { nRows, nFeatures, bins, edges } = binned;
  // With a bootstrap the class weights decide how often each class is drawn (scikit-learn >= 1.8
  // does the same), and the tree then counts draws; without one they weigh the Gini criterion.
  const [w0, w1] = options.bootstrap ? [1, 1] : set.classWeight;
  const random = splitmix32(seed);
  const minLeaf = Math.max(1, options.minSamplesLeaf);
  const mtry = Math.min(nFeatures, Math.max(1, options.maxFeatures));

  // packed[r] = bootstrap count * 2 + label: one memory read per row in the histogram loop.
  const packed = new Int32Array(nRows);
  if (options.bootstrap) {
    drawBootstrap(packed, labels, set.classWeight, random);
  } else {
    packed.fill(2);
  }
  let nUsed = 0;
  let rootC0 = 0;
  let rootC1 = 0;
  for (let r = 0; r < nRows; r++) {
    const p = packed[r]!;
    if (p === 0) continue;
    packed[r] = p | labels[r]!;
    nUsed++;
    if (labels[r] === 1) rootC1 += p >> 1;
    else rootC0 += p >> 1;
  }
  // Rows of a node stay in ascending order (stable partition), so histogram reads of a column
  // move forward through memory.
  const rows = new Int32Array(nUsed);
  for (let r = 0, k = 0; r < nRows; r++) if (packed[r] !== 0) rows[k++] = r;
  const scratch = new Int32Array(nUsed);

  const nBins = new Int32Array(nFeatures);
  let maxBins = 0;
  for (let f = 0; f < nFeatures; f++) {
    nBins[f] = nanBin(edges[f]!) + 1;
    maxBins = Math.max(maxBins, nBins[f]!);
  }
  const hist = new Int32Array(2 * maxBins);
  const touched = new Int32Array(maxBins);
  const featureOrder = Int32Array.from({ length: nFeatures }, (_, f) => f);
  const importance = new Float64Array(nFeatures);

  let capacity = INITIAL_NODES;
  let feature = new Int32Array(capacity);
  let threshold = new Float64Array(capacity);
  let left = new Int32Array(capacity);
  let right = new Int32Array(capacity);
  let missingLeft = new Uint8Array(capacity);
  let value = new Float64Array(capacity);
  let nodeCount = 0;

  // Explicit stack of pending nodes (no recursion: a degenerate tree can be very deep).
  // Each entry: start, end, depth, parent (-1 for the root), side (0 left, 1 right), c0, c1.
  // A typed stack (grown by doubling): cheaper than pushing seven numbers onto an array.
  let stack = new Int32Array(16 * ENTRY);
  stack.set([0, nUsed, 0, -1, 0, rootC0, rootC1]);
  let top = ENTRY;
  // Features known to be constant in each pending node, one nFeatures-byte slot per stack entry
  // (LIFO: entry k owns slot k). A feature constant in a node is constant below it, so, as in
  // scikit-learn, it is never histogrammed again there: deep nodes of one-hot features skip most.
  let known = new Uint8Array(16 * nFeatures);
  const constant = new Uint8Array(nFeatures);
  while (top > 0) {
    top -= ENTRY;
    const start = stack[top]!;
    const end = stack[top + 1]!;
    const depth = stack[top + 2]!;
    const parent = stack[top + 3]!;
    const side = stack[top + 4]!;
    const c0 = stack[top + 5]!;
    const c1 = stack[top + 6]!;
    const slot = (top / ENTRY) * nFeatures;
    constant.set(known.subarray(slot, slot + nFeatures));
    if (nodeCount === capacity) {
      capacity *= 2;
      feature = grow(feature, capacity);
      threshold = grow(threshold, capacity);
      left = grow(left, capacity);
      right = grow(right, capacity);
      missingLeft = grow(missingLeft, capacity);
      value = grow(value, capacity);
    }
    const node = nodeCount++;
    if (parent >= 0) (side === 0 ? left : right)[parent] = node;
    const weighted0 = w0 * c0;
    const weighted1 = w1 * c1;
    value[node] = weighted1 / (weighted0 + weighted1);
    feature[node] = -1;
    if (depth >= options.maxDepth || c0 === 0 || c1 === 0 || c0 + c1 < 2 * minLeaf) continue;

    // Split search. Score = sum over children of (w0c0^2 + w1c1^2) / (w0c0 + w1c1); maximizing it
    // minimizes the weighted Gini impurity of the children.
    const parentScore = (weighted0 * weighted0 + weighted1 * weighted1) / (weighted0 + weighted1);
    let bestScore = parentScore + 1e-12 * (weighted0 + weighted1);
    let bestFeature = -1;
    let bestBin = 0;
    let bestL0 = 0;
    let bestL1 = 0;
    let bestMissingLeft = false;
    const total = c0 + c1;
    // Draw features without replacement until mtry of them vary within the node (as scikit-learn:
    // constant features do not count against max_features).
    let varying = 0;
    for (let k = 0; k < nFeatures && varying < mtry; k++) {
      const pick = k + randomBelow(random, nFeatures - k);
      const f = featureOrder[pick]!;
      featureOrder[pick] = featureOrder[k]!;
      featureOrder[k] = f;
      if (constant[f] === 1) continue;
      const nb = nBins[f]!;
      const column = f * nRows;
      // hist is all zeros here. A node with fewer rows than bins notes the bins it touches, so the
      // scan below visits only those (sorted) instead of every bin: most nodes of a fully grown
      // tree hold a handful of rows.
      const few = end - start < nb >> 1;
      let nTouched = 0;
      if (few) {
        for (let i = start; i < end; i++) {
          const r = rows[i]!;
          const p = packed[r]!;
          const k = 2 * bins[column + r]!;
          if (hist[k] === 0 && hist[k + 1] === 0) touched[nTouched++] = k >> 1;
          hist[k + (p & 1)]! += p >> 1;
        }
        sortSmall(touched, nTouched);
      } else {
        for (let i = start; i < end; i++) {
          const r = rows[i]!;
          const p = packed[r]!;
          hist[2 * bins[column + r]! + (p & 1)]! += p >> 1;
        }
      }
      const nan0 = hist[2 * (nb - 1)]!;
      const nan1 = hist[2 * (nb - 1) + 1]!;
      const hasNan = nan0 + nan1 > 0;
      let occupied = hasNan ? 1 : 0;
      let l0 = 0;
      let l1 = 0;
      const scanned = few ? nTouched : nb - 1;
      for (let j = 0; j < scanned; j++) {
        const b = few ? touched[j]! : j;
        if (b === nb - 1) break; // the NaN bin sorts last
        const h0 = hist[2 * b]!;
        const h1 = hist[2 * b + 1]!;
        if (h0 + h1 === 0) continue;
        occupied++;
        l0 += h0;
        l1 += h1;
        // Each threshold twice: missing values right, then (if any) left.
        for (let side = 0; side < (hasNan ? 2 : 1); side++) {
          const m0 = side === 0 ? l0 : l0 + nan0;
          const m1 = side === 0 ? l1 : l1 + nan1;
          const nLeft = m0 + m1;
          if (nLeft < minLeaf || total - nLeft < minLeaf) continue;
          const a0 = w0 * m0;
          const a1 = w1 * m1;
          const b0 = weighted0 - a0;
          const b1 = weighted1 - a1;
          const score = (a0 * a0 + a1 * a1) / (a0 + a1) + (b0 * b0 + b1 * b1) / (b0 + b1);
          if (score > bestScore) {
            bestScore = score;
            bestFeature = f;
            bestBin = b;
            bestL0 = m0;
            bestL1 = m1;
            bestMissingLeft = side === 1;
          }
        }
      }
      if (few) {
        for (let j = 0; j < nTouched; j++) {
          const k = 2 * touched[j]!;
          hist[k] = 0;
          hist[k + 1] = 0;
        }
      } else hist.fill(0, 0, 2 * nb);
      // Constant within the node: one occupied bin (NaN counts as one).
      if (occupied <= 1) constant[f] = 1;
      else varying++;
    }
    if (bestFeature < 0) continue;

    const missingBin = bestMissingLeft ? nBins[bestFeature]! - 1 : -1;
    const split = partition(
      rows,
      scratch,
      start,
      end,
      bins,
      bestFeature * nRows,
      bestBin,
      missingBin,
    );
    const featureEdges = edges[bestFeature]!;
    feature[node] = bestFeature;
    missingLeft[node] = bestMissingLeft ? 1 : 0;
    // The last finite bin as threshold separates finite values from NaN.
    threshold[node] =
      bestBin < featureEdges.length ? featureEdges[bestBin]! : Number.POSITIVE_INFINITY;
    importance[bestFeature]! += bestScore - parentScore;
    // Push right first so the left child is built next (node + 1).
    const childSlot = (top / ENTRY) * nFeatures;
    if (childSlot + 2 * nFeatures > known.length) known = grow(known, 2 * known.length);
    known.set(constant, childSlot);
    known.set(constant, childSlot + nFeatures);
    if (top + 2 * ENTRY > stack.length) stack = grow(stack, 2 * stack.length);
    pushEntry(stack, top, split, end, depth + 1, node, 1, c0 - bestL0, c1 - bestL1);
    pushEntry(stack, top + ENTRY, start, split, depth + 1, node, 0, bestL0, bestL1);
    top += 2 * ENTRY;
  }
  return {
    nodeCount,
    feature: feature.slice(0, nodeCount),
    threshold: threshold.slice(0, nodeCount),
    left: left.slice(0, nodeCount),
    right: right.slice(0, nodeCount),
    missingLeft: missingLeft.slice(0, nodeCount),
    value: value.slice(0, nodeCount),
    importance,
  };
}

/** Adds 2 to packed[r] per draw of row r: nRows draws, each row weighted by its class weight. */
function drawBootstrap(
  packed: Int32Array,
  labels: Uint8Array,
  [w0, w1]: readonly [number, number],
  random: Random,
): void {
  const n = labels.length;
  let n1 = 0;
  for (let r = 0; r < n; r++) n1 += labels[r]!;
  const n0 = n - n1;
  if (w0 === w1 || n0 === 0 || n1 === 0) {
    for (let i = 0; i < n; i++) packed[randomBelow(random, n)]! += 2;
    return;
  }
  // Pick the class first (probability of class 1 = its share of the total weight), then a row of it.
  const byClass = [new Int32Array(n0), new Int32Array(n1)] as const;
  for (let r = 0, k0 = 0, k1 = 0; r < n; r++) {
    if (labels[r] === 1) byClass[1][k1++] = r;
    else byClass[0][k0++] = r;
  }
  const p1 = (w1 * n1) / (w0 * n0 + w1 * n1);
  const [rows0, rows1] = byClass;
  // Two branches on fixed arrays rather than a pick of one of two: the same draws, fewer ticks.
  for (let i = 0; i < n; i++) {
    if (random() / 4294967296 < p1) packed[rows1[randomBelow(random, n1)]!]! += 2;
    else packed[rows0[randomBelow(random, n0)]!]! += 2;
  }
}

/** Writes one pending node at stack[at, at + ENTRY). */
function pushEntry(
  stack: Int32Array,
  at: number,
  start: number,
  end: number,
  depth: number,
  parent: number,
  side: number,
  c0: number,
  c1: number,
): void {
  stack[at] = start;
  stack[at + 1] = end;
  stack[at + 2] = depth;
  stack[at + 3] = parent;
  stack[at + 4] = side;
  stack[at + 5] = c0;
  stack[at + 6] = c1;
}

/** Insertion sort of a[0, n): n is below half the bin count. */
function sortSmall(a: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Stable in-place partition of rows[start, end): left when bin <= splitBin or bin === missingBin. */
function partition(
  rows: Int32Array,
  scratch: Int32Array,
  start: number,
  end: number,
  bins: Uint8Array,
  column: number,
  splitBin: number,
  missingBin: number,
): number {
  let l = start;
  let s = 0;
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const b = bins[column + r]!;
    if (b <= splitBin || b === missingBin) rows[l++] = r;
    else scratch[s++] = r;
  }
  rows.set(scratch.subarray(0, s), l);
  return l;
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}
