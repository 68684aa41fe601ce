/**
 * The Cytoscape stylesheet of trace and graphlet canvases: role colours and shapes, execution
 * state marks (border styles), highlight outlines, labels. Kept small on purpose: Cytoscape pays
 * per element per property at start-up, so defaults are not restated.
 */
import type { StylesheetJson } from 'cytoscape';
import { NODE_ROLES, ROLE_STYLES, roleColor } from '../roles.ts';
import { CANVAS_PALETTES, type ColorScheme } from './canvas-palette.ts';
import { LABEL, nodeSize } from './node-geometry.ts';

/** The `kind` of the veil node that fades the whole trace behind highlighted elements. */
export const VEIL_KIND = 'veil';

/**
 * How each execution state is marked, beside its name in the legend and the node panel. Marks
 * are border styles, so they read without colour; failed is also red.
 */
export const STATE_MARKS = [
  {
    states: ['complete', 'unknown'],
    label: 'Complete (or not recorded)',
    mark: 'thin solid border',
  },
  { states: ['cached'], label: 'Cached (reused an earlier result)', mark: 'dotted border' },
  { states: ['running', 'new'], label: 'Running or not started', mark: 'dashed border' },
  { states: ['failed'], label: 'Failed', mark: 'red double border' },
  { states: ['canceled'], label: 'Canceled', mark: 'thick border, pale fill' },
] as const;

/** The stylesheet in a colour scheme. */
export function cyStyle(scheme: ColorScheme = 'light'): StylesheetJson {
  const p = CANVAS_PALETTES[scheme];
  const roleRules: StylesheetJson = NODE_ROLES.map((role) => ({
    selector: `node[role = "${role}"]`,
    style: {
      'background-color': roleColor(role, scheme),
      shape: ROLE_STYLES[role].shape as 'ellipse',
    },
  }));
  const trainer = nodeSize('trainer');
  const artifact = nodeSize('artifact');
  const label = {
    label: 'data(label)',
    color: p.ink,
    'font-family': LABEL.font,
    'text-wrap': 'ellipsis',
  } as const;
  return [
    // Manual z-order mixes nodes and edges, so the veil (z 5) can sit between faded (nodes z 1,
    // edges z 0) and lit (z 10+) elements; nodes are drawn above the edges of their level.
    { selector: 'node, edge', style: { 'z-index-compare': 'manual' } },
    {
      selector: 'node',
      style: {
        width: nodeSize('other').w,
        height: nodeSize('other').h,
        'border-width': 1,
        'border-color': p.ink,
        'z-index': 1,
      },
    },
    ...roleRules,
    { selector: 'node[role = "trainer"]', style: { width: trainer.w, height: trainer.h } },
    {
      selector: 'node[kind = "artifact"]',
      style: { width: artifact.w, height: artifact.h, 'border-width': 0.5 },
    },
    {
      selector: 'node[?shown][kind = "execution"]',
      style: {
        ...label,
        'font-size': LABEL.execution.fontSize,
        'text-valign': 'bottom',
        'text-margin-y': LABEL.execution.gap,
        'text-max-width': `${LABEL.execution.maxWidth}px`,
        // Drawn when font-size x zoom >= 9: executions from zoom 1.
        'min-zoomed-font-size': 9,
      },
    },
    {
      selector: 'node[?shown][kind = "artifact"]',
      style: {
        ...label,
        'font-size': LABEL.artifact.fontSize,
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': LABEL.artifact.gap,
        'text-max-width': `${LABEL.artifact.maxWidth}px`,
        // Artifacts from zoom 1.5.
        'min-zoomed-font-size': 9,
      },
    },
    {
      selector: 'node[state = "cached"]',
      style: { 'border-width': 2.5, 'border-style': 'dotted' },
    },
    {
      selector: 'node[state = "running"], node[state = "new"]',
      style: { 'border-width': 2.5, 'border-style': 'dashed' },
    },
    {
      selector: 'node[state = "failed"]',
      style: { 'border-width': 4, 'border-style': 'double', 'border-color': p.failed },
    },
    {
      selector: 'node[state = "canceled"]',
      style: { 'border-width': 3, 'background-opacity': 0.4 },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'haystack',
        'haystack-radius': 0,
        width: 1,
        'line-color': p.edge,
        'z-index': 0,
        // Edges take no pointer events: the pointer always finds the node under it, even below
        // a lit edge (Cytoscape's hit test otherwise takes the topmost element within 8 px).
        events: 'no',
      },
    },
    { selector: 'edge[kind = "reuse"]', style: { 'line-style': 'dashed' } },
    {
      selector: 'node.lit',
      style: { 'outline-width': 2, 'outline-color': p.ink, 'outline-offset': 1, 'z-index': 11 },
    },
    { selector: 'edge.lit', style: { 'line-color': p.litEdge, width: 1.6, 'z-index': 10 } },
    {
      selector: 'node.upstream',
      style: {
        'outline-width': 3,
        'outline-color': p.upstream,
        'outline-offset': 1,
        'z-index': 11,
      },
    },
    {
      selector: 'node.downstream',
      style: {
        'outline-width': 3,
        'outline-color': p.downstream,
        'outline-style': 'dashed',
        'outline-offset': 1,
        'z-index': 11,
      },
    },
    { selector: 'edge.upstream', style: { 'line-color': p.upstream, width: 2, 'z-index': 10 } },
    {
      selector: 'edge.downstream',
      style: { 'line-color': p.downstream, width: 2, 'z-index': 10 },
    },
    {
      selector: 'node.hovered, node.chosen',
      style: {
        ...label,
        'font-size': LABEL.execution.fontSize,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-x': 0,
        'text-margin-y': LABEL.execution.gap,
        'text-max-width': '160px',
        'text-background-color': p.background,
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'node.hovered',
      style: { 'outline-width': 4, 'outline-color': p.hovered, 'outline-offset': 1, 'z-index': 20 },
    },
    {
      selector: 'node.chosen',
      style: {
        'underlay-color': p.chosen,
        'underlay-opacity': 1,
        'underlay-padding': 5,
        'z-index': 30,
      },
    },
    {
      selector: `node[kind = "${VEIL_KIND}"]`,
      style: {
        shape: 'rectangle',
        width: 'data(w)',
        height: 'data(h)',
        'background-color': p.background,
        'background-opacity': 0.86,
        'border-width': 0,
        'z-index': 5,
        events: 'no',
        label: '',
      },
    },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}
