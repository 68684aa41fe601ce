/** The focused lineage view's bar: whose lineage, how many hops, what is shown and what is left out. */

import { formatNumber } from '../../lib/format.ts';
import type { LineageWindow } from '../../lib/graph/lineage-hops.ts';
import { countOf } from '../../lib/plural.ts';
import { MAX_HOPS } from '../../lib/url-state.ts';

export interface LineageBarProps {
  readonly nodeId: string;
  /** The node's label; undefined when the trace has no such node. */
  readonly label: string | undefined;
  readonly hops: number;
  readonly window: LineageWindow | undefined;
  /** Nodes of the window the filters hide as well. */
  readonly filteredOut: number;
  readonly onHops: (hops: number) => void;
  readonly onExit: () => void;
}

/** A status line with a hop stepper and an exit button. */
export function LineageBar(props: LineageBarProps) {
  const { nodeId, label, hops, window: w } = props;
  return (
    <section className="notice lineage-bar" aria-label="Lineage view" data-testid="lineage-bar">
      {w === undefined || label === undefined ? (
        <span>This trace has no node {nodeId}; showing the whole trace. </span>
      ) : (
        <>
          <span>
            Lineage of <strong>{label}</strong> <span className="mono">({nodeId})</span>:{' '}
          </span>
          <label>
            hops each way
            <input
              type="number"
              min={0}
              max={MAX_HOPS}
              value={hops}
              onChange={(e) => {
                const next = Number(e.target.value);
                if (Number.isInteger(next) && next >= 0 && next <= MAX_HOPS) props.onHops(next);
              }}
              style={{ width: '4em' }}
            />
          </label>
          <span role="status" data-testid="lineage-counts">
            {' '}
            showing {countOf(w.shown - props.filteredOut, 'node')}
            {props.filteredOut > 0
              ? ` (${formatNumber(props.filteredOut)} more hidden by filters)`
              : ''}
            . Left out: {formatNumber(w.upstreamBeyond)} upstream and{' '}
            {formatNumber(w.downstreamBeyond)} downstream beyond {countOf(hops, 'hop')},{' '}
            {formatNumber(w.unrelated)} not in its lineage.{' '}
          </span>
        </>
      )}
      <button type="button" onClick={props.onExit}>
        Exit lineage view
      </button>
    </section>
  );
}
