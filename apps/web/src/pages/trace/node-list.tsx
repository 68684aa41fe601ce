/**
 * The list view of the trace's nodes: the same filters and highlights as the canvas, narrowed by
 * the search box, highlighted nodes first. Virtualised (@tanstack/react-virtual): only the rows in
 * view are in the DOM, so every one of thousands of rows is reachable by scrolling.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { ColorScheme } from '../../lib/graph/canvas-palette.ts';
import { FADED } from '../../lib/graph/highlight.ts';
import { nodeMatches } from '../../lib/graph/search-nodes.ts';
import type { TraceModel } from '../../lib/graph/trace-model.ts';
import { countOf } from '../../lib/plural.ts';
import { ROLE_STYLES, roleColor } from '../../lib/roles.ts';

export interface NodeListProps {
  readonly model: TraceModel;
  readonly visible: Uint8Array;
  readonly states: Uint8Array;
  /** The search box's text: rows are narrowed to matching nodes. */
  readonly query: string;
  readonly chosenNode: string | undefined;
  readonly scheme: ColorScheme;
  readonly onSelect: (nodeId: string) => void;
}

const ROW_HEIGHT = 35;

/** The rows: visible nodes matching the query, highlighted ones first, in model order. */
function listRows(
  model: TraceModel,
  visible: Uint8Array,
  states: Uint8Array,
  query: string,
): number[] {
  const q = query.trim().toLowerCase();
  const rows: number[] = [];
  for (const highlightedFirst of [true, false]) {
    for (let i = 0; i < model.nodes.length; i++) {
      if (visible[i] === 0 || (states[i] !== FADED) !== highlightedFirst) continue;
      if (nodeMatches(model, i, q)) rows.push(i);
    }
  }
  return rows;
}

/** A virtualised table of the rows. */
export function NodeList(props: NodeListProps) {
  const { model, visible, states, query, chosenNode, scheme, onSelect } = props;
  const rows = useMemo(
    () => listRows(model, visible, states, query),
    [model, visible, states, query],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  const trimmed = query.trim();
  return (
    <div className="canvas-wrap node-list" ref={scroller} data-testid="node-list" tabIndex={-1}>
      <table className="data" aria-rowcount={rows.length + 1}>
        <caption className="list-caption">
          {countOf(rows.length, 'node')}
          {trimmed === '' ? '' : ` matching “${trimmed}”`}
          {rows.length === 0 ? '. Clear the search or the filters to see more.' : ''}
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Label</th>
            <th scope="col">Id</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Graphlets
            </th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr style={{ height: before }} />}
          {items.map((item) => {
            const i = rows[item.index]!;
            const node = model.nodes[i]!;
            const role = model.roles[i]!;
            const faded = states[i] === FADED;
            return (
              <tr
                key={node.id}
                ref={virtual.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-selected={node.id === chosenNode}
                className={`${faded ? 'faded' : ''}${node.id === chosenNode ? ' chosen' : ''}`}
                style={{ height: ROW_HEIGHT }}
              >
                <td>
                  <button type="button" className="link" onClick={() => onSelect(node.id)}>
                    {model.labels[i]}
                  </button>
                </td>
                <td className="mono">{node.id}</td>
                <td>
                  <span
                    className="glyph"
                    style={{ color: roleColor(role, scheme) }}
                    aria-hidden="true"
                  >
                    {ROLE_STYLES[role].glyph}
                  </span>{' '}
                  {ROLE_STYLES[role].label}
                </td>
                <td>{node.kind === 'execution' ? (node.state ?? '–') : ''}</td>
                <td className="mono">{node.type}</td>
                <td className="num">{node.graphlets.length}</td>
              </tr>
            );
          })}
          {after > 0 && <tr style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}
