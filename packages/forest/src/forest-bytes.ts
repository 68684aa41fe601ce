// A forest as one binary blob, for stores that keep large forests (fully grown trees on the
// paper's ~315,000 training rows take ~200 MB; base64 JSON would be a third larger and, for
// several variants, longer than a JavaScript string may be). Layout: a little-endian uint32
// length, that many bytes of UTF-8 JSON {format, nFeatures, options, nodeCounts}, padding to
// 8 bytes, then per tree its arrays in Tree order, each padded to 8 bytes.

import { checkTree, type SerializedForest, serializeForest } from './serialize-forest.ts';
import type { Forest } from './train-forest.ts';
import { type Tree, type TreeArray, treeArrays } from './tree.ts';

const FORMAT = 'graphlet-forest-bytes/1';

interface Header {
  readonly format: typeof FORMAT;
  readonly nFeatures: number;
  readonly options: SerializedForest['options'];
  readonly nodeCounts: readonly number[];
}

const pad8 = (n: number) => (n + 7) & ~7;

/**
 * The forest as bytes (about the size of its typed arrays).
 * @example db.prepare('INSERT INTO forests VALUES (?)').run(forestToBytes(forest));
 */
export function forestToBytes(forest: Forest): Uint8Array {
  const { trees: _trees, ...rest } = serializeForest({ ...forest, trees: [] });
  const header: Header = {
    format: FORMAT,
    nFeatures: rest.nFeatures,
    options: rest.options,
    nodeCounts: forest.trees.map((t) => t.nodeCount),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let size = pad8(4 + json.length);
  for (const tree of forest.trees) {
    for (const a of treeArrays(tree)) size += pad8(a.byteLength);
  }
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  let offset = pad8(4 + json.length);
  for (const tree of forest.trees) {
    for (const a of treeArrays(tree)) {
      out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
      offset += pad8(a.byteLength);
    }
  }
  return out;
}

/** Rebuilds a forest from forestToBytes output, checking sizes and tree structure. */
export function forestFromBytes(bytes: Uint8Array): Forest {
  const fail = (why: string): never => {
    throw new Error(`forest: not a forest blob (${why})`);
  };
  if (bytes.length < 4) fail('too short');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + length > bytes.length) fail('header past the end');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as Header;
  } catch {
    return fail('header is not JSON');
  }
  if (header.format !== FORMAT) fail(`format ${String(header.format)}`);
  let offset = pad8(4 + length);
  const take = <T extends TreeArray>(make: (buffer: ArrayBuffer) => T, byteLength: number): T => {
    if (offset + byteLength > bytes.length) fail('arrays past the end');
    // slice copies into a fresh, aligned buffer.
    const view = bytes.slice(offset, offset + byteLength);
    offset += pad8(byteLength);
    return make(view.buffer);
  };
  const nf = header.nFeatures;
  const trees = header.nodeCounts.map(
    (n): Tree => ({
      nodeCount: n,
      feature: take((b) => new Int32Array(b), 4 * n),
      threshold: take((b) => new Float64Array(b), 8 * n),
      left: take((b) => new Int32Array(b), 4 * n),
      right: take((b) => new Int32Array(b), 4 * n),
      missingLeft: take((b) => new Uint8Array(b), n),
      value: take((b) => new Float64Array(b), 8 * n),
      importance: take((b) => new Float64Array(b), 8 * nf),
    }),
  );
  if (offset !== bytes.length) fail('bytes after the last tree');
  for (const [i, tree] of trees.entries()) checkTree(tree, nf, i);
  const { maxDepth, ...rest } = header.options;
  return {
    nFeatures: nf,
    options: { ...rest, maxDepth: maxDepth ?? Number.POSITIVE_INFINITY },
    trees,
  };
}
