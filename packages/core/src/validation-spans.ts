/**
 * Rule (b) of model-graphlet segmentation (paper §4.1; the rules in segment-graphlets.ts): the data
 * spans each data-validation execution is performed on, computed once for all of them and inverted
 * to span -> validators. A per-validator BFS upstream through data-validation executions only,
 * stopped at the first level holding a span; typical depth is 1 to 3.
 */
import { ROLES } from './roles.ts';
import type { TraceGraph } from './trace-graph.ts';

const INGESTION = ROLES.indexOf('ingestion');
const DATA_VALIDATION = ROLES.indexOf('data_validation');

/** Per artifact, 1 when it is a data span: produced by an ingestion execution. */
export function spanArtifacts(g: TraceGraph): Uint8Array {
  const isSpan = new Uint8Array(g.artifacts.length);
  for (let a = 0; a < isSpan.length; a++) {
    const p = g.producer[a]!;
    if (p >= 0 && g.roles[p] === INGESTION) isSpan[a] = 1;
  }
  return isSpan;
}

/** CSR span artifact -> the non-cached data-validation executions performed on it (ascending). */
export interface SpanValidators {
  readonly offsets: Int32Array;
  readonly validators: Int32Array;
}

/**
 * Rule (b): v is performed on the spans fewest execution hops upstream of v, walking only
 * through data-validation executions; so an ExampleValidator reading an old reused Schema belongs
 * to the span whose statistics it checks.
 */
export function spanValidators(g: TraceGraph, isSpan: Uint8Array): SpanValidators {
  const e = g.executions.length;
  const execStamp = new Int32Array(e).fill(-1);
  const artStamp = new Int32Array(g.artifacts.length).fill(-1);
  let frontier = new Int32Array(e);
  let next = new Int32Array(e);
  const pairSpan: number[] = [];
  const pairValidator: number[] = [];
  for (let v = 0; v < e; v++) {
    if (g.roles[v] !== DATA_VALIDATION || g.cached[v] === 1) continue;
    execStamp[v] = v;
    frontier[0] = v;
    let size = 1;
    let found = false;
    while (size > 0 && !found) {
      let nextSize = 0;
      for (let i = 0; i < size; i++) {
        const u = frontier[i]!;
        for (let j = g.inputOffsets[u]!; j < g.inputOffsets[u + 1]!; j++) {
          const a = g.inputArtifacts[j]!;
          if (isSpan[a] === 1) {
            found = true;
            if (artStamp[a] !== v) {
              artStamp[a] = v;
              pairSpan.push(a);
              pairValidator.push(v);
            }
            continue;
          }
          const p = g.producer[a]!;
          if (p >= 0 && g.roles[p] === DATA_VALIDATION && execStamp[p] !== v) {
            execStamp[p] = v;
            next[nextSize++] = p;
          }
        }
      }
      [frontier, next] = [next, frontier];
      size = nextSize;
    }
  }
  const offsets = new Int32Array(g.artifacts.length + 1);
  for (const a of pairSpan) offsets[a + 1]!++;
  for (let a = 0; a < g.artifacts.length; a++) offsets[a + 1]! += offsets[a]!;
  const fill = offsets.slice(0, g.artifacts.length);
  const validators = new Int32Array(pairSpan.length);
  for (let i = 0; i < pairSpan.length; i++) validators[fill[pairSpan[i]!]!++] = pairValidator[i]!;
  return { offsets, validators };
}
