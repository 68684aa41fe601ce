/** The trace page's filter bar: search, time window, graphlet-only focus, graph/list view. */
import type { TraceModel } from '../../lib/graph/trace-model.ts';
import type { TraceSearch } from '../../lib/url-state.ts';
import { NodeSearch } from './node-search.tsx';

export interface TraceFiltersProps {
  readonly model: TraceModel;
  readonly search: TraceSearch;
  readonly canDraw: boolean;
  readonly onChange: (patch: Partial<TraceSearch>, replace?: boolean) => void;
  readonly onJump: (nodeId: string) => void;
}

/** Search box, date window, focus and view toggles, all bound to the URL. */
export function TraceFilters({ model, search, canDraw, onChange, onJump }: TraceFiltersProps) {
  return (
    <div className="toolbar">
      <NodeSearch
        model={model}
        query={search.q}
        onQuery={(q) => onChange({ q }, true)}
        onJump={onJump}
      />
      <label>
        From
        <input
          type="date"
          value={search.from ?? ''}
          onChange={(e) => onChange({ from: e.target.value || undefined })}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={search.to ?? ''}
          onChange={(e) => onChange({ to: e.target.value || undefined })}
        />
      </label>
      <button
        type="button"
        aria-pressed={search.focus}
        disabled={search.g === undefined}
        title={
          search.g === undefined ? 'Select a graphlet first' : 'Show only the selected graphlet'
        }
        onClick={() => onChange({ focus: !search.focus })}
      >
        Graphlet only
      </button>
      <fieldset className="toolbar" style={{ border: 'none', margin: 0, padding: 0 }}>
        <legend className="visually-hidden">View</legend>
        <button
          type="button"
          aria-pressed={search.view === 'graph'}
          disabled={!canDraw}
          onClick={() => onChange({ view: 'graph' })}
        >
          Graph
        </button>
        <button
          type="button"
          aria-pressed={search.view === 'list'}
          onClick={() => onChange({ view: 'list' })}
        >
          List
        </button>
      </fieldset>
    </div>
  );
}
