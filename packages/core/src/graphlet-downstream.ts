/**
 * Rule (c) of model-graphlet segmentation (paper §4.1; the rules in segment-graphlets.ts) for all
 * trainers at once: one reverse topological pass finds the executions with a trainer downstream,
 * and one multi-source BFS from all trainers finds each execution's nearest trainer. Linear time.
 */
import type { TraceGraph } from './trace-graph.ts';

/** Per trainer slot t, Down(t) as a CSR of execution indexes (ascending). */
export interface DownstreamSets {
  readonly offsets: Int32Array;
  readonly members: Int32Array;
}

/**
 * Rule (c): Down(n) = executions d, not trainers nor cached, with no trainer downstream, whose
 * nearest trainer (fewest execution hops upstream; ties: higher slot = later start, larger id) is n.
 * `slot[x]` is x's trainer slot (slots ordered by start time, then id) or -1.
 */
export function downstreamSets(g: TraceGraph, slot: Int32Array, trainers: number): DownstreamSets {
  const reaches = reachesTrainer(g, slot);
  const nearest = nearestTrainer(g, slot);
  const e = g.executions.length;
  const offsets = new Int32Array(trainers + 1);
  const keep = (d: number) =>
    slot[d] === -1 && g.cached[d] === 0 && reaches[d] === 0 && nearest[d]! >= 0;
  for (let d = 0; d < e; d++) if (keep(d)) offsets[nearest[d]! + 1]!++;
  for (let t = 0; t < trainers; t++) offsets[t + 1]! += offsets[t]!;
  const fill = offsets.slice(0, trainers);
  const members = new Int32Array(offsets[trainers]!);
  for (let d = 0; d < e; d++) if (keep(d)) members[fill[nearest[d]!]!++] = d;
  return { offsets, members };
}

/** Per execution, 1 when a (non-cached) trainer is strictly downstream of it. */
function reachesTrainer(g: TraceGraph, slot: Int32Array): Uint8Array {
  const reaches = new Uint8Array(g.executions.length);
  for (let i = g.topoOrder.length - 1; i >= 0; i--) {
    const u = g.topoOrder[i]!;
    if (g.cached[u] === 1) continue;
    let found = 0;
    for (let j = g.outputOffsets[u]!; j < g.outputOffsets[u + 1]! && found === 0; j++) {
      const a = g.outputArtifacts[j]!;
      if (g.producer[a] !== u) continue;
      for (let k = g.consumerOffsets[a]!; k < g.consumerOffsets[a + 1]!; k++) {
        const c = g.consumers[k]!;
        if (slot[c]! >= 0 || reaches[c] === 1) {
          found = 1;
          break;
        }
      }
    }
    reaches[u] = found;
  }
  return reaches;
}

/** Per execution, the slot of its nearest trainer downstream-reachable from it, or -1. */
function nearestTrainer(g: TraceGraph, slot: Int32Array): Int32Array {
  const e = g.executions.length;
  const nearest = slot.slice();
  const dist = new Int32Array(e).fill(-1);
  let frontier = new Int32Array(e);
  let next = new Int32Array(e);
  let size = 0;
  for (let x = 0; x < e; x++) {
    if (slot[x]! >= 0) {
      dist[x] = 0;
      frontier[size++] = x;
    }
  }
  // Level by level, so every execution of a level has its final nearest trainer before the
  // next level reads it (the tie-break needs the whole level).
  for (let level = 1; size > 0; level++) {
    let nextSize = 0;
    for (let i = 0; i < size; i++) {
      const u = frontier[i]!;
      for (let j = g.outputOffsets[u]!; j < g.outputOffsets[u + 1]!; j++) {
        const a = g.outputArtifacts[j]!;
        if (g.producer[a] !== u) continue;
        for (let k = g.consumerOffsets[a]!; k < g.consumerOffsets[a + 1]!; k++) {
          const c = g.consumers[k]!;
          if (g.cached[c] === 1) continue;
          if (dist[c] === -1) {
            dist[c] = level;
            nearest[c] = nearest[u]!;
            next[nextSize++] = c;
          } else if (dist[c] === level && nearest[u]! > nearest[c]!) {
            nearest[c] = nearest[u]!;
          }
        }
      }
    }
    [frontier, next] = [next, frontier];
    size = nextSize;
  }
  return nearest;
}
