/**
 * Highlight states of nodes and edges for the trace canvas: the hovered node's upstream and
 * downstream, else the selected graphlet's members, everything else faded. Linear time.
 */
import { lineageOf } from './lineage.ts';
import type { TraceModel } from './trace-model.ts';

/** Node and edge states, one byte each. */
export const NORMAL = 0;
export const FADED = 1;
export const LIT = 2;
export const UPSTREAM = 3;
export const DOWNSTREAM = 4;
export const HOVERED = 5;

export interface HighlightInput {
  /** Node indices of the selected graphlet. */
  readonly graphlet?: Int32Array | undefined;
  /** Index of the hovered node. */
  readonly hover?: number | undefined;
}

export interface Highlight {
  readonly nodes: Uint8Array;
  readonly edges: Uint8Array;
  /** True when something is highlighted (and everything else faded). */
  readonly active: boolean;
}

/** The state of every node and edge for the given selection and hover. */
export function computeHighlight(model: TraceModel, input: HighlightInput): Highlight {
  const n = model.nodes.length;
  const nodes = new Uint8Array(n);
  const edges = new Uint8Array(model.edgeSource.length);
  if (input.hover !== undefined && input.hover >= 0 && input.hover < n) {
    nodes.fill(FADED);
    const { upstream, downstream } = lineageOf(model, input.hover);
    for (const i of upstream) nodes[i] = UPSTREAM;
    for (const i of downstream) nodes[i] = DOWNSTREAM;
    nodes[input.hover] = HOVERED;
  } else if (input.graphlet !== undefined) {
    nodes.fill(FADED);
    for (const i of input.graphlet) nodes[i] = LIT;
  } else {
    return { nodes, edges, active: false };
  }
  for (let e = 0; e < edges.length; e++) {
    const s = nodes[model.edgeSource[e]!]!;
    const t = nodes[model.edgeTarget[e]!]!;
    // An edge is lit when it lies on the lit path: both ends lit, or along the hovered lineage.
    if (s === FADED || t === FADED) edges[e] = FADED;
    else if (s === LIT && t === LIT) edges[e] = LIT;
    else if ((s === UPSTREAM || s === HOVERED) && (t === UPSTREAM || t === HOVERED))
      edges[e] = UPSTREAM;
    else if ((s === DOWNSTREAM || s === HOVERED) && (t === DOWNSTREAM || t === HOVERED))
      edges[e] = DOWNSTREAM;
    else edges[e] = FADED;
  }
  return { nodes, edges, active: true };
}

/** The class name of a state (empty for normal). */
export function stateClass(state: number): string {
  return STATE_CLASSES[state] ?? '';
}

const STATE_CLASSES = ['', 'faded', 'lit', 'upstream', 'downstream', 'hovered'];
