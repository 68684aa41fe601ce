/**
 * Drawn node sizes and label metrics, shared by the stylesheet, the label placement and the
 * viewport maths so that all three agree on where a node and its label are.
 */
import type { NodeRole } from '../roles.ts';

/** Width and height of a drawn node by role (model units). */
export function nodeSize(role: NodeRole): { readonly w: number; readonly h: number } {
  if (role === 'trainer') return TRAINER;
  if (role === 'artifact') return ARTIFACT;
  return EXECUTION;
}

const EXECUTION = { w: 22, h: 22 } as const;
const TRAINER = { w: 30, h: 26 } as const;
const ARTIFACT = { w: 9, h: 9 } as const;

/** Half the largest node (trainers are 30 wide), so boxes of node centres hold whole nodes. */
export const NODE_MARGIN = 15;

/** Label metrics: executions below the node, artifacts to its right, in a smaller font. */
export const LABEL = {
  font: '"Helvetica Neue", Helvetica, sans-serif',
  execution: { fontSize: 9, maxWidth: 56, gap: 2 },
  artifact: { fontSize: 6, maxWidth: 60, gap: 2 },
  /** Line box height per font pixel. */
  lineHeight: 1.3,
} as const;
