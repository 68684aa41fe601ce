/**
 * The trace as a standalone SVG document, drawn from the model as the canvas draws it: visible
 * nodes with role fills and shapes, state marks, highlight outlines, edges, the labels the canvas
 * shows, and the faded rest at the veil's opacity. Vector output has no canvas size limit.
 */
import { ROLE_STYLES, roleColor } from '../roles.ts';
import { CANVAS_PALETTES, type ColorScheme } from './canvas-palette.ts';
import { DOWNSTREAM, FADED, HOVERED, LIT, UPSTREAM } from './highlight.ts';
import { labelBox } from './label-placement.ts';
import { LABEL, NODE_MARGIN, nodeSize } from './node-geometry.ts';
import { shapeElement, shapeTag } from './node-shapes.ts';
import type { TraceModel } from './trace-model.ts';

export interface SvgInput {
  readonly model: TraceModel;
  /** Highlight state per node and edge (highlight.ts), and 1 per visible node. */
  readonly nodes: Uint8Array;
  readonly edges: Uint8Array;
  readonly visible: Uint8Array;
  /** 1 per node whose label the canvas draws. */
  readonly shown: Uint8Array;
  readonly scheme: ColorScheme;
  readonly title: string;
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const round = (v: number) => Math.round(v * 100) / 100;

/** Border stroke of an execution state (width, dash, colour key). */
function stateStroke(state: string | undefined, ink: string, failed: string): string {
  switch (state) {
    case 'cached':
      return `stroke="${ink}" stroke-width="2.5" stroke-dasharray="1 2"`;
    case 'running':
    case 'new':
      return `stroke="${ink}" stroke-width="2.5" stroke-dasharray="5 3"`;
    case 'failed':
      return `stroke="${failed}" stroke-width="4"`;
    case 'canceled':
      return `stroke="${ink}" stroke-width="3" fill-opacity="0.4"`;
    default:
      return `stroke="${ink}" stroke-width="1"`;
  }
}

/** The SVG text of the visible part of the trace. */
export function traceSvg(input: SvgInput): string {
  const { model, nodes, edges, visible, shown, scheme } = input;
  const p = CANVAS_PALETTES[scheme];
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  model.nodes.forEach((node, i) => {
    if (visible[i] !== 1) return;
    x1 = Math.min(x1, node.x);
    y1 = Math.min(y1, node.y);
    x2 = Math.max(x2, node.x + (shown[i] === 1 ? LABEL.artifact.maxWidth : 0));
    y2 = Math.max(y2, node.y);
  });
  if (x1 > x2) x1 = y1 = x2 = y2 = 0;
  const pad = NODE_MARGIN + 16;
  const vx = x1 - pad;
  const vy = y1 - pad;
  const vw = x2 - x1 + 2 * pad;
  const vh = y2 - y1 + 2 * pad;
  const faded: string[] = [];
  const lit: string[] = [];
  const edgeColor = (state: number) =>
    state === UPSTREAM
      ? p.upstream
      : state === DOWNSTREAM
        ? p.downstream
        : state === LIT
          ? p.litEdge
          : p.edge;
  for (let e = 0; e < model.edgeSource.length; e++) {
    const s = model.edgeSource[e]!;
    const t = model.edgeTarget[e]!;
    if (visible[s] !== 1 || visible[t] !== 1) continue;
    const a = model.nodes[s]!;
    const b = model.nodes[t]!;
    const state = edges[e]!;
    const dash = model.edgeReuse[e] === 1 ? ' stroke-dasharray="4 3"' : '';
    const width = state === UPSTREAM || state === DOWNSTREAM ? 2 : state === LIT ? 1.6 : 1;
    (state === FADED ? faded : lit).push(
      `<line x1="${round(a.x)}" y1="${round(a.y)}" x2="${round(b.x)}" y2="${round(b.y)}" stroke="${edgeColor(state)}" stroke-width="${width}"${dash}/>`,
    );
  }
  model.nodes.forEach((node, i) => {
    if (visible[i] !== 1) return;
    const role = model.roles[i]!;
    const { w, h } = nodeSize(role);
    const shape = ROLE_STYLES[role].shape;
    const state = nodes[i]!;
    const out = state === FADED ? faded : lit;
    const outline =
      state === UPSTREAM
        ? p.upstream
        : state === DOWNSTREAM
          ? p.downstream
          : state === HOVERED
            ? p.hovered
            : state === LIT
              ? p.ink
              : undefined;
    if (outline !== undefined) {
      const dash = state === DOWNSTREAM ? ' stroke-dasharray="5 3"' : '';
      out.push(
        `${shapeElement(shape, node.x, node.y, w + 6, h + 6)} fill="none" stroke="${outline}" stroke-width="2.5"${dash}/>`,
      );
    }
    const stroke =
      node.kind === 'artifact'
        ? `stroke="${p.ink}" stroke-width="0.5"`
        : stateStroke(node.state, p.ink, p.failed);
    out.push(
      `${shapeElement(shape, node.x, node.y, w, h)} fill="${roleColor(role, scheme)}" ${stroke}><title>${escapeXml(`${model.labels[i]} (${node.id})`)}</title></${shapeTag(shape)}>`,
    );
    if (shown[i] === 1) {
      const artifact = node.kind === 'artifact';
      const spec = artifact ? LABEL.artifact : LABEL.execution;
      const box = labelBox(node.kind, node.x, node.y, { w, h }, spec.maxWidth);
      const chars = Math.max(1, Math.floor(spec.maxWidth / (spec.fontSize * 0.55)));
      const text = model.labels[i]!;
      const shownText = text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
      const anchor = artifact ? 'start' : 'middle';
      const tx = artifact ? box.x1 : node.x;
      const ty = box.y1 + spec.fontSize;
      out.push(
        `<text x="${round(tx)}" y="${round(ty)}" font-size="${spec.fontSize}" text-anchor="${anchor}" fill="${p.ink}">${escapeXml(shownText)}</text>`,
      );
    }
  });
  const veil =
    faded.length > 0 && lit.length > 0
      ? `<rect x="${vx}" y="${vy}" width="${vw}" height="${vh}" fill="${p.background}" fill-opacity="0.86"/>`
      : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${round(vx)} ${round(vy)} ${round(vw)} ${round(vh)}" width="${Math.ceil(vw)}" height="${Math.ceil(vh)}" font-family='${LABEL.font}'>`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect x="${vx}" y="${vy}" width="${vw}" height="${vh}" fill="${p.background}"/>`,
    ...faded,
    veil,
    ...lit,
    '</svg>',
  ].join('\n');
}
