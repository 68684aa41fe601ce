/**
 * Which node labels to draw so that none overlaps another label or a node. Cytoscape scales
 * labels with the zoom, so boxes in model units overlap at every zoom or at none: one greedy pass
 * decides for all zooms. Trainers first, then other executions, then artifacts, in model order;
 * a spatial grid keeps it linear. Labels left out still show on hover and on the chosen node.
 */
import { LABEL, nodeSize } from './node-geometry.ts';
import type { TraceModel } from './trace-model.ts';

/** Width of `text` in px at `fontSize` (a canvas measureText in the browser). */
export type MeasureText = (text: string, fontSize: number) => number;

/** A label's box in model units. */
export interface LabelBox {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The box a node's label occupies (Cytoscape's placement: executions below, artifacts right). */
export function labelBox(
  kind: 'execution' | 'artifact',
  x: number,
  y: number,
  size: { readonly w: number; readonly h: number },
  textWidth: number,
): LabelBox {
  const spec = kind === 'artifact' ? LABEL.artifact : LABEL.execution;
  const w = Math.min(textWidth, spec.maxWidth);
  const h = spec.fontSize * LABEL.lineHeight;
  if (kind === 'artifact') {
    const x1 = x + size.w / 2 + spec.gap;
    return { x1, y1: y - h / 2, x2: x1 + w, y2: y + h / 2 };
  }
  const y1 = y + size.h / 2 + spec.gap;
  return { x1: x - w / 2, y1, x2: x + w / 2, y2: y1 + h };
}

const CELL = 64;

/** A uniform grid of boxes answering "does this box overlap any stored one?". */
class BoxGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly boxes: LabelBox[] = [];
  /** The node each box belongs to: a label may touch its own node. */
  private readonly owners: number[] = [];

  private keys(box: LabelBox, visit: (key: number) => boolean | undefined): void {
    const cx1 = Math.floor(box.x1 / CELL);
    const cx2 = Math.floor(box.x2 / CELL);
    const cy1 = Math.floor(box.y1 / CELL);
    const cy2 = Math.floor(box.y2 / CELL);
    for (let cx = cx1; cx <= cx2; cx++)
      for (let cy = cy1; cy <= cy2; cy++) if (visit(cx * 1_048_576 + cy) === true) return;
  }

  add(box: LabelBox, owner: number): void {
    const id = this.boxes.length;
    this.boxes.push(box);
    this.owners.push(owner);
    this.keys(box, (key) => {
      const cell = this.cells.get(key);
      if (cell === undefined) this.cells.set(key, [id]);
      else cell.push(id);
      return undefined;
    });
  }

  /** True when `box` overlaps a stored box of another owner. */
  hits(box: LabelBox, owner: number): boolean {
    let hit = false;
    this.keys(box, (key) => {
      for (const id of this.cells.get(key) ?? []) {
        const other = this.boxes[id]!;
        if (this.owners[id] === owner) continue;
        if (box.x1 < other.x2 && other.x1 < box.x2 && box.y1 < other.y2 && other.y1 < box.y2) {
          hit = true;
          return true;
        }
      }
      return undefined;
    });
    return hit;
  }
}

/** A mark per node: 1 when its label is drawn. `labels[i]` is node i's label text. */
export function placeLabels(
  model: TraceModel,
  labels: readonly string[],
  measure: MeasureText,
  positions?: Readonly<Record<string, { x: number; y: number }>>,
): Uint8Array {
  const n = model.nodes.length;
  const shown = new Uint8Array(n);
  const grid = new BoxGrid();
  const at = (i: number) => positions?.[model.nodes[i]!.id] ?? model.nodes[i]!;
  for (let i = 0; i < n; i++) {
    const { x, y } = at(i);
    const size = nodeSize(model.roles[i]!);
    grid.add({ x1: x - size.w / 2, y1: y - size.h / 2, x2: x + size.w / 2, y2: y + size.h / 2 }, i);
  }
  const order: number[] = [];
  for (const pass of [0, 1, 2]) {
    for (let i = 0; i < n; i++) {
      const role = model.roles[i]!;
      const rank = role === 'trainer' ? 0 : role === 'artifact' ? 2 : 1;
      if (rank === pass) order.push(i);
    }
  }
  for (const i of order) {
    const text = labels[i] ?? '';
    if (text === '') continue;
    const node = model.nodes[i]!;
    const { x, y } = at(i);
    const spec = node.kind === 'artifact' ? LABEL.artifact : LABEL.execution;
    const box = labelBox(node.kind, x, y, nodeSize(model.roles[i]!), measure(text, spec.fontSize));
    if (grid.hits(box, i)) continue;
    grid.add(box, i);
    shown[i] = 1;
  }
  return shown;
}

/** A canvas-backed text measurer with the labels' font, caching by text and size. */
export function canvasMeasure(): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text, fontSize) => {
    const key = `${fontSize}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (context === null) width = text.length * fontSize * 0.6;
      else {
        context.font = `${fontSize}px ${LABEL.font}`;
        width = context.measureText(text).width;
      }
      cache.set(key, width);
    }
    return width;
  };
}
