/** Applies highlight and visibility states to Cytoscape elements, touching only what changed, in one batch. */
import type { Core, EdgeCollection, NodeCollection } from 'cytoscape';
import { stateClass } from './highlight.ts';

export interface DrawnStates {
  readonly nodes: Uint8Array;
  readonly edges: Uint8Array;
  /** 1 = visible, per node. */
  readonly visible: Uint8Array;
}

/** Updates classes from `previous` to `next` (all elements when `previous` is undefined). */
export function applyStates(
  cy: Core,
  nodes: NodeCollection,
  edges: EdgeCollection,
  edgeEnds: { readonly source: Int32Array; readonly target: Int32Array },
  previous: DrawnStates | undefined,
  next: DrawnStates,
): void {
  cy.batch(() => {
    for (let i = 0; i < next.nodes.length; i++) {
      const state = next.nodes[i]!;
      const shown = next.visible[i]!;
      if (previous !== undefined && previous.nodes[i] === state && previous.visible[i] === shown) {
        continue;
      }
      const element = nodes[i];
      if (element === undefined) continue;
      element.classes(classList(stateClass(state), shown === 0));
    }
    for (let e = 0; e < next.edges.length; e++) {
      const state = next.edges[e]!;
      const shown = next.visible[edgeEnds.source[e]!]! & next.visible[edgeEnds.target[e]!]!;
      if (
        previous !== undefined &&
        previous.edges[e] === state &&
        (previous.visible[edgeEnds.source[e]!]! & previous.visible[edgeEnds.target[e]!]!) === shown
      ) {
        continue;
      }
      const element = edges[e];
      if (element === undefined) continue;
      element.classes(classList(stateClass(state), shown === 0));
    }
  });
}

function classList(state: string, hidden: boolean): string[] {
  const out: string[] = [];
  if (state !== '') out.push(state);
  if (hidden) out.push('hidden');
  return out;
}
