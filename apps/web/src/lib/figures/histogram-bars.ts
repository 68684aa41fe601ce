/**
 * Histograms of the stats document (shared edges, linear or log-spaced bins) as rows for a bar
 * chart: one row per bin with a unique key, a range label, a sparse axis tick and each series' value.
 * On a log histogram bins are equal in log space, so evenly spaced bars read as a log x axis.
 */

import type { Histogram } from '@graphlet/core';
import { formatEdge } from './format-stat.ts';

/** One series to chart (e.g. "all" and "pushed"). */
export interface HistogramSeries {
  readonly key: string;
  readonly histogram: Histogram;
}

/** One bar group. */
export interface HistogramRow {
  /** Unique category key (the bin index). */
  readonly bin: string;
  /** The bin's range, e.g. "[1, 1.78)"; end bins of a log axis also hold the values beyond. */
  readonly range: string;
  /** The axis label at this bin's left edge, or "" to leave the tick unlabelled. */
  readonly tick: string;
  /** Share (pdf) or count per series key. */
  readonly values: Readonly<Record<string, number>>;
  /** Values counted per series key (for tooltips). */
  readonly counts: Readonly<Record<string, number>>;
}

/** Bar rows for series sharing one set of edges; `measure` picks shares (pdf) or counts. */
export function histogramRows(
  series: readonly HistogramSeries[],
  measure: 'pdf' | 'counts' = 'pdf',
): HistogramRow[] {
  const first = series[0];
  if (first === undefined) return [];
  const { edges, scale } = first.histogram;
  for (const s of series) {
    if (s.histogram.edges.length !== edges.length)
      throw new Error(`figures: series "${s.key}" has different bin edges`);
  }
  const bins = edges.length - 1;
  const rows: HistogramRow[] = [];
  for (let i = 0; i < bins; i++) {
    const lo = edges[i] ?? 0;
    const hi = edges[i + 1] ?? lo;
    const values: Record<string, number> = {};
    const counts: Record<string, number> = {};
    for (const s of series) {
      values[s.key] = s.histogram[measure][i] ?? 0;
      counts[s.key] = s.histogram.counts[i] ?? 0;
    }
    rows.push({
      bin: String(i),
      range: binRange(lo, hi, i, bins, scale),
      tick: showTick(lo, i, bins, scale) ? formatEdge(lo) : '',
      values,
      counts,
    });
  }
  return rows;
}

function binRange(lo: number, hi: number, i: number, bins: number, scale: Histogram['scale']) {
  if (bins === 1) return `[${formatEdge(lo)}, ${formatEdge(hi)}]`;
  if (scale === 'log' && i === 0) return `< ${formatEdge(hi)}`;
  if (i === bins - 1)
    return scale === 'log' ? `≥ ${formatEdge(lo)}` : `[${formatEdge(lo)}, ${formatEdge(hi)}]`;
  return `[${formatEdge(lo)}, ${formatEdge(hi)})`;
}

/** Log axes label whole decades; linear axes label every bin up to 15 bins, else every other. */
function showTick(lo: number, i: number, bins: number, scale: Histogram['scale']): boolean {
  if (scale === 'log') {
    const exponent = Math.log10(lo);
    return Math.abs(exponent - Math.round(exponent)) < 1e-4;
  }
  return bins <= 15 || i % 2 === 0;
}

/** A share axis from 0 to a round top above `highest`, with at most six round ticks. */
export function shareAxis(highest: number): { domain: [number, number]; ticks: number[] } {
  // 10% headroom so the tallest bar does not touch the reference labels at the top.
  const max = Math.min(1, highest * 1.1);
  const steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25];
  const step = steps.find((s) => max / s <= 5) ?? 0.25;
  const top = Number(Math.min(1, Math.max(step, Math.ceil(max / step - 1e-9) * step)).toFixed(4));
  const ticks: number[] = [];
  for (let t = 0; t <= top + 1e-9; t += step) ticks.push(Number(t.toFixed(4)));
  return { domain: [0, top], ticks };
}

/** The largest value of any series in the rows. */
export function maxValue(rows: readonly HistogramRow[]): number {
  let max = 0;
  for (const row of rows) for (const v of Object.values(row.values)) if (v > max) max = v;
  return max;
}

/** Whether any series has a value to show. */
export function hasValues(series: readonly HistogramSeries[]): boolean {
  return series.some((s) => s.histogram.counts.some((c) => c > 0));
}
