/**
 * Figure 10's series: each variant's freshness-vs-waste curve as chart points (x = waste still
 * incurred, y = freshness), with its colour-blind-safe style, tooltips and the nearest point to a
 * pointer for dragging the threshold marker.
 */

import type { WasteVariant } from '@graphlet/core';
import type { TooltipText } from '../figures/tooltip-text.ts';

/** A curve point as the server sends it. */
export interface CurvePoint {
  readonly threshold: number;
  readonly freshness: number;
  readonly waste: number;
}

/** How a variant is drawn: Okabe–Ito colour, a dash pattern and a marker shape, never colour alone. */
export interface VariantStyle {
  readonly variant: WasteVariant;
  readonly color: string;
  readonly dash: string;
  readonly shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star' | 'wye';
}

export const VARIANT_STYLES: Readonly<Record<WasteVariant, VariantStyle>> = {
  'RF:Input': { variant: 'RF:Input', color: '#E69F00', dash: '2 3', shape: 'triangle' },
  'RF:Input+Pre': { variant: 'RF:Input+Pre', color: '#0072B2', dash: '', shape: 'circle' },
  'RF:Input+Pre+Trainer': {
    variant: 'RF:Input+Pre+Trainer',
    color: '#009E73',
    dash: '8 3',
    shape: 'square',
  },
  'RF:Validation': {
    variant: 'RF:Validation',
    color: '#D55E00',
    dash: '4 2 1 2',
    shape: 'diamond',
  },
  'RF:History': { variant: 'RF:History', color: '#CC79A7', dash: '1 3', shape: 'star' },
  'RF:Shape': { variant: 'RF:Shape', color: '#56B4E9', dash: '10 3 2 3', shape: 'wye' },
  'RF:Model-Type': {
    variant: 'RF:Model-Type',
    color: 'var(--chart-ink)',
    dash: '5 5',
    shape: 'cross',
  },
};

/** A plotted point knows its variant (for the tooltip of the hovered curve). */
export interface ChartPoint extends CurvePoint {
  readonly variant: WasteVariant;
}

/** One drawable curve. */
export interface CurveSeries {
  readonly style: VariantStyle;
  /** Points by increasing waste (then freshness): the server's order reversed. */
  readonly points: readonly ChartPoint[];
}

/** The series of `variants` that have a curve, in the given order. */
export function curveSeries(
  curves: Readonly<Partial<Record<string, readonly CurvePoint[]>>>,
  variants: readonly WasteVariant[],
): CurveSeries[] {
  const out: CurveSeries[] = [];
  for (const variant of variants) {
    const curve = curves[variant];
    if (curve === undefined || curve.length === 0) continue;
    const points = curve
      .map((p) => ({ threshold: p.threshold, freshness: p.freshness, waste: p.waste, variant }))
      .sort((a, b) => a.waste - b.waste || a.freshness - b.freshness || b.threshold - a.threshold);
    out.push({ style: VARIANT_STYLES[variant], points });
  }
  return out;
}

const share = (x: number) => `${(x * 100).toFixed(1)}%`;

/** "RF:Input+Pre at threshold 0.400" with freshness and waste, exact to 0.1 %. */
export function curvePointTooltip(point: CurvePoint, style: VariantStyle): TooltipText {
  const above = point.threshold > 1;
  return {
    title: above
      ? `${style.variant}: nothing runs`
      : `${style.variant} at threshold ${formatThreshold(point.threshold)}`,
    lines: [
      { label: 'Model freshness', value: share(point.freshness), color: style.color },
      { label: 'Waste still incurred', value: share(point.waste), color: style.color },
    ],
  };
}

/** A threshold with as many decimals as it needs, up to 4 (0.4, 0.4167, 1). */
export function formatThreshold(threshold: number): string {
  return String(Number(threshold.toFixed(4)));
}

/**
 * The index of the point nearest (waste, freshness) in plot units; `aspect` is the plot's
 * height over width, so distances match what the eye sees. Points above threshold 1 are skipped.
 */
export function nearestPointIndex(
  points: readonly CurvePoint[],
  waste: number,
  freshness: number,
  aspect = 1,
): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as CurvePoint;
    if (p.threshold > 1) continue;
    const dx = p.waste - waste;
    const dy = (p.freshness - freshness) * aspect;
    const d = dx * dx + dy * dy;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}
