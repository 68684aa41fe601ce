/** Search nodes by label, name, type or id; choosing a result jumps to it. */
import { useMemo, useState } from 'react';
import { searchNodes } from '../../lib/graph/search-nodes.ts';
import type { TraceModel } from '../../lib/graph/trace-model.ts';

export interface NodeSearchProps {
  readonly model: TraceModel;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly onJump: (nodeId: string) => void;
}

/** A search box with a results list (Enter jumps to the first result). */
export function NodeSearch({ model, query, onQuery, onJump }: NodeSearchProps) {
  const [open, setOpen] = useState(false);
  const results = useMemo(() => searchNodes(model, query, 20), [model, query]);
  const jump = (index: number) => {
    const node = model.nodes[index];
    if (node === undefined) return;
    setOpen(false);
    onJump(node.id);
  };
  return (
    <search
      className="search-box"
      onBlur={(e) => {
        // Focus leaving the box and its results closes the results.
        if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <label>
        Find
        <input
          type="search"
          value={query}
          placeholder="label, type or id"
          aria-controls={open && query.trim() !== '' ? 'node-search-results' : undefined}
          onChange={(e) => {
            onQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && results[0] !== undefined) jump(results[0]);
            if (e.key === 'Escape') setOpen(false);
          }}
        />
      </label>
      {open && query.trim() !== '' && (
        <ul id="node-search-results" className="search-results" aria-label="Matching nodes">
          {results.length === 0 && (
            <li className="muted" style={{ padding: 8 }}>
              No node matches.
            </li>
          )}
          {results.map((i) => {
            const node = model.nodes[i]!;
            return (
              <li key={node.id}>
                <button type="button" onClick={() => jump(i)}>
                  {model.labels[i]} <span className="mono muted">{node.id}</span>{' '}
                  <span className="muted">{node.type}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </search>
  );
}
