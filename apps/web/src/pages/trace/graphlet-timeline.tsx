/** The trace's graphlets in time order; pushed ones solid blue, unpushed ones hatched and dashed. */
import { useEffect, useRef } from 'react';
import type { GraphletSummary } from '../../api/schemas.ts';
import { formatTime } from '../../lib/format.ts';

export interface GraphletTimelineProps {
  readonly graphlets: readonly GraphletSummary[];
  readonly selected: string | undefined;
  readonly onSelect: (trainer: string | undefined) => void;
  /** Trainer ids a waste model would skip (marked ⊘). */
  readonly skipped?: ReadonlySet<string>;
}

/** One button per graphlet; the selected one is pressed. */
export function GraphletTimeline({
  graphlets,
  selected,
  onSelect,
  skipped,
}: GraphletTimelineProps) {
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected === undefined) return;
    const element = strip.current;
    const button = element?.querySelector<HTMLElement>(`[data-trainer="${CSS.escape(selected)}"]`);
    if (element === null || element === undefined || button === null || button === undefined)
      return;
    // Scroll the strip only (scrollIntoView would also scroll the page).
    const left = button.offsetLeft - element.offsetLeft;
    if (
      left < element.scrollLeft ||
      left + button.offsetWidth > element.scrollLeft + element.clientWidth
    ) {
      element.scrollLeft = left - element.clientWidth / 2;
    }
  }, [selected]);
  if (graphlets.length === 0) {
    return <p className="muted timeline">This trace has no model graphlets (no trainer ran).</p>;
  }
  return (
    <div ref={strip} className="timeline" role="toolbar" aria-label="Graphlets in time order">
      {graphlets.map((g) => {
        const key = String(g.trainer);
        const pressed = key === selected;
        const skip = skipped?.has(key) === true;
        const status = `${g.pushed ? 'pushed' : 'not pushed'}${skip ? ', would be skipped' : ''}`;
        return (
          <button
            key={key}
            data-trainer={key}
            type="button"
            className={`${g.pushed ? 'pushed' : 'unpushed'}${skip ? ' skipped' : ''}`}
            data-skipped={skip || undefined}
            aria-pressed={pressed}
            aria-label={`Graphlet ${g.index + 1}, trainer ${key}, ${status}`}
            title={`#${g.index + 1} · trainer ${key} · ${status} · ${formatTime(g.startMs)}`}
            onClick={() => onSelect(pressed ? undefined : key)}
          >
            {skip && <span className="skip-glyph">⊘</span>}
            {g.pushed ? '▲' : '✕'}
          </button>
        );
      })}
    </div>
  );
}
