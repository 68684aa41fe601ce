/**
 * The trace's graphlets in time order; pushed ones solid blue, unpushed ones hatched and dashed.
 * One tab stop (roving tabindex): Tab enters at the selected graphlet, the arrow keys, Home and
 * End move and select inside, Tab leaves.
 */
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { GraphletSummary } from '../../api/schemas.ts';
import { formatTime } from '../../lib/format.ts';

export interface GraphletTimelineProps {
  readonly graphlets: readonly GraphletSummary[];
  readonly selected: string | undefined;
  readonly onSelect: (trainer: string | undefined) => void;
  /** Trainer ids a waste model would skip (marked ⊘). */
  readonly skipped?: ReadonlySet<string>;
}

const STEP: Record<string, number | 'first' | 'last' | undefined> = {
  ArrowLeft: -1,
  ArrowUp: -1,
  ArrowRight: 1,
  ArrowDown: 1,
  Home: 'first',
  End: 'last',
};

/** One button per graphlet; the selected one is pressed and is the strip's tab stop. */
export function GraphletTimeline({
  graphlets,
  selected,
  onSelect,
  skipped,
}: GraphletTimelineProps) {
  const strip = useRef<HTMLDivElement>(null);
  /** Set by a key inside the strip: the newly selected button takes the focus. */
  const follow = useRef(false);
  useEffect(() => {
    if (selected === undefined) return;
    const element = strip.current;
    const button = element?.querySelector<HTMLElement>(`[data-trainer="${CSS.escape(selected)}"]`);
    if (element === null || element === undefined || button === null || button === undefined)
      return;
    if (follow.current) {
      follow.current = false;
      button.focus({ preventScroll: true });
    }
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
  const keys = graphlets.map((g) => String(g.trainer));
  const stop = selected !== undefined && keys.includes(selected) ? selected : keys[0];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = STEP[event.key];
    if (step === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const at = stop === undefined ? 0 : keys.indexOf(stop);
    const next =
      step === 'first'
        ? 0
        : step === 'last'
          ? keys.length - 1
          : Math.min(keys.length - 1, Math.max(0, at + (selected === undefined ? 0 : step)));
    follow.current = true;
    onSelect(keys[next]);
  };
  return (
    <div
      ref={strip}
      className="timeline"
      role="toolbar"
      aria-label="Graphlets in time order"
      onKeyDown={onKeyDown}
    >
      {graphlets.map((g) => {
        const key = String(g.trainer);
        const pressed = key === selected;
        const skip = skipped?.has(key) === true;
        const outcome = g.failed ? 'failed trainer' : g.pushed ? 'pushed' : 'not pushed';
        const status = `${outcome}${skip ? ', would be skipped' : ''}`;
        return (
          <button
            key={key}
            data-trainer={key}
            type="button"
            tabIndex={key === stop ? 0 : -1}
            className={`${g.failed ? 'failed' : g.pushed ? 'pushed' : 'unpushed'}${skip ? ' skipped' : ''}`}
            data-skipped={skip || undefined}
            aria-pressed={pressed}
            aria-label={`Graphlet ${g.index + 1}, trainer ${key}, ${status}`}
            title={`#${g.index + 1} · trainer ${key} · ${status} · ${formatTime(g.startMs)}`}
            onClick={() => onSelect(pressed ? undefined : key)}
          >
            {skip && <span className="skip-glyph">⊘</span>}
            {g.failed ? '⚠' : g.pushed ? '▲' : '✕'}
          </button>
        );
      })}
    </div>
  );
}
