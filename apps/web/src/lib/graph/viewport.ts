/**
 * Viewports computed from the model's node positions (typed loops) instead of Cytoscape's
 * boundingBox(), which on a 7,000-node trace computes every element's bounds (labels, haystack
 * points) before the first frame: over a second on a slow machine.
 */
import { NODE_MARGIN } from './node-geometry.ts';
import type { TraceModel } from './trace-model.ts';

export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface Viewport {
  readonly zoom: number;
  readonly pan: { readonly x: number; readonly y: number };
}

/** The box of the nodes marked 1 in `marks`, with node margins; undefined when none is. */
export function markedBox(model: TraceModel, marks: Uint8Array): Box | undefined {
  const indices: number[] = [];
  for (let i = 0; i < marks.length; i++) if (marks[i] === 1) indices.push(i);
  return indices.length === 0 ? undefined : nodesBox(model, indices);
}

/** Zoom and pan that show all of `box` with padding, the zoom clamped to [minZoom, maxZoom]. */
export function fitViewport(
  box: Box,
  width: number,
  height: number,
  minZoom: number,
  maxZoom: number,
): Viewport {
  const pad = 24;
  const zoom = Math.max(
    minZoom,
    Math.min(
      maxZoom,
      (width - 2 * pad) / Math.max(1, box.x2 - box.x1),
      (height - 2 * pad) / Math.max(1, box.y2 - box.y1),
    ),
  );
  return centered(box, zoom, width, height);
}

/** The box of the given node indices (all nodes when omitted), with node margins. */
export function nodesBox(model: TraceModel, indices?: ArrayLike<number>): Box {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  const count = indices === undefined ? model.nodes.length : indices.length;
  for (let k = 0; k < count; k++) {
    const node = model.nodes[indices === undefined ? k : indices[k]!];
    if (node === undefined) continue;
    if (node.x < x1) x1 = node.x;
    if (node.x > x2) x2 = node.x;
    if (node.y < y1) y1 = node.y;
    if (node.y > y2) y2 = node.y;
  }
  if (x1 > x2) return { x1: 0, y1: 0, x2: 0, y2: 0 };
  return { x1: x1 - NODE_MARGIN, y1: y1 - NODE_MARGIN, x2: x2 + NODE_MARGIN, y2: y2 + NODE_MARGIN };
}

/** Zoom from which labels are drawn: executions' 9 px labels reach Cytoscape's 9 px minimum at 1. */
export const READABLE_ZOOM = 0.95;

/** Traces up to this many nodes open at a zoom where their labels can be read. */
export const SMALL_TRACE_NODES = 600;

/** The closest a trace is fitted at first: a four-node store is not blown up to fill the screen. */
const MAX_FIT_ZOOM = 1.5;

/**
 * Fits the whole trace unless that leaves it unreadable: a small trace (up to SMALL_TRACE_NODES)
 * opens at READABLE_ZOOM from its top (centred when it fits across, else from its start), and a
 * long, flat timeline (the server lays x out by time) fits the height from its beginning, so lanes
 * stay readable instead of a 1-px strip.
 */
export function initialViewport(
  box: Box,
  width: number,
  height: number,
  nodeCount = Number.POSITIVE_INFINITY,
): Viewport {
  const pad = 20;
  const w = Math.max(1, box.x2 - box.x1);
  const h = Math.max(1, box.y2 - box.y1);
  const fitAll = Math.min(MAX_FIT_ZOOM, (width - 2 * pad) / w, (height - 2 * pad) / h);
  if (nodeCount <= SMALL_TRACE_NODES && fitAll < READABLE_ZOOM) {
    const zoom = READABLE_ZOOM;
    const x =
      w * zoom <= width - 2 * pad
        ? width / 2 - ((box.x1 + box.x2) / 2) * zoom
        : pad - box.x1 * zoom;
    const y =
      h * zoom <= height - 2 * pad
        ? height / 2 - ((box.y1 + box.y2) / 2) * zoom
        : pad - box.y1 * zoom;
    return { zoom, pan: { x, y } };
  }
  const fitHeight = Math.min(1, (height - 2 * pad) / h);
  if (fitHeight <= fitAll * 4) return centered(box, fitAll, width, height);
  return { zoom: fitHeight, pan: { x: pad - box.x1 * fitHeight, y: pad - box.y1 * fitHeight } };
}

/** Zoom and pan that fit `box` with padding, never closer than 1.5x (a lone trainer stays small). */
export function focusViewport(box: Box, width: number, height: number, minZoom: number): Viewport {
  const pad = 48;
  const zoom = Math.max(
    minZoom,
    Math.min(
      1.5,
      (width - 2 * pad) / Math.max(1, box.x2 - box.x1),
      (height - 2 * pad) / Math.max(1, box.y2 - box.y1),
    ),
  );
  return centered(box, zoom, width, height);
}

function centered(box: Box, zoom: number, width: number, height: number): Viewport {
  const cx = (box.x1 + box.x2) / 2;
  const cy = (box.y1 + box.y2) / 2;
  return { zoom, pan: { x: width / 2 - cx * zoom, y: height / 2 - cy * zoom } };
}
