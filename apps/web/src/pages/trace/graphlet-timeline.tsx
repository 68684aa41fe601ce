/** The trace's graphlets in time order; pushed ones solid blue, unpushed ones hatched and dashed. */
import type { GraphletSummary } from '../../api/schemas.ts';
import { formatTime } from '../../lib/format.ts';

export interface GraphletTimelineProps {
  readonly graphlets: readonly GraphletSummary[];
  readonly selected: string | undefined;
  readonly onSelect: (trainer: string | undefined) => void;
}

/** One button per graphlet; the selected one is pressed. */
export function GraphletTimeline({ graphlets, selected, onSelect }: GraphletTimelineProps) {
  if (graphlets.length === 0) {
    return <p className="muted timeline">This trace has no model graphlets (no trainer ran).</p>;
  }
  return (
    <div className="timeline" role="toolbar" aria-label="Graphlets in time order">
      {graphlets.map((g) => {
        const key = String(g.trainer);
        const pressed = key === selected;
        const status = g.pushed ? 'pushed' : 'not pushed';
        return (
          <button
            key={key}
            type="button"
            className={g.pushed ? 'pushed' : 'unpushed'}
            aria-pressed={pressed}
            aria-label={`Graphlet ${g.index + 1}, trainer ${key}, ${status}`}
            title={`#${g.index + 1} · trainer ${key} · ${status} · ${formatTime(g.startMs)}`}
            onClick={() => onSelect(pressed ? undefined : key)}
          >
            {g.pushed ? '▲' : '✕'}
          </button>
        );
      })}
    </div>
  );
}
