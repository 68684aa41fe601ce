/**
 * The trace payload as index-based arrays: node index by id, CSR adjacency (Int32Array) in both
 * directions and graphlet membership lists, so highlighting is linear time with no per-step lookups.
 */
import type { TraceGraph, TraceNode } from '../../api/schemas.ts';
import { type NodeRole, nodeRole } from '../roles.ts';
import { nodeLabel } from './node-label.ts';

export interface TraceModel {
  readonly nodes: readonly TraceNode[];
  readonly roles: readonly NodeRole[];
  /** Short labels by node index (node-label.ts). */
  readonly labels: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Edge endpoints by edge index (edges whose endpoints are unknown are dropped). */
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** 1 for `reuse` edges (an input produced outside the consumer's graphlets). */
  readonly edgeReuse: Uint8Array;
  /** CSR: successors of node i are outTargets[outOffsets[i] .. outOffsets[i+1]). */
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  readonly inOffsets: Int32Array;
  readonly inSources: Int32Array;
  /** Node indices of each graphlet, keyed by the trainer's MLMD id as a string (the URL's `g`). */
  readonly members: ReadonlyMap<string, Int32Array>;
  /** Edges dropped because an endpoint was not among the nodes. */
  readonly droppedEdges: number;
}

/** Builds the index-based model of a trace payload. */
export function buildTraceModel(graph: TraceGraph): TraceModel {
  const { nodes } = graph;
  const n = nodes.length;
  const indexOf = new Map<string, number>();
  const roles: NodeRole[] = new Array(n);
  const labels: string[] = new Array(n);
  const memberLists = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    indexOf.set(node.id, i);
    roles[i] = nodeRole(node.kind, node.role);
    labels[i] = nodeLabel(node);
    for (const id of node.graphlets) {
      const trainer = String(id);
      let list = memberLists.get(trainer);
      if (list === undefined) {
        list = [];
        memberLists.set(trainer, list);
      }
      list.push(i);
    }
  });

  const src: number[] = [];
  const dst: number[] = [];
  const reuse: number[] = [];
  for (const edge of graph.edges) {
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s === undefined || t === undefined) continue;
    src.push(s);
    dst.push(t);
    reuse.push(edge.kind === 'reuse' ? 1 : 0);
  }
  const edgeSource = Int32Array.from(src);
  const edgeTarget = Int32Array.from(dst);
  const [outOffsets, outTargets] = csr(n, edgeSource, edgeTarget);
  const [inOffsets, inSources] = csr(n, edgeTarget, edgeSource);
  const members = new Map<string, Int32Array>();
  for (const [trainer, list] of memberLists) members.set(trainer, Int32Array.from(list));
  return {
    nodes,
    roles,
    labels,
    indexOf,
    edgeSource,
    edgeTarget,
    edgeReuse: Uint8Array.from(reuse),
    outOffsets,
    outTargets,
    inOffsets,
    inSources,
    members,
    droppedEdges: graph.edges.length - edgeSource.length,
  };
}

/** Compressed sparse rows of `from -> to` over n nodes. */
function csr(n: number, from: Int32Array, to: Int32Array): [Int32Array, Int32Array] {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) offsets[from[e]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) targets[fill[from[e]!]!++] = to[e]!;
  return [offsets, targets];
}
