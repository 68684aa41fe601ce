/** The legend of execution state marks: a swatch drawn with each border style, and its meaning. */
import { STATE_MARKS } from '../../lib/graph/cy-style.ts';

const DASH: Record<string, string | undefined> = {
  cached: '1.5 2',
  running: '4 2.5',
};

/** One swatch per state mark, as on the canvas. */
export function StateSwatch({ state }: { readonly state: string }) {
  const failed = state === 'failed';
  const canceled = state === 'canceled';
  const width = failed
    ? 1.3
    : canceled
      ? 3
      : state === 'cached' || state === 'running' || state === 'new'
        ? 2.5
        : 1;
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      className={`state-swatch state-${state}`}
    >
      <rect
        x="3"
        y="3"
        width="10"
        height="10"
        rx="2"
        className="swatch-fill"
        fillOpacity={canceled ? 0.4 : 1}
        strokeWidth={width}
        strokeDasharray={DASH[state === 'new' ? 'running' : state]}
      />
      {failed && <rect x="5.6" y="5.6" width="4.8" height="4.8" rx="1" className="swatch-inner" />}
    </svg>
  );
}

/** The legend of execution states, as a short list. */
export function StateLegend() {
  return (
    <>
      <h3>Execution states</h3>
      <ul className="state-legend">
        {STATE_MARKS.map((m) => (
          <li key={m.label}>
            <StateSwatch state={m.states[0]} /> {m.label} <span className="muted">({m.mark})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
