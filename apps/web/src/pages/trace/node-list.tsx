/** The list view of the trace's nodes (the same filters and highlights as the canvas). */
import { nodeLabel } from '../../lib/graph/build-elements.ts';
import { FADED, stateClass } from '../../lib/graph/highlight.ts';
import type { TraceModel } from '../../lib/graph/trace-model.ts';
import { ROLE_STYLES } from '../../lib/roles.ts';

/** Rows drawn at most; the rest is reachable through search and filters. */
const MAX_ROWS = 500;

export interface NodeListProps {
  readonly model: TraceModel;
  readonly visible: Uint8Array;
  readonly states: Uint8Array;
  readonly chosenNode: string | undefined;
  readonly onSelect: (nodeId: string) => void;
}

/** A table of visible nodes, highlighted first. */
export function NodeList({ model, visible, states, chosenNode, onSelect }: NodeListProps) {
  const rows: number[] = [];
  let total = 0;
  for (const highlightedFirst of [true, false]) {
    for (let i = 0; i < model.nodes.length; i++) {
      if (visible[i] === 0 || (states[i] !== FADED) !== highlightedFirst) continue;
      if (rows.length < MAX_ROWS) rows.push(i);
    }
  }
  for (let i = 0; i < model.nodes.length; i++) total += visible[i]!;
  return (
    <div className="canvas-wrap" style={{ overflow: 'auto' }}>
      <table className="data">
        <caption className="visually-hidden">Nodes of the trace</caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Graphlets
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => {
            const node = model.nodes[i]!;
            const style = ROLE_STYLES[model.roles[i]!];
            const state = stateClass(states[i]!);
            return (
              <tr
                key={node.id}
                aria-selected={node.id === chosenNode}
                style={{
                  opacity: state === 'faded' ? 0.45 : 1,
                  background: node.id === chosenNode ? '#fff2d6' : undefined,
                }}
              >
                <td>
                  <button type="button" className="link mono" onClick={() => onSelect(node.id)}>
                    {node.id}
                  </button>
                </td>
                <td>{nodeLabel(node)}</td>
                <td>
                  <span className="glyph" style={{ color: style.color }} aria-hidden="true">
                    {style.glyph}
                  </span>{' '}
                  {style.label}
                </td>
                <td className="mono">{node.type}</td>
                <td className="num">{node.graphlets.length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {total > rows.length && (
        <p className="muted" style={{ padding: '0 10px' }}>
          Showing {rows.length} of {total} nodes; search or filter to find the rest.
        </p>
      )}
    </div>
  );
}
