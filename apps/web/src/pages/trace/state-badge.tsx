/** An execution's state in words with the mark the canvas draws for it. */
import { STATE_MARKS } from '../../lib/graph/cy-style.ts';
import { StateSwatch } from './state-legend.tsx';

/** E.g. "[swatch] Failed (red double border)"; unrecorded states say so. */
export function StateBadge({ state }: { readonly state: string }) {
  const mark = STATE_MARKS.find((m) => (m.states as readonly string[]).includes(state));
  const words =
    state === 'unknown'
      ? 'Not recorded (the store predates execution states)'
      : (mark?.label ?? state);
  return (
    <span className={`state-badge state-${state}`}>
      <StateSwatch state={state} /> {words}
      {mark !== undefined && state !== 'unknown' && <span className="muted"> · {mark.mark}</span>}
    </span>
  );
}
