// A forest as JSON-safe data: every tree's typed arrays as base64 of their little-endian bytes
// (about 4/3 of the binary size), plus the options that grew it. Format 2 added missingLeft;
// format 1 forests (missing values always right) still load.

import { decodeBase64, encodeBase64 } from './base64.ts';
import type { ResolvedForestOptions } from './forest-options.ts';
import type { Forest } from './train-forest.ts';
import type { Tree } from './tree.ts';

/** The serialized form of a forest: plain JSON values only. */
export interface SerializedForest {
  readonly format: 'graphlet-forest/2';
  readonly nFeatures: number;
  readonly options: Omit<ResolvedForestOptions, 'maxDepth'> & { readonly maxDepth: number | null };
  readonly trees: readonly SerializedTree[];
}

export interface SerializedTree {
  readonly nodeCount: number;
  readonly feature: string;
  readonly threshold: string;
  readonly left: string;
  readonly right: string;
  /** Absent in format 1. */
  readonly missingLeft?: string;
  readonly value: string;
  readonly importance: string;
}

// Typed arrays use the platform's byte order; every platform Node and browsers run on is
// little-endian, which this format assumes.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Converts a forest into JSON-safe data (`JSON.stringify` it to store it). */
export function serializeForest(forest: Forest): SerializedForest {
  if (!LITTLE_ENDIAN) throw new Error('forest: serialization needs a little-endian platform');
  const { maxDepth, ...rest } = forest.options;
  return {
    format: 'graphlet-forest/2',
    nFeatures: forest.nFeatures,
    // JSON has no Infinity: an unlimited depth is null.
    options: { ...rest, maxDepth: Number.isFinite(maxDepth) ? maxDepth : null },
    trees: forest.trees.map((tree) => ({
      nodeCount: tree.nodeCount,
      feature: bytesOf(tree.feature),
      threshold: bytesOf(tree.threshold),
      left: bytesOf(tree.left),
      right: bytesOf(tree.right),
      missingLeft: bytesOf(tree.missingLeft),
      value: bytesOf(tree.value),
      importance: bytesOf(tree.importance),
    })),
  };
}

/** Rebuilds a forest from `serializeForest` output, checking every array's length. */
export function deserializeForest(data: SerializedForest): Forest {
  if (!LITTLE_ENDIAN) throw new Error('forest: serialization needs a little-endian platform');
  const format: string = data?.format;
  if (format !== 'graphlet-forest/2' && format !== 'graphlet-forest/1') {
    throw new Error(`forest: unknown serialized format ${String(format)}`);
  }
  if (format === 'graphlet-forest/2' && data.trees.some((t) => t.missingLeft === undefined)) {
    throw new Error('forest: format 2 trees need missingLeft');
  }
  const { maxDepth, ...rest } = data.options;
  const trees = data.trees.map((t, i): Tree => {
    const n = t.nodeCount;
    const tree: Tree = {
      nodeCount: n,
      feature: new Int32Array(toBuffer(t.feature, n * 4, i)),
      threshold: new Float64Array(toBuffer(t.threshold, n * 8, i)),
      left: new Int32Array(toBuffer(t.left, n * 4, i)),
      right: new Int32Array(toBuffer(t.right, n * 4, i)),
      missingLeft:
        t.missingLeft === undefined
          ? new Uint8Array(n)
          : new Uint8Array(toBuffer(t.missingLeft, n, i)),
      value: new Float64Array(toBuffer(t.value, n * 8, i)),
      importance: new Float64Array(toBuffer(t.importance, data.nFeatures * 8, i)),
    };
    checkTree(tree, data.nFeatures, i);
    return tree;
  });
  return {
    nFeatures: data.nFeatures,
    options: { ...rest, maxDepth: maxDepth ?? Number.POSITIVE_INFINITY },
    trees,
  };
}

function bytesOf(array: Int32Array | Float64Array | Uint8Array): string {
  return encodeBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

function toBuffer(text: string, bytes: number, tree: number): ArrayBuffer {
  const decoded = decodeBase64(text);
  if (decoded.length !== bytes) {
    throw new Error(
      `forest: tree ${tree} has an array of ${decoded.length} bytes, expected ${bytes}`,
    );
  }
  return decoded.buffer as ArrayBuffer;
}

/** Children must point forward to real nodes, so prediction always ends at a leaf. */
export function checkTree(tree: Tree, nFeatures: number, index: number): void {
  for (let i = 0; i < tree.nodeCount; i++) {
    const f = tree.feature[i]!;
    if (f === -1) continue;
    const l = tree.left[i]!;
    const r = tree.right[i]!;
    if (f < 0 || f >= nFeatures || l <= i || r <= i || l >= tree.nodeCount || r >= tree.nodeCount) {
      throw new Error(`forest: tree ${index} node ${i} is malformed`);
    }
  }
}
