/**
 * Applies highlight and visibility states to Cytoscape elements. Only changed elements are touched,
 * grouped by their new class list so that each group is one collection call (per-element calls
 * cost a collection and an event each: seconds on a 7,000-node trace). Faded elements get no
 * class: the canvas fades everything at once with a veil (see trace-canvas.tsx), so selecting a
 * graphlet restyles only its members.
 */
import type {
  CollectionArgument,
  Core,
  EdgeCollection,
  NodeCollection,
  SingularElementArgument,
} from 'cytoscape';
import { FADED, NORMAL, stateClass } from './highlight.ts';

/** The class-bearing state: faded is drawn by the veil, not by a class. */
const drawn = (state: number) => (state === FADED ? NORMAL : state);

export interface DrawnStates {
  readonly nodes: Uint8Array;
  readonly edges: Uint8Array;
  /** 1 = visible, per node. */
  readonly visible: Uint8Array;
}

/** The states of freshly drawn elements: normal and visible (no classes). */
export function initialStates(nodeCount: number, edgeCount: number): DrawnStates {
  return {
    nodes: new Uint8Array(nodeCount),
    edges: new Uint8Array(edgeCount),
    visible: new Uint8Array(nodeCount).fill(1),
  };
}

/** Updates classes from `previous` to `next`, in one batch. */
export function applyStates(
  cy: Core,
  nodes: NodeCollection,
  edges: EdgeCollection,
  edgeEnds: { readonly source: Int32Array; readonly target: Int32Array },
  previous: DrawnStates,
  next: DrawnStates,
): void {
  const groups = new Map<number, SingularElementArgument[]>();
  const add = (key: number, element: SingularElementArgument | undefined) => {
    if (element === undefined) return;
    let group = groups.get(key);
    if (group === undefined) {
      group = [];
      groups.set(key, group);
    }
    group.push(element);
  };
  // Key: state * 2 + hidden.
  for (let i = 0; i < next.nodes.length; i++) {
    const state = drawn(next.nodes[i]!);
    const shown = next.visible[i]!;
    if (drawn(previous.nodes[i]!) === state && previous.visible[i] === shown) continue;
    add(state * 2 + (shown === 0 ? 1 : 0), nodes[i]);
  }
  for (let e = 0; e < next.edges.length; e++) {
    const state = drawn(next.edges[e]!);
    const s = edgeEnds.source[e]!;
    const t = edgeEnds.target[e]!;
    const shown = next.visible[s]! & next.visible[t]!;
    const before = drawn(previous.edges[e]!);
    if (before === state && (previous.visible[s]! & previous.visible[t]!) === shown) continue;
    add(state * 2 + (shown === 0 ? 1 : 0), edges[e]);
  }
  if (groups.size === 0) return;
  cy.batch(() => {
    for (const [key, group] of groups) {
      // cy.collection accepts an element array at runtime; its typings only list definitions.
      cy.collection(group as unknown as CollectionArgument).classes(
        classList(stateClass(key >> 1), (key & 1) === 1),
      );
    }
  });
}

/** The classes of edge `e` in `states`: for edges added after the states were applied. */
export function edgeClasses(
  states: DrawnStates,
  edgeEnds: { readonly source: Int32Array; readonly target: Int32Array },
  e: number,
): string[] {
  const shown = states.visible[edgeEnds.source[e]!]! & states.visible[edgeEnds.target[e]!]!;
  return classList(stateClass(drawn(states.edges[e]!)), shown === 0);
}

function classList(state: string, hidden: boolean): string[] {
  const out: string[] = [];
  if (state !== '') out.push(state);
  if (hidden) out.push('hidden');
  return out;
}
