/**
 * The focused lineage view of a node: what lies within N hops upstream and downstream (hops
 * counted along data flow, execution -> artifact -> execution, as Marquez and DataHub count
 * depth), and how much is left out beyond N hops. Two breadth-first searches, O(nodes + edges).
 */
import type { TraceModel } from './trace-model.ts';

export interface LineageWindow {
  /** 1 for nodes within `hops` of the start in either direction (the start included). */
  readonly within: Uint8Array;
  /** Nodes shown: the start and everything within `hops` hops. */
  readonly shown: number;
  /** Upstream nodes further than `hops` hops away. */
  readonly upstreamBeyond: number;
  /** Downstream nodes further than `hops` hops away. */
  readonly downstreamBeyond: number;
  /** Nodes neither upstream nor downstream of the start. */
  readonly unrelated: number;
}

/** Distances (hops) from `start` against (`offsets`, `targets`) adjacency; -1 when unreachable. */
function distances(offsets: Int32Array, targets: Int32Array, start: number): Int32Array {
  const n = offsets.length - 1;
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  dist[start] = 0;
  queue[tail++] = start;
  while (head < tail) {
    const v = queue[head++]!;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = targets[k]!;
      if (dist[w] === -1) {
        dist[w] = dist[v]! + 1;
        queue[tail++] = w;
      }
    }
  }
  return dist;
}

/** The lineage window of node `start` with `hops` hops each way. */
export function lineageWindow(model: TraceModel, start: number, hops: number): LineageWindow {
  const n = model.nodes.length;
  const within = new Uint8Array(n);
  if (start < 0 || start >= n) {
    return { within, shown: 0, upstreamBeyond: 0, downstreamBeyond: 0, unrelated: n };
  }
  const up = distances(model.inOffsets, model.inSources, start);
  const down = distances(model.outOffsets, model.outTargets, start);
  let shown = 0;
  let upstreamBeyond = 0;
  let downstreamBeyond = 0;
  let unrelated = 0;
  for (let i = 0; i < n; i++) {
    const u = up[i]!;
    const d = down[i]!;
    const near = (u >= 0 && u <= hops) || (d >= 0 && d <= hops);
    if (near) {
      within[i] = 1;
      shown++;
    } else if (u > hops) upstreamBeyond++;
    else if (d > hops) downstreamBeyond++;
    else unrelated++;
  }
  return { within, shown, upstreamBeyond, downstreamBeyond, unrelated };
}
