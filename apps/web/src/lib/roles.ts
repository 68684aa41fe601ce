/** Node roles as the web app draws them: the core's operator roles plus `artifact`, with colours and shapes. */

import { ROLES } from '@graphlet/contract';

/** Every role a drawn node can have. */
export const NODE_ROLES = [...ROLES, 'artifact'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

export interface RoleStyle {
  readonly label: string;
  /** Okabe–Ito colour: distinguishable with the common colour-vision deficiencies. */
  readonly color: string;
  /** Cytoscape node shape: the second signal besides colour. */
  readonly shape: string;
  /** A glyph for lists and the legend, matching the shape. */
  readonly glyph: string;
}

export const ROLE_STYLES: Readonly<Record<NodeRole, RoleStyle>> = {
  ingestion: { label: 'Ingestion', color: '#E69F00', shape: 'rhomboid', glyph: '▰' },
  data_validation: { label: 'Data validation', color: '#56B4E9', shape: 'diamond', glyph: '◆' },
  transform: { label: 'Transform', color: '#009E73', shape: 'hexagon', glyph: '⬢' },
  tuner: { label: 'Tuner', color: '#F0E442', shape: 'octagon', glyph: '⯃' },
  trainer: { label: 'Trainer', color: '#0072B2', shape: 'round-rectangle', glyph: '■' },
  model_validation: { label: 'Model validation', color: '#D55E00', shape: 'triangle', glyph: '▲' },
  deployment: { label: 'Deployment', color: '#CC79A7', shape: 'star', glyph: '★' },
  other: { label: 'Other', color: '#6B6B6B', shape: 'barrel', glyph: '▬' },
  artifact: { label: 'Artifact', color: '#B8B8B8', shape: 'ellipse', glyph: '●' },
};

/** The drawn role of a node: artifacts are `artifact`; unknown execution roles are `other`. */
export function nodeRole(
  kind: 'execution' | 'artifact',
  role: string | null | undefined,
): NodeRole {
  if (kind === 'artifact') return 'artifact';
  return (ROLES as readonly string[]).includes(role ?? '') ? (role as NodeRole) : 'other';
}
