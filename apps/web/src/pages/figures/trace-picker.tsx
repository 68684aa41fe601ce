/** A multi-select of the corpus's traces that scopes the statistics (the selection lives in the URL). */
import { memo, useId, useMemo, useState } from 'react';
import type { TraceSummary } from '../../api/schemas.ts';
import { countOf } from '../../lib/plural.ts';

export interface TracePickerProps {
  readonly traces: readonly TraceSummary[];
  /** Selected ids; empty means every trace. */
  readonly selected: readonly string[];
  readonly onChange: (ids: string[]) => void;
}

/** A disclosure with a filter box and a checkbox per trace. */
export const TracePicker = memo(function TracePicker({
  traces,
  selected,
  onChange,
}: TracePickerProps) {
  const [filter, setFilter] = useState('');
  const listId = useId();
  const chosen = useMemo(() => new Set(selected), [selected]);
  const visible = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q === ''
      ? traces
      : traces.filter(
          (t) => t.pipeline.toLowerCase().includes(q) || t.sourceName.toLowerCase().includes(q),
        );
  }, [traces, filter]);
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange([...next].sort());
  };
  const summary =
    selected.length === 0
      ? `All ${countOf(traces.length, 'trace')}`
      : `${selected.length} of ${countOf(traces.length, 'trace')}`;
  return (
    <details className="trace-picker">
      <summary>
        Traces: <strong>{summary}</strong>
      </summary>
      <div className="trace-picker-body">
        <div className="toolbar">
          <label>
            Filter
            <input
              type="search"
              value={filter}
              placeholder="pipeline or source"
              aria-controls={listId}
              onChange={(e) => setFilter(e.target.value)}
            />
          </label>
          <button type="button" onClick={() => onChange([])} disabled={selected.length === 0}>
            Whole corpus
          </button>
          <button
            type="button"
            onClick={() =>
              onChange([...new Set([...selected, ...visible.map((t) => t.id)])].sort())
            }
            disabled={visible.length === 0}
          >
            Select shown
          </button>
        </div>
        <fieldset id={listId} className="trace-picker-list">
          <legend className="visually-hidden">Traces to include</legend>
          {visible.length === 0 && <p className="muted">No trace matches.</p>}
          {visible.map((t) => (
            <label key={t.id}>
              <input type="checkbox" checked={chosen.has(t.id)} onChange={() => toggle(t.id)} />
              <span>{t.pipeline}</span>
              <span className="muted">
                {t.sourceName} · {countOf(t.graphlets, 'graphlet')}
              </span>
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
});
