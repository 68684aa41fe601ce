/** The ELK input for a graphlet (layered, left to right) and the positions read back from ELK's answer. */
import type { ElkNode } from 'elkjs/lib/elk-api.js';

/** Node centre positions by node id. */
export type Positions = Record<string, { x: number; y: number }>;

interface LayoutNode {
  readonly id: string;
  readonly kind: 'execution' | 'artifact';
}
interface LayoutEdge {
  readonly source: string;
  readonly target: string;
}

/** A layered, left-to-right ELK graph; edges to unknown nodes are skipped. */
export function elkGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): ElkNode {
  const ids = new Set(nodes.map((n) => n.id));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '14',
      'elk.edgeRouting': 'POLYLINE',
    },
    children: nodes.map((n) => {
      const size = n.kind === 'execution' ? 30 : 12;
      return { id: n.id, width: size, height: size };
    }),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  };
}

/** Centre positions of the laid-out children (ELK reports top-left corners). */
export function elkPositions(result: ElkNode): Positions {
  const out: Positions = {};
  for (const child of result.children ?? []) {
    out[child.id] = {
      x: (child.x ?? 0) + (child.width ?? 0) / 2,
      y: (child.y ?? 0) + (child.height ?? 0) / 2,
    };
  }
  return out;
}
