/** The Cytoscape stylesheet of trace and graphlet canvases: role colours and shapes, highlight classes. */
import type { StylesheetJson } from 'cytoscape';
import { NODE_ROLES, ROLE_STYLES } from '../roles.ts';

/** The `kind` of the veil node that fades the whole trace behind highlighted elements. */
export const VEIL_KIND = 'veil';

/**
 * The stylesheet. Kept small on purpose: Cytoscape pays per element per property at start-up, so
 * artifacts carry no label (shown on hover or selection) and defaults are not restated.
 */
export function cyStyle(): StylesheetJson {
  const roleRules: StylesheetJson = NODE_ROLES.map((role) => ({
    selector: `node[role = "${role}"]`,
    style: {
      'background-color': ROLE_STYLES[role].color,
      shape: ROLE_STYLES[role].shape as 'ellipse',
    },
  }));
  return [
    // Manual z-order mixes nodes and edges, so the veil (z 5) can sit between faded (z 0) and lit (z 10+).
    { selector: 'node, edge', style: { 'z-index-compare': 'manual' } },
    {
      selector: 'node',
      style: {
        width: 22,
        height: 22,
        'border-width': 1,
        'border-color': '#3a3f45',
      },
    },
    {
      selector: 'node[kind = "execution"], node.hovered, node.chosen',
      style: {
        label: 'data(label)',
        'font-size': 9,
        'text-valign': 'bottom',
        'text-wrap': 'ellipsis',
        'text-max-width': '90px',
        // Labels only when zoomed in: drawn when font-size x zoom >= 9.
        'min-zoomed-font-size': 9,
      },
    },
    ...roleRules,
    { selector: 'node[role = "trainer"]', style: { width: 30, height: 26 } },
    {
      selector: 'node[kind = "artifact"]',
      style: { width: 9, height: 9, 'border-width': 0.5, 'border-color': '#8c9399' },
    },
    {
      selector: 'edge',
      style: { 'curve-style': 'haystack', 'haystack-radius': 0, width: 1, 'line-color': '#b7bec5' },
    },
    { selector: 'edge[kind = "reuse"]', style: { 'line-style': 'dashed' } },
    {
      selector: 'node.lit',
      style: { 'border-width': 2, 'border-color': '#1d232b', 'z-index': 10 },
    },
    { selector: 'edge.lit', style: { 'line-color': '#4d5660', width: 1.6, 'z-index': 10 } },
    {
      selector: 'node.upstream',
      style: { 'border-width': 3, 'border-color': '#0072B2', 'z-index': 10 },
    },
    {
      selector: 'node.downstream',
      style: {
        'border-width': 3,
        'border-color': '#D55E00',
        'border-style': 'dashed',
        'z-index': 10,
      },
    },
    { selector: 'edge.upstream', style: { 'line-color': '#0072B2', width: 2, 'z-index': 10 } },
    { selector: 'edge.downstream', style: { 'line-color': '#D55E00', width: 2, 'z-index': 10 } },
    {
      selector: 'node.hovered',
      style: {
        'border-width': 4,
        'border-color': '#000000',
        'z-index': 20,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'node.chosen',
      style: {
        'overlay-color': '#E69F00',
        'overlay-opacity': 0.35,
        'overlay-padding': 6,
        'z-index': 30,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: `node[kind = "${VEIL_KIND}"]`,
      style: {
        shape: 'rectangle',
        width: 'data(size)',
        height: 'data(size)',
        'background-color': '#ffffff',
        'background-opacity': 0.86,
        'border-width': 0,
        'z-index': 5,
        events: 'no',
      },
    },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}
