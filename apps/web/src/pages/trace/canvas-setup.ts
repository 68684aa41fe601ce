/** Start-up helpers of the trace canvas: the veil, the layer cache switch, edges added in chunks. */
import type {
  Core,
  EdgeCollection,
  ElementDefinition,
  NodeCollection,
  NodeSingular,
} from 'cytoscape';
import { type DrawnStates, edgeClasses } from '../../lib/graph/apply-states.ts';
import { VEIL_KIND } from '../../lib/graph/cy-style.ts';
import type { TraceModel } from '../../lib/graph/trace-model.ts';
import { type Box, READABLE_ZOOM } from '../../lib/graph/viewport.ts';

/** What the canvas keeps of a drawn trace. */
export interface Drawn {
  readonly cy: Core;
  readonly nodes: NodeCollection;
  /** The drawn edges by model index; on a large trace they arrive in chunks after the first frame. */
  edges: EdgeCollection;
  readonly veil: NodeSingular;
  last: DrawnStates;
}

export const VEIL_ID = '__veil';

/** The veil's size around a box: wide enough to cover any view of the trace. */
function veilSize(box: Box): { w: number; h: number } {
  const size = Math.max(box.x2 - box.x1, box.y2 - box.y1) * 4 + 2000;
  return { w: size, h: size };
}

/**
 * One large translucent node above the faded elements (z 5) and below the highlighted ones (z 10+):
 * fading the whole trace costs one style change instead of one per element.
 */
export function veilDefinition(box: Box): ElementDefinition {
  return {
    group: 'nodes',
    data: { id: VEIL_ID, kind: VEIL_KIND, ...veilSize(box) },
    position: { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 },
    classes: 'hidden',
  };
}

/**
 * Turns off the canvas renderer's layered texture cache. A trace laid out by time is too wide for
 * its layer bitmaps, so each frame it summed every element's bounds, failed to make a layer and
 * then drew the elements directly anyway: a third of every frame spent for nothing.
 */
export function skipLayerTextures(cy: Core): void {
  const renderer = (
    cy as unknown as { renderer(): { data?: { lyrTxrCache?: { getLayers(): unknown } } } }
  ).renderer();
  const cache = renderer.data?.lyrTxrCache;
  if (cache !== undefined) cache.getLayers = () => null;
}

/** Edges per chunk: a chunk and its redraw took 50-95 ms on the 7,083-node bench trace. */
const EDGE_CHUNK = 1000;
/** No chunk starts this long after a key, pointer or wheel event, so the response draws first. */
const INPUT_QUIET_MS = 250;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Adds `pending` edge definitions (model order, after those already drawn) a chunk per idle
 * callback, starting after the nodes' first frame and pausing after user input; each chunk gets
 * the classes of the current states. Returns a function that stops it.
 */
export function addEdgesInChunks(
  d: Drawn,
  pending: ElementDefinition[],
  model: TraceModel,
  started: number,
): () => void {
  if (pending.length === 0) return () => {};
  const ends = { source: model.edgeSource, target: model.edgeTarget };
  let next = 0;
  let quietUntil = 0;
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const onInput = () => {
    quietUntil = performance.now() + INPUT_QUIET_MS;
  };
  const stop = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
    for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, true);
  };
  const schedule = () => {
    timer = undefined;
    idle = requestIdleCallback(step);
  };
  const step = () => {
    idle = undefined;
    const wait = quietUntil - performance.now();
    if (wait > 0) {
      timer = setTimeout(schedule, wait);
      return;
    }
    const first = d.edges.length;
    const chunk = pending.slice(next, next + EDGE_CHUNK);
    chunk.forEach((definition, k) => {
      definition.classes = edgeClasses(d.last, ends, first + k);
    });
    d.edges = d.edges.union(d.cy.add(chunk).edges());
    next += chunk.length;
    if (next < pending.length) schedule();
    else {
      stop();
      performance.measure('graphlet-explorer:edges-added', {
        start: started,
        end: performance.now(),
      });
    }
  };
  for (const type of INPUT_EVENTS)
    window.addEventListener(type, onInput, { capture: true, passive: true });
  frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      frame = undefined;
      schedule();
    });
  });
  return stop;
}

const POINTER_EVENTS = ['mousemove', 'mousedown', 'wheel', 'touchstart'] as const;

/**
 * Cytoscape caches where its container is on the page and refreshes that only on window scroll
 * and resize, so content above the canvas that changes height (a notice, the graphlet strip)
 * would offset every pointer hit by as much. The cache is dropped on each pointer event over the
 * container, before Cytoscape's own window-level handlers read it. Returns a function that stops.
 */
export function followContainerMoves(cy: Core, element: HTMLElement): () => void {
  const renderer = (
    cy as unknown as { renderer(): { invalidateContainerClientCoordsCache?: () => void } }
  ).renderer();
  const invalidate = () => renderer.invalidateContainerClientCoordsCache?.();
  for (const type of POINTER_EVENTS)
    element.addEventListener(type, invalidate, { capture: true, passive: true });
  return () => {
    for (const type of POINTER_EVENTS) element.removeEventListener(type, invalidate, true);
  };
}

/**
 * Turns the placed labels on the first time the view is zoomed in far enough to draw them, so a
 * trace opened zoomed out (most large ones) pays neither the placement nor Cytoscape's label
 * measuring before its first frame. Returns a function that stops listening.
 */
export function showLabelsWhenZoomedIn(
  d: Drawn,
  model: TraceModel,
  placed: () => Uint8Array,
): () => void {
  let done = false;
  const check = () => {
    if (done || d.cy.zoom() < READABLE_ZOOM) return;
    done = true;
    d.cy.removeListener('zoom', check);
    const shown = placed();
    const labelled: number[] = [];
    for (let i = 0; i < model.nodes.length; i++) if (shown[i] === 1) labelled.push(i);
    d.cy.batch(() => {
      for (const i of labelled) d.nodes[i]?.data('shown', true);
    });
  };
  d.cy.on('zoom', check);
  check();
  return () => d.cy.removeListener('zoom', check);
}
