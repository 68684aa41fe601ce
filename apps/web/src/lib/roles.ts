/** Node roles as the web app draws them: the core's operator roles plus `artifact`, with colours and shapes. */

import { ROLES } from '@graphlet/contract';

/** Every role a drawn node can have. */
export const NODE_ROLES = [...ROLES, 'artifact'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

export interface RoleStyle {
  readonly label: string;
  /**
   * Fill on the light canvas: the Okabe–Ito hue (distinguishable with the common colour-vision
   * deficiencies), darkened where needed to reach 3:1 against white (WCAG 1.4.11).
   */
  readonly color: string;
  /** Fill on the dark canvas: the Okabe–Ito hue, lightened where needed to reach 3:1. */
  readonly darkColor: string;
  /** Cytoscape node shape: the second signal besides colour. */
  readonly shape: string;
  /** A glyph for lists and the legend, matching the shape. */
  readonly glyph: string;
}

export const ROLE_STYLES: Readonly<Record<NodeRole, RoleStyle>> = {
  ingestion: {
    label: 'Ingestion',
    color: '#C17F00',
    darkColor: '#E69F00',
    shape: 'rhomboid',
    glyph: '▰',
  },
  data_validation: {
    label: 'Data validation',
    color: '#3D8FC6',
    darkColor: '#56B4E9',
    shape: 'diamond',
    glyph: '◆',
  },
  transform: {
    label: 'Transform',
    color: '#009E73',
    darkColor: '#009E73',
    shape: 'hexagon',
    glyph: '⬢',
  },
  tuner: { label: 'Tuner', color: '#9A8F00', darkColor: '#F0E442', shape: 'octagon', glyph: '⯃' },
  trainer: {
    label: 'Trainer',
    color: '#0072B2',
    darkColor: '#3F8FCB',
    shape: 'round-rectangle',
    glyph: '■',
  },
  model_validation: {
    label: 'Model validation',
    color: '#D55E00',
    darkColor: '#D55E00',
    shape: 'triangle',
    glyph: '▲',
  },
  deployment: {
    label: 'Deployment',
    color: '#B8649A',
    darkColor: '#CC79A7',
    shape: 'star',
    glyph: '★',
  },
  other: { label: 'Other', color: '#6B6B6B', darkColor: '#8A8A8A', shape: 'barrel', glyph: '▬' },
  artifact: {
    label: 'Artifact',
    color: '#8A8A8A',
    darkColor: '#B8B8B8',
    shape: 'ellipse',
    glyph: '●',
  },
};

/** A role's fill in a colour scheme. */
export function roleColor(role: NodeRole, scheme: 'light' | 'dark'): string {
  const style = ROLE_STYLES[role];
  return scheme === 'dark' ? style.darkColor : style.color;
}

/** The drawn role of a node: artifacts are `artifact`; unknown execution roles are `other`. */
export function nodeRole(
  kind: 'execution' | 'artifact',
  role: string | null | undefined,
): NodeRole {
  if (kind === 'artifact') return 'artifact';
  return (ROLES as readonly string[]).includes(role ?? '') ? (role as NodeRole) : 'other';
}
