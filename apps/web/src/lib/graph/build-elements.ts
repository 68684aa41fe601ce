/** Cytoscape element definitions from a trace model: preset positions, role in data, ids as the server's. */
import type { ElementDefinition } from 'cytoscape';
import type { TraceModel } from './trace-model.ts';

/** Above this many elements (nodes + edges) the canvas is not drawn; the list view is shown instead. */
const MAX_DRAWN_ELEMENTS = 20_000;

/**
 * The node and edge definitions of a trace model for Cytoscape's preset layout (server x,y unless
 * `positions`). `shown` marks the nodes whose label is drawn (see label-placement.ts).
 */
export function buildElements(
  model: TraceModel,
  shown: Uint8Array,
  positions?: Readonly<Record<string, { x: number; y: number }>>,
): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  model.nodes.forEach((node, i) => {
    out.push({
      group: 'nodes',
      data: {
        id: node.id,
        label: model.labels[i],
        shown: shown[i] === 1,
        role: model.roles[i],
        kind: node.kind,
        state: node.state,
      },
      position: positions?.[node.id] ?? { x: node.x, y: node.y },
    });
  });
  for (let e = 0; e < model.edgeSource.length; e++) {
    const source = model.nodes[model.edgeSource[e]!]!.id;
    const target = model.nodes[model.edgeTarget[e]!]!.id;
    const kind = model.edgeReuse[e] === 1 ? 'reuse' : 'flow';
    out.push({ group: 'edges', data: { id: `edge${e}`, source, target, kind } });
  }
  return out;
}

/** True when a graph is too large to draw fluidly. */
export function tooLargeToDraw(model: TraceModel): boolean {
  return model.nodes.length + model.edgeSource.length > MAX_DRAWN_ELEMENTS;
}
