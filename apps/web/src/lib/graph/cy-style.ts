/** The Cytoscape stylesheet of trace and graphlet canvases: role colours and shapes, highlight classes. */
import type { StylesheetJson } from 'cytoscape';
import { NODE_ROLES, ROLE_STYLES } from '../roles.ts';

/** The stylesheet; `labels` false hides labels entirely (very large graphs). */
export function cyStyle(): StylesheetJson {
  const roleRules: StylesheetJson = NODE_ROLES.map((role) => ({
    selector: `node[role = "${role}"]`,
    style: {
      'background-color': ROLE_STYLES[role].color,
      shape: ROLE_STYLES[role].shape as 'ellipse',
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        width: 22,
        height: 22,
        'border-width': 1,
        'border-color': '#3a3f45',
        label: 'data(label)',
        'font-size': 9,
        color: '#1d232b',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        // Labels only when zoomed in: drawn when font-size x zoom >= 9.
        'min-zoomed-font-size': 9,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.7,
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
    { selector: 'node.faded', style: { opacity: 0.15 } },
    { selector: 'edge.faded', style: { opacity: 0.08 } },
    {
      selector: 'node.lit',
      style: { 'border-width': 2, 'border-color': '#1d232b', 'z-index': 10 },
    },
    { selector: 'edge.lit', style: { 'line-color': '#4d5660', width: 1.6 } },
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
    { selector: 'edge.upstream', style: { 'line-color': '#0072B2', width: 2 } },
    { selector: 'edge.downstream', style: { 'line-color': '#D55E00', width: 2 } },
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
    { selector: '.hidden', style: { display: 'none' } },
  ];
}
