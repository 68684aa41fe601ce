// Prediction on small integer codes instead of doubles. Per feature, the distinct split thresholds
// of all trees are sorted; a value's code is the number of them strictly below it, so for any
// threshold t of rank k, `value <= t` holds exactly when `code <= k`. NaN gets the code just above
// every value's, so it never goes left by the comparison and only goes left where missingLeft is 1.
// Histogram training keeps at most 255 distinct thresholds per feature, so codes fit in a byte.

import { DistinctFloats } from './distinct-floats.ts';
import type { Forest } from './train-forest.ts';
import type { Tree } from './tree.ts';

// Per-node fields of a coded tree: NODE_STRIDE Int32 slots per node.
const NODE_STRIDE = 5;
// Slots: feature, threshold rank, NaN code when missing values go left (else -1), then the left and
// right children as slot offsets. A leaf is its own left child (its rank is above every code), so
// stepping from a leaf stays there: rows in lockstep need no per-row exit.
const FEATURE = 0;
const RANK = 1;
const NAN_LEFT = 2;
const LEFT = 3;
const RIGHT = 4;
const LEAF_RANK = 0x7fffffff;

/** A forest's trees over threshold ranks, with what it takes to encode a matrix for them. */
export interface CodedForest {
  /** Per feature, the sorted distinct non-NaN thresholds. */
  readonly thresholds: readonly Float64Array[];
  /** Per feature, the code of NaN (one above the largest code of any other value). */
  readonly nanCodes: Int32Array;
  /** The largest NaN code: codes fit a Uint8Array up to 255, a Uint16Array up to 65535. */
  readonly maxCode: number;
  /** Per tree, NODE_STRIDE Int32 slots per node. */
  readonly nodes: readonly Int32Array[];
}

const cache = new WeakMap<Forest, { trees: readonly Tree[]; coded: CodedForest }>();

/** The coded form of a forest (20 bytes per node), built once per forest: trees are immutable. */
export function codedForest(forest: Forest): CodedForest {
  const hit = cachedCodedForest(forest);
  if (hit !== undefined) return hit;
  const coded = buildCodedForest(forest);
  cache.set(forest, { trees: forest.trees, coded });
  return coded;
}

/** The coded form of a forest if an earlier prediction built it, else undefined. */
export function cachedCodedForest(forest: Forest): CodedForest | undefined {
  const hit = cache.get(forest);
  return hit !== undefined && hit.trees === forest.trees ? hit.coded : undefined;
}

function buildCodedForest(forest: Forest): CodedForest {
  const sets = Array.from({ length: forest.nFeatures }, () => new DistinctFloats());
  // First the threshold slot holds the threshold's number in its feature's set, then its rank.
  const nodes = forest.trees.map((tree) => codeTree(tree, sets));
  const thresholds: Float64Array[] = [];
  const ranks = sets.map((set) => {
    const sorted = set.values.slice(0, set.size).sort();
    thresholds.push(sorted);
    return Int32Array.from(set.values.subarray(0, set.size), (v) => codeOf(sorted, v));
  });
  const nanCodes = Int32Array.from(thresholds, (t) =>
    // No value exceeds a +Infinity threshold, so the top code then goes unused by values.
    t.length > 0 && t[t.length - 1] === Number.POSITIVE_INFINITY ? t.length : t.length + 1,
  );
  let maxCode = 0;
  for (const code of nanCodes) maxCode = Math.max(maxCode, code);
  for (const tree of nodes) {
    for (let at = 0; at < tree.length; at += NODE_STRIDE) {
      const f = tree[at + FEATURE]!;
      const id = tree[at + RANK]!;
      if (id >= 0 && id !== LEAF_RANK) tree[at + RANK] = ranks[f]![id]!;
      if (tree[at + NAN_LEFT] === 1) tree[at + NAN_LEFT] = nanCodes[f]!;
    }
  }
  return { thresholds, nanCodes, maxCode, nodes };
}

