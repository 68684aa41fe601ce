/** The time axis along the top of the trace canvas: dates under x, and the visible window's span. */
import type { Core } from 'cytoscape';
import { useMemo } from 'react';
import { axisWindow, timeScale } from '../../lib/graph/time-axis.ts';
import type { TraceModel } from '../../lib/graph/trace-model.ts';
import { useViewportExtent } from './use-viewport-extent.ts';

export interface TimeAxisProps {
  readonly cy: Core;
  readonly model: TraceModel;
}

/** Tick labels at the execution starts under them; nothing when the trace records no times. */
export function TimeAxis({ cy, model }: TimeAxisProps) {
  const scale = useMemo(() => timeScale(model), [model]);
  const extent = useViewportExtent(cy);
  const axis = axisWindow(scale, extent.x1, extent.x2, extent.width);
  if (axis === undefined) return null;
  return (
    <div className="time-axis" data-testid="time-axis">
      <p className="time-window" data-testid="time-window">
        <span className="visually-hidden">Visible time window: </span>
        {axis.from} → {axis.to}
        <span className="muted"> · x is start order</span>
      </p>
      <div className="time-ticks" aria-hidden="true">
        {axis.ticks.map((t) => (
          <span key={t.px} style={{ left: t.px }}>
            {t.label}
          </span>
        ))}
      </div>
    </div>
  );
}
