/**
 * Distributions ready to chart: a growable sink of numbers, summary statistics
 * (count, mean, median, p90, max) and histograms with explicit bin edges on a linear or log axis.
 */

/** A histogram: `counts[i]` values fall in [edges[i], edges[i+1]) (the last bin is closed). */
export interface Histogram {
  readonly scale: 'linear' | 'log';
  /** Bin edges, ascending; one more than the bins. Values outside are clamped into the end bins. */
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  /** Share of values per bin (sums to 1). */
  readonly pdf: readonly number[];
  /** Share of values at or below each bin's right edge. */
  readonly cdf: readonly number[];
}

/** Summary numbers of a distribution; null when it has no values. */
export interface Summary {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly max: number | null;
}

/** A summary plus its histogram. */
export interface Distribution extends Summary {
  readonly histogram: Histogram;
}

/** Histogram layout: bins per decade on a log axis, bin count on a linear axis. */
export interface BinOptions {
  readonly binsPerDecade: number;
  readonly linearBins: number;
}

export const DEFAULT_BINS: BinOptions = { binsPerDecade: 4, linearBins: 20 };

/** A growable list of numbers kept in a Float64Array (8 bytes per value, no per-value objects). */
export class ValueSink {
  private data = new Float64Array(64);
  private size = 0;

  /** Appends a value; non-finite values are ignored. */
  push(value: number): void {
    if (!Number.isFinite(value)) return;
    if (this.size === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  /** Appends every value of `values` (as `toArray` gave them). */
  pushAll(values: readonly number[]): void {
    for (const v of values) this.push(v);
  }

  get length(): number {
    return this.size;
  }

  /** The values in the order pushed, as a plain array (JSON-safe: only finite values are kept). */
  toArray(): number[] {
    return Array.from(this.data.subarray(0, this.size));
  }

  /** The values, sorted ascending (a copy). */
  sorted(): Float64Array {
    return this.data.slice(0, this.size).sort();
  }
}

/** Percentile by linear interpolation between closest ranks (R type 7); `sorted` ascending, non-empty. */
export function percentile(sorted: Float64Array, p: number): number {
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (rank - lo);
}

/** Count, mean, median, p90 and max of ascending values. */
export function summarize(sorted: Float64Array): Summary {
  const count = sorted.length;
  if (count === 0) return { count, mean: null, median: null, p90: null, max: null };
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i] ?? 0;
  return {
    count,
    mean: sum / count,
    median: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    max: sorted[count - 1] ?? null,
  };
}

const tidy = (x: number): number => Number(x.toPrecision(6));

/** Log-spaced edges covering [min positive, max] in whole decades. */
export function logEdges(sorted: readonly Float64Array[], binsPerDecade: number): number[] {
  let minPositive = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const values of sorted) {
    for (const v of values) {
      if (v > 0 && v < minPositive) minPositive = v;
      if (v > max) max = v;
    }
  }
  if (minPositive === Number.POSITIVE_INFINITY) return [];
  // Subnormal values would give edges that underflow to 0; they share the first bin instead.
  const lo = Math.max(-300, Math.floor(Math.log10(minPositive)));
  let hi = Math.ceil(Math.log10(max));
  if (hi <= lo) hi = lo + 1;
  const edges: number[] = [];
  for (let i = 0; i <= (hi - lo) * binsPerDecade; i++) {
    edges.push(tidy(10 ** (lo + i / binsPerDecade)));
  }
  return edges;
}

/** Evenly spaced edges from 0 (or the minimum when negative) to at least the maximum, with a round step. */
export function linearEdges(sorted: readonly Float64Array[], bins: number): number[] {
  let min = 0;
  let max = 0;
  let any = false;
  for (const values of sorted) {
    if (values.length === 0) continue;
    any = true;
    min = Math.min(min, values[0] ?? 0);
    max = Math.max(max, values[values.length - 1] ?? 0);
  }
  if (!any) return [];
  const step = niceStep((max - min) / bins);
  const start = Math.floor(min / step) * step;
  const n = Math.max(1, Math.ceil((max - start) / step - 1e-9));
  const edges: number[] = [];
  for (let i = 0; i <= n; i++) edges.push(tidy(start + i * step));
  return edges;
}

/** The smallest of 1, 2 or 5 times a power of ten at least `raw` (1 when raw is 0 or subnormal). */
function niceStep(raw: number): number {
  if (!(raw > 1e-300)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw * (1 - 1e-12)) return m * power;
  return 10 * power;
}

/** Bins ascending values on the given edges; values outside fall into the end bins. */
export function histogram(
  sorted: Float64Array,
  edges: readonly number[],
  scale: Histogram['scale'],
): Histogram {
  const bins = Math.max(0, edges.length - 1);
  const counts = new Array<number>(bins).fill(0);
  let bin = 0;
  for (const v of sorted) {
    // Values are ascending, so the bin index only moves forward.
    while (bin < bins - 1 && v >= (edges[bin + 1] ?? 0)) bin++;
    if (bins > 0) counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const total = sorted.length;
  let running = 0;
  const pdf = counts.map((c) => (total === 0 ? 0 : c / total));
  const cdf = counts.map((c) => {
    running += c;
    return total === 0 ? 0 : running / total;
  });
  return { scale, edges: [...edges], counts, pdf, cdf };
}

/** Summary and histogram of a sink; `edges` defaults to edges fitted to the values. */
export function distributionOf(
  sink: ValueSink,
  scale: Histogram['scale'],
  bins: BinOptions,
  edges?: readonly number[],
): Distribution {
  const sorted = sink.sorted();
  const fitted =
    edges ??
    (scale === 'log'
      ? logEdges([sorted], bins.binsPerDecade)
      : linearEdges([sorted], bins.linearBins));
  return { ...summarize(sorted), histogram: histogram(sorted, fitted, scale) };
}

/** Table 1 row: shares per quarter of [0, 1] and the mean; null when there are no values. */
export interface QuarterBins {
  readonly bins: number[] | null;
  readonly mean: number | null;
  readonly count: number;
}

/** Shares of values in the quarters [0, .25], (.25, .5], (.5, .75], (.75, 1] (paper Table 1), and the mean. */
export function quarterBins(sink: ValueSink): QuarterBins {
  const sorted = sink.sorted();
  const counts = [0, 0, 0, 0];
  let sum = 0;
  for (const v of sorted) {
    sum += v;
    const q = v <= 0.25 ? 0 : v <= 0.5 ? 1 : v <= 0.75 ? 2 : 3;
    counts[q] = (counts[q] ?? 0) + 1;
  }
  const n = sorted.length;
  return {
    bins: n === 0 ? null : counts.map((c) => c / n),
    mean: n === 0 ? null : sum / n,
    count: n,
  };
}
