/**
 * The thresholds a slider can stop at: the distinct thresholds of a Figure 10 curve in [0, 1],
 * ascending. Every threshold between two steps gives the same operating point as the step above
 * it, so the marker snaps up to the next step.
 */
/** A curve point as the server sends it. */
export interface CurveThreshold {
  readonly threshold: number;
}

/** Distinct thresholds within [0, 1], ascending (the "nothing runs" point above 1 is left out). */
export function thresholdSteps(curve: readonly CurveThreshold[]): Float64Array {
  const values = curve.map((p) => p.threshold).filter((t) => t >= 0 && t <= 1);
  values.sort((a, b) => a - b);
  const steps: number[] = [];
  for (const t of values) if (steps[steps.length - 1] !== t) steps.push(t);
  return Float64Array.from(steps);
}

/** How many of the ascending `values` are below `x` (the first index with values[i] >= x). */
export function countBelow(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the step `threshold` snaps to: the smallest step >= it (the last when above all). */
function snapIndex(steps: ArrayLike<number>, threshold: number): number {
  if (steps.length === 0) return -1;
  return Math.min(countBelow(steps, threshold), steps.length - 1);
}

/** The step `threshold` snaps to; itself when there are no steps. */
export function snapThreshold(steps: ArrayLike<number>, threshold: number): number {
  const i = snapIndex(steps, threshold);
  return i < 0 ? threshold : (steps[i] as number);
}

/** How a key moves the slider: by steps (±1 for arrows, ±page for PageUp/Down) or to an end. */
export type ThresholdMove = number | 'first' | 'last';

/** The threshold after moving from `threshold` (snapped first) by `move`, clamped to the steps. */
export function stepThreshold(
  steps: ArrayLike<number>,
  threshold: number,
  move: ThresholdMove,
): number {
  if (steps.length === 0) return threshold;
  const last = steps.length - 1;
  const from = snapIndex(steps, threshold);
  const to = move === 'first' ? 0 : move === 'last' ? last : from + move;
  return steps[Math.max(0, Math.min(last, to))] as number;
}

/** PageUp/PageDown move a tenth of the steps (at least 2). */
export function pageSize(stepCount: number): number {
  return Math.max(2, Math.round(stepCount / 10));
}

/** The move a key asks for, or undefined for other keys (up/right raise the threshold). */
export function keyMove(key: string, stepCount: number): ThresholdMove | undefined {
  switch (key) {
    case 'ArrowUp':
    case 'ArrowRight':
      return 1;
    case 'ArrowDown':
    case 'ArrowLeft':
      return -1;
    case 'PageUp':
      return pageSize(stepCount);
    case 'PageDown':
      return -pageSize(stepCount);
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return undefined;
  }
}

/**
 * The threshold shown before the user picks one: the highest step that keeps freshness at 99 % or
 * more (least waste at that freshness, as §5.3.2 reports), else the lowest step.
 */
export function defaultThreshold(
  curve: readonly (CurveThreshold & { readonly freshness: number })[],
): number {
  let best: number | undefined;
  let lowest: number | undefined;
  for (const p of curve) {
    if (p.threshold > 1 || p.threshold < 0) continue;
    if (lowest === undefined || p.threshold < lowest) lowest = p.threshold;
    if (p.freshness >= 0.99 && (best === undefined || p.threshold > best)) best = p.threshold;
  }
  return best ?? lowest ?? 0.5;
}