/** A tree's nodes with each threshold's number in `sets` and the missingLeft flag (or -1). */
function codeTree(tree: Tree, sets: readonly DistinctFloats[]): Int32Array {
  const { nodeCount, feature, threshold, left, right, missingLeft } = tree;
  const nodes = new Int32Array(nodeCount * NODE_STRIDE);
  for (let i = 0; i < nodeCount; i++) {
    const at = i * NODE_STRIDE;
    const f = feature[i]!;
    if (f < 0) {
      nodes[at + RANK] = LEAF_RANK;
      nodes[at + NAN_LEFT] = -1;
      nodes[at + LEFT] = at;
      nodes[at + RIGHT] = at;
      continue;
    }
    nodes[at + FEATURE] = f;
    const t = threshold[i]!;
    // Nothing compares <= NaN: rank -1 sends every value right.
    nodes[at + RANK] = Number.isNaN(t) ? -1 : sets[f]!.intern(t);
    nodes[at + NAN_LEFT] = missingLeft[i] === 1 ? 1 : -1;
    nodes[at + LEFT] = left[i]! * NODE_STRIDE;
    nodes[at + RIGHT] = right[i]! * NODE_STRIDE;
  }
  return nodes;
}

/** The number of thresholds strictly below a non-NaN value. */
function codeOf(thresholds: Float64Array, value: number): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (thresholds[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Rows encoded per block, feature by feature: the block's doubles (40 features: 160 KB) stay in cache.
const ENCODE_BLOCK = 512;

/** The codes of a row-major matrix, row-major: bytes when every code fits, else 16-bit. */
export function encodeMatrix(
  coded: CodedForest,
  values: Float64Array,
  nFeatures: number,
): Uint8Array | Uint16Array {
  if (coded.maxCode > 0xff) {
    const out = new Uint16Array(values.length);
    const { thresholds, nanCodes } = coded;
    for (let i = 0; i < values.length; i++) {
      const f = i % nFeatures;
      const v = values[i]!;
      out[i] = Number.isNaN(v) ? nanCodes[f]! : codeOf(thresholds[f]!, v);
    }
    return out;
  }
  // Byte codes. Per feature its thresholds padded with +Infinity to 2^k - 1 slots, searched in k
  // fixed steps; a block of rows at a time, feature by feature, so the step count is predictable.
  const { thresholds, nanCodes } = coded;
  const nRows = values.length / nFeatures;
  const out = new Uint8Array(values.length);
  const tables = thresholds.map((t) => {
    let top = 1;
    while (top <= t.length) top *= 2;
    const table = new Float64Array(top).fill(Number.POSITIVE_INFINITY);
    table.set(t);
    return table;
  });
  for (let start = 0; start < nRows; start += ENCODE_BLOCK) {
    const end = Math.min(nRows, start + ENCODE_BLOCK);
    for (let f = 0; f < nFeatures; f++) {
      const table = tables[f]!;
      const nan = nanCodes[f]!;
      for (let i = start * nFeatures + f; i < end * nFeatures; i += nFeatures) {
        const v = values[i]!;
        let lo = 0;
        for (let step = table.length >>> 1; step > 0; step >>>= 1) {
          lo += step * Number(table[lo + step - 1]! < v);
        }
        out[i] = Number.isNaN(v) ? nan : lo;
      }
    }
  }
  return out;
}

/** Adds each coded tree's leaf value for every row of `codes` to `out`, in row order. */
export function addTreeValues(
  nodes: Int32Array,
  value: Float64Array,
  codes: Uint8Array | Uint16Array,
  nFeatures: number,
  out: Float64Array,
): void {
  const nRows = out.length;
  let r = 0;
  // Two rows at a time: their independent walks overlap in the CPU's memory pipeline.
  for (; r + 1 < nRows; r += 2) {
    const base0 = r * nFeatures;
    const base1 = base0 + nFeatures;
    let at0 = 0;
    let at1 = 0;
    for (;;) {
      const next0 = step(nodes, at0, codes[base0 + nodes[at0]!]!);
      const next1 = step(nodes, at1, codes[base1 + nodes[at1]!]!);
      if (next0 === at0 && next1 === at1) break;
      at0 = next0;
      at1 = next1;
    }
    out[r]! += value[at0 / NODE_STRIDE]!;
    out[r + 1]! += value[at1 / NODE_STRIDE]!;
  }
  if (r < nRows) {
    const base = r * nFeatures;
    let at = 0;
    for (let next = 0; ; at = next) {
      next = step(nodes, at, codes[base + nodes[at]!]!);
      if (next === at) break;
    }
    out[r]! += value[at / NODE_STRIDE]!;
  }
}

/** The node a row with code `c` for the node's feature moves to (a leaf: itself). */
function step(nodes: Int32Array, at: number, c: number): number {
  return c <= nodes[at + RANK]! || c === nodes[at + NAN_LEFT]!
    ? nodes[at + LEFT]!
    : nodes[at + RIGHT]!;
}
