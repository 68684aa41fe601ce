/** Order statistics of timing samples. */

/** The median (upper middle for even counts); NaN when empty. */
export function median(xs: readonly number[]): number {
  return percentile(xs, 0.5);
}

/** The nearest-rank `p` quantile (0..1); NaN when empty. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}
