// Prediction on small integer codes instead of doubles. Per feature, the distinct split thresholds
// of all trees are sorted; a value's code is the number of them strictly below it, so for any
// threshold t of rank k, `value <= t` holds exactly when `code <= k`. NaN gets the code just above
// every value's, so it never goes left by the comparison and only goes left where missingLeft is 1.
// Histogram training keeps at most 255 distinct thresholds per feature, so codes fit in a byte.

import { DistinctFloats } from './distinct-floats.ts';
import type { Forest } from './train-forest.ts';
import type { Tree } from './tree.ts';

// Per-node fields of a coded tree: NODE_STRIDE Int32 slots per node, every tree of the forest in one
// array (shared memory, so worker threads predict on it without a copy).
const NODE_STRIDE = 5;
// Slots: feature, threshold rank, NaN code when missing values go left (else -1), then the left and
// right children as slot offsets into the forest's array. A leaf is its own left child (its rank is
// above every code), so stepping from a leaf stays there: rows in lockstep need no per-row exit; a
// leaf never reads its NaN-code and right slots, which hold the two halves of its value's float64.
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
  /** Every tree's nodes, NODE_STRIDE Int32 slots each (on a SharedArrayBuffer). */
  readonly nodes: Int32Array;
  /** Per tree, the slot offset of its root in `nodes`. */
  readonly roots: Int32Array;
}

const cache = new WeakMap<Forest, { trees: readonly Tree[]; coded: CodedForest }>();

/** The coded form of a forest (20 bytes per node, leaf values in), built once per forest: trees are immutable. */
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
  const roots = new Int32Array(forest.trees.length);
  let slots = 0;
  forest.trees.forEach((tree, t) => {
    roots[t] = slots;
    slots += tree.nodeCount * NODE_STRIDE;
  });
  const nodes = new Int32Array(new SharedArrayBuffer(slots * Int32Array.BYTES_PER_ELEMENT));
  // First the threshold slot holds the threshold's number in its feature's set, then its rank.
  forest.trees.forEach((tree, t) => {
    codeTree(tree, sets, nodes, roots[t]!);
  });
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
  forest.trees.forEach((tree, t) => {
    for (let i = 0, at = roots[t]!; i < tree.nodeCount; i++, at += NODE_STRIDE) {
      const f = nodes[at + FEATURE]!;
      const id = nodes[at + RANK]!;
      if (id === LEAF_RANK) {
        float[0] = tree.value[i]!;
        nodes[at + NAN_LEFT] = halves[0]!;
        nodes[at + RIGHT] = halves[1]!;
        continue;
      }
      if (id >= 0) nodes[at + RANK] = ranks[f]![id]!;
      if (nodes[at + NAN_LEFT] === 1) nodes[at + NAN_LEFT] = nanCodes[f]!;
    }
  });
  return { thresholds, nanCodes, maxCode, nodes, roots };
}

// A float64 and its two 32-bit halves (a leaf's value in its node slots).
const float = new Float64Array(1);
const halves = new Int32Array(float.buffer);

/** The value of the leaf at slot offset `at`. */
function leafValue(nodes: Int32Array, at: number): number {
  halves[0] = nodes[at + NAN_LEFT]!;
  halves[1] = nodes[at + RIGHT]!;
  return float[0]!;
}

/** Writes a tree's nodes at slot `base` of `nodes`, with each threshold's number in `sets` and the missingLeft flag (or -1). */
function codeTree(
  tree: Tree,
  sets: readonly DistinctFloats[],
  nodes: Int32Array,
  base: number,
): void {
  const { nodeCount, feature, threshold, left, right, missingLeft } = tree;
  for (let i = 0; i < nodeCount; i++) {
    const at = base + i * NODE_STRIDE;
    const f = feature[i]!;
    if (f < 0) {
      nodes[at + RANK] = LEAF_RANK;
      nodes[at + LEFT] = at;
      continue;
    }
    nodes[at + FEATURE] = f;
    const t = threshold[i]!;
    // Nothing compares <= NaN: rank -1 sends every value right.
    nodes[at + RANK] = Number.isNaN(t) ? -1 : sets[f]!.intern(t);
    nodes[at + NAN_LEFT] = missingLeft[i] === 1 ? 1 : -1;
    nodes[at + LEFT] = base + left[i]! * NODE_STRIDE;
    nodes[at + RIGHT] = base + right[i]! * NODE_STRIDE;
  }
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

/**
 * The codes of a row-major matrix, row-major: bytes when every code fits, else 16-bit; on a
 * SharedArrayBuffer when `shared` (for worker threads).
 */
export function encodeMatrix(
  coded: CodedForest,
  values: Float64Array,
  nFeatures: number,
  shared = false,
): Uint8Array | Uint16Array {
  const Buffer = shared ? SharedArrayBuffer : ArrayBuffer;
  if (coded.maxCode > 0xff) {
    const out = new Uint16Array(new Buffer(values.length * 2));
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
  const out = new Uint8Array(new Buffer(values.length));
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

/**
 * Adds every tree's leaf value, in tree order, to out[r] for each row r in [start, end) of
 * `codes`; each row's sum is then the same on any split of the rows.
 */
export function addForestValues(
  coded: Pick<CodedForest, 'nodes' | 'roots'>,
  codes: Uint8Array | Uint16Array,
  nFeatures: number,
  out: Float64Array,
  start = 0,
  end = out.length,
): void {
  for (const root of coded.roots)
    addTreeValues(coded.nodes, root, codes, nFeatures, out, start, end);
}

function addTreeValues(
  nodes: Int32Array,
  root: number,
  codes: Uint8Array | Uint16Array,
  nFeatures: number,
  out: Float64Array,
  start: number,
  end: number,
): void {
  let r = start;
  // Two rows at a time: their independent walks overlap in the CPU's memory pipeline.
  for (; r + 1 < end; r += 2) {
    const base0 = r * nFeatures;
    const base1 = base0 + nFeatures;
    let at0 = root;
    let at1 = root;
    for (;;) {
      const next0 = step(nodes, at0, codes[base0 + nodes[at0]!]!);
      const next1 = step(nodes, at1, codes[base1 + nodes[at1]!]!);
      if (next0 === at0 && next1 === at1) break;
      at0 = next0;
      at1 = next1;
    }
    out[r]! += leafValue(nodes, at0);
    out[r + 1]! += leafValue(nodes, at1);
  }
  if (r < end) {
    const base = r * nFeatures;
    let at = root;
    for (let next = root; ; at = next) {
      next = step(nodes, at, codes[base + nodes[at]!]!);
      if (next === at) break;
    }
    out[r]! += leafValue(nodes, at);
  }
}

/** The node a row with code `c` for the node's feature moves to (a leaf: itself). */
function step(nodes: Int32Array, at: number, c: number): number {
  return c <= nodes[at + RANK]! || c === nodes[at + NAN_LEFT]!
    ? nodes[at + LEFT]!
    : nodes[at + RIGHT]!;
}
