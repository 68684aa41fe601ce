/**
 * Cumulative distributions for a line chart on a numeric (log) x axis: the share of values at or
 * below each bin's right edge, starting from 0 at the first edge.
 */
import type { HistogramSeries } from './histogram-bars.ts';

/** One x position with each series' cumulative share. */
export interface CdfPoint {
  readonly x: number;
  readonly values: Readonly<Record<string, number>>;
}

/** CDF points of series sharing one set of edges (log axes need positive edges: others are dropped). */
export function cdfPoints(series: readonly HistogramSeries[]): CdfPoint[] {
  const first = series[0];
  if (first === undefined) return [];
  const { edges, scale } = first.histogram;
  const points: CdfPoint[] = [];
  for (let i = 0; i < edges.length; i++) {
    const x = edges[i] ?? 0;
    if (scale === 'log' && x <= 0) continue;
    const values: Record<string, number> = {};
    for (const s of series) values[s.key] = i === 0 ? 0 : (s.histogram.cdf[i - 1] ?? 0);
    points.push({ x, values });
  }
  return points;
}

/** The x domain of the points, for a log axis [first edge, last edge]. */
export function cdfDomain(points: readonly CdfPoint[]): [number, number] {
  const lo = points[0]?.x ?? 1;
  const hi = points[points.length - 1]?.x ?? 10;
  return [lo, hi];
}

/** Decade ticks within [lo, hi] for a log axis. */
export function decadeTicks([lo, hi]: readonly [number, number]): number[] {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++)
    ticks.push(Number((10 ** e).toPrecision(12)));
  return ticks;
}
