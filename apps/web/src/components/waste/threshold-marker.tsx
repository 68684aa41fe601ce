/**
 * The draggable threshold marker on the selected curve, drawn inside a Recharts chart whose axes
 * both run 0..1: drag it along the curve with the mouse, or focus it (role="slider") and use the
 * arrow keys, PageUp/PageDown, Home and End to step through the distinct thresholds.
 */
import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { DefaultZIndexes, usePlotArea, ZIndexLayer } from 'recharts';
import {
  type CurvePoint,
  formatThreshold,
  nearestPointIndex,
} from '../../lib/waste/curve-series.ts';
import { keyMove, stepThreshold } from '../../lib/waste/threshold-steps.ts';

export interface ThresholdMarkerProps {
  /** The selected variant's curve (any order). */
  readonly points: readonly CurvePoint[];
  readonly steps: Float64Array;
  readonly threshold: number;
  /** Where the threshold lands on the curve. */
  readonly freshness: number;
  readonly waste: number;
  readonly color: string;
  readonly label: string;
  /** `dragging` is true while the mouse moves the marker (the URL is replaced, not pushed). */
  readonly onChange: (threshold: number, dragging: boolean) => void;
  readonly onDragEnd?: () => void;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Marker, guide lines and the slider semantics. */
export function ThresholdMarker({
  points,
  steps,
  threshold,
  freshness,
  waste,
  color,
  label,
  onChange,
  onDragEnd,
}: ThresholdMarkerProps) {
  const plot = usePlotArea();
  const dragging = useRef(false);
  if (plot === undefined) return null;
  const cx = plot.x + waste * plot.width;
  const cy = plot.y + (1 - freshness) * plot.height;

  const moveTo = (event: PointerEvent<SVGGElement>) => {
    const svg = event.currentTarget.ownerSVGElement;
    if (svg === null) return;
    const box = svg.getBoundingClientRect();
    const x = (event.clientX - box.left - plot.x) / plot.width;
    const y = 1 - (event.clientY - box.top - plot.y) / plot.height;
    const i = nearestPointIndex(points, x, y, plot.height / plot.width);
    const point = points[i];
    if (point !== undefined && point.threshold !== threshold) onChange(point.threshold, true);
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const move = keyMove(event.key, steps.length);
    if (move === undefined) return;
    event.preventDefault();
    // The chart's own keyboard layer would move its tooltip (and re-render the chart) otherwise.
    event.stopPropagation();
    const next = stepThreshold(steps, threshold, move);
    if (next !== threshold) onChange(next, false);
  };

  // Above the scatter symbols and their labels, so the marker gets the pointer first.
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.label + 100}>
      <g className="threshold-marker">
        <line
          x1={plot.x}
          x2={cx}
          y1={cy}
          y2={cy}
          stroke="var(--chart-axis)"
          strokeDasharray="2 3"
          pointerEvents="none"
        />
        <line
          x1={cx}
          x2={cx}
          y1={cy}
          y2={plot.y + plot.height}
          stroke="var(--chart-axis)"
          strokeDasharray="2 3"
          pointerEvents="none"
        />
        <g
          role="slider"
          tabIndex={0}
          aria-label={label}
          aria-valuemin={steps[0] ?? 0}
          aria-valuemax={steps[steps.length - 1] ?? 1}
          aria-valuenow={threshold}
          aria-valuetext={`threshold ${formatThreshold(threshold)}: freshness ${pct(freshness)}, waste still incurred ${pct(waste)}`}
          data-threshold={threshold}
          className="threshold-handle"
          onKeyDown={onKeyDown}
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture(event.pointerId);
            event.currentTarget.focus();
            dragging.current = true;
          }}
          onPointerMove={(event) => {
            if (dragging.current) moveTo(event);
          }}
          onPointerUp={(event) => {
            if (!dragging.current) return;
            dragging.current = false;
            event.currentTarget.releasePointerCapture(event.pointerId);
            onDragEnd?.();
          }}
        >
          <circle cx={cx} cy={cy} r={16} fill="transparent" />
          <circle cx={cx} cy={cy} r={8} fill="var(--panel)" stroke={color} strokeWidth={3} />
          <circle cx={cx} cy={cy} r={2.5} fill={color} />
          <text
            x={cx > plot.x + plot.width / 2 ? cx - 12 : cx + 12}
            y={cy + 20}
            textAnchor={cx > plot.x + plot.width / 2 ? 'end' : 'start'}
            className="threshold-label"
          >
            t = {formatThreshold(threshold)}
          </text>
        </g>
      </g>
    </ZIndexLayer>
  );
}
