/**
 * Upstream and downstream of a node: breadth-first search over the model's CSR adjacency with a
 * visit mark array, O(nodes + edges). Cycles are harmless (each node is visited once).
 */
import type { TraceModel } from './trace-model.ts';

export interface Lineage {
  /** Node indices reachable against edge direction (excluding the start). */
  readonly upstream: Int32Array;
  /** Node indices reachable along edge direction (excluding the start). */
  readonly downstream: Int32Array;
}

/** The upstream and downstream node indices of node `start`. */
export function lineageOf(model: TraceModel, start: number): Lineage {
  return {
    upstream: reach(model.inOffsets, model.inSources, start),
    downstream: reach(model.outOffsets, model.outTargets, start),
  };
}

function reach(offsets: Int32Array, targets: Int32Array, start: number): Int32Array {
  const n = offsets.length - 1;
  if (start < 0 || start >= n) return new Int32Array(0);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  seen[start] = 1;
  queue[tail++] = start;
  while (head < tail) {
    const v = queue[head++]!;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = targets[k]!;
      if (seen[w] === 0) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return queue.slice(1, tail);
}
