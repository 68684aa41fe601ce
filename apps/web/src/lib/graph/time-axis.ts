/**
 * The time axis of the trace canvas. The server lays executions out by start-time rank, so x is
 * monotone in time but not linear: an axis maps x to the start of the latest execution at or
 * left of it (a step function) and labels ticks at even screen spacing with those times.
 */
import type { TraceModel } from './trace-model.ts';

/** Execution x positions (ascending) and their start times, for executions with a time. */
export interface TimeScale {
  readonly xs: Float64Array;
  readonly times: Float64Array;
}

/** The x -> time steps of a model: executions with a recorded start, by x. */
export function timeScale(model: TraceModel): TimeScale {
  const points: [number, number][] = [];
  for (const node of model.nodes) {
    if (node.kind === 'execution' && node.timeMs !== undefined) points.push([node.x, node.timeMs]);
  }
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    xs: Float64Array.from(points, (p) => p[0]),
    times: Float64Array.from(points, (p) => p[1]),
  };
}

/** The time at model x: the latest execution start at or left of x (the first one before it). */
export function timeAt(scale: TimeScale, x: number): number | undefined {
  const { xs, times } = scale;
  if (xs.length === 0) return undefined;
  let lo = 0;
  let hi = xs.length - 1;
  if (x < xs[0]!) return times[0];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return times[lo];
}

interface AxisTick {
  /** Screen x in px from the canvas's left edge. */
  readonly px: number;
  readonly label: string;
}

export interface AxisWindow {
  readonly ticks: readonly AxisTick[];
  /** The times at the window's left and right edges, as text. */
  readonly from: string;
  readonly to: string;
}

const DAY = 86_400_000;

/** `YYYY-MM-DD` or, for windows under two days, `MM-DD HH:MM` (UTC). */
function format(ms: number, spanMs: number): string {
  const iso = new Date(ms).toISOString();
  return spanMs < 2 * DAY ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

/**
 * Ticks every ~`spacing` px across a canvas `width` px wide showing model x from `x1` to `x2`;
 * undefined when the trace records no execution times.
 */
export function axisWindow(
  scale: TimeScale,
  x1: number,
  x2: number,
  width: number,
  spacing = 140,
): AxisWindow | undefined {
  const start = timeAt(scale, x1);
  const end = timeAt(scale, x2);
  if (start === undefined || end === undefined) return undefined;
  const span = Math.max(0, end - start);
  const count = Math.max(1, Math.floor(width / spacing));
  const ticks: AxisTick[] = [];
  let last = '';
  for (let k = 0; k <= count; k++) {
    const px = (k / count) * width;
    const t = timeAt(scale, x1 + ((x2 - x1) * px) / width)!;
    const label = format(t, span);
    if (label === last) continue;
    last = label;
    ticks.push({ px, label });
  }
  return { ticks, from: format(start, span), to: format(end, span) };
}
