// Kept: no maintained JS package bins features for a histogram forest; this is the forest's own layout (column-major bytes, a NaN bin) that train-tree scans directly.
// Quantile binning of every feature into at most 255 finite bins plus one bin for NaN, stored
// column-major as bytes; the forest then searches splits over bins instead of sorted values.
// Like scikit-learn's HistGradientBoosting: edges are midpoints between distinct values.

import { DistinctFloats } from './distinct-floats.ts';
import {
  type ColumnMatrix,
  checkMatrix,
  type FeatureMatrix,
  matrixShape,
  type TrainingMatrix,
} from './feature-matrix.ts';

/** Binned features: `bins[f * nRows + r]` is row r's bin of feature f. */
export interface BinnedFeatures {
  readonly nRows: number;
  readonly nFeatures: number;
  /** Column-major bin indices. */
  readonly bins: Uint8Array;
  /**
   * Per feature, strictly increasing upper edges: a value v falls in the first bin b with
   * v <= edges[b], or in bin edges.length when it exceeds them all. NaN goes to bin edges.length + 1.
   */
  readonly edges: readonly Float64Array[];
}

export interface BinningOptions {
  /** Finite bins per feature, 2..255 (default 255); NaN always gets its own extra bin. */
  maxBins?: number;
  /** Rows sampled (by a fixed stride) to place the edges (default 100,000). */
  sampleRows?: number;
}

/** The bin that NaN values of a feature with these edges fall in. */
export function nanBin(edges: Float64Array): number {
  return edges.length + 1;
}

/** Quantile-bins every column of a row-major or column matrix. */
export function binFeatures(matrix: TrainingMatrix, options: BinningOptions = {}): BinnedFeatures {
  checkMatrix(matrix, 'forest');
  const maxBins = options.maxBins ?? 255;
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > 255) {
    throw new Error(`forest: maxBins must be an integer in 2..255 (got ${maxBins})`);
  }
  const sampleRows = options.sampleRows ?? 100_000;
  const { nRows, nFeatures } = matrixShape(matrix);
  const stride = Math.max(1, Math.ceil(nRows / sampleRows));
  const nSample = Math.ceil(nRows / stride);
  const columns = Array.from({ length: nFeatures }, () => new Float64Array(nSample));
  const filled = new Int32Array(nFeatures);
  if ('values' in matrix) {
    // One row-order pass gathers every column's sample: reading a row-major column alone strides
    // through memory once per feature.
    for (let r = 0; r < nRows; r += stride) {
      const base = r * nFeatures;
      for (let f = 0; f < nFeatures; f++) {
        const v = matrix.values[base + f]!;
        if (!Number.isNaN(v)) columns[f]![filled[f]!++] = v;
      }
    }
  } else {
    const { rows } = matrix;
    matrix.columns.forEach((source, f) => {
      const sample = columns[f]!;
      let k = 0;
      for (let i = 0; i < nRows; i += stride) {
        const v = source[rows === undefined ? i : rows[i]!]!;
        if (!Number.isNaN(v)) sample[k++] = v;
      }
      filled[f] = k;
    });
  }
  const edges = columns.map((column, f) => quantileEdges(column.subarray(0, filled[f]!), maxBins));
  return { nRows, nFeatures, bins: applyBins(edges, matrix), edges };
}

/** Bins the rows of a matrix with edges from `binFeatures` (column-major output, as `bins`). */
export function applyBins(edges: readonly Float64Array[], matrix: TrainingMatrix): Uint8Array {
  checkMatrix(matrix, 'forest');
  const { nRows, nFeatures } = matrixShape(matrix);
  if (edges.length !== nFeatures) {
    throw new Error(`forest: ${edges.length} bin edge lists for ${nFeatures} features`);
  }
  const bins = new Uint8Array(nRows * nFeatures);
  if ('values' in matrix) binRows(edges, matrix, bins);
  else binColumns(edges, matrix, nRows, bins);
  return bins;
}

function binRows(edges: readonly Float64Array[], matrix: FeatureMatrix, bins: Uint8Array): void {
  const { values, nRows, nFeatures } = matrix;
  for (let r = 0; r < nRows; r++) {
    const base = r * nFeatures;
    for (let f = 0; f < nFeatures; f++) {
      bins[f * nRows + r] = binOf(edges[f]!, values[base + f]!);
    }
  }
}

function binColumns(
  edges: readonly Float64Array[],
  matrix: ColumnMatrix,
  nRows: number,
  bins: Uint8Array,
): void {
  const { rows } = matrix;
  matrix.columns.forEach((source, f) => {
    const e = edges[f]!;
    const offset = f * nRows;
    for (let i = 0; i < nRows; i++)
      bins[offset + i] = binOf(e, source[rows === undefined ? i : rows[i]!]!);
  });
}

/** The bin of one value: binary search for the first edge >= value. */
export function binOf(edges: Float64Array, value: number): number {
  if (Number.isNaN(value)) return edges.length + 1;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Edges splitting sorted-able non-NaN values into at most maxBins bins of about equal counts. */
function quantileEdges(sample: Float64Array, maxBins: number): Float64Array {
  // Most waste features (one-hots, counts, matches) take a few values: then the edges are the
  // midpoints between the sorted distinct values, found without sorting the whole sample (the
  // sort was most of the binning, which runs on the calling thread before any tree starts).
  const few = fewDistinct(sample, maxBins);
  if (few !== undefined) {
    few.sort();
    const out = new Float64Array(Math.max(0, few.length - 1));
    for (let i = 1; i < few.length; i++) out[i - 1] = midpoint(few[i - 1]!, few[i]!);
    return out;
  }
  sample.sort();
  const n = sample.length;
  const out: number[] = [];
  // Cut after the distinct value where the cumulative count first reaches each quantile j / maxBins.
  let next = 1;
  for (let i = 0; i < n - 1 && next < maxBins; i++) {
    const a = sample[i]!;
    const b = sample[i + 1]!;
    if (a === b) continue;
    if (i + 1 >= (next * n) / maxBins) {
      out.push(midpoint(a, b));
      while (next < maxBins && i + 1 >= (next * n) / maxBins) next++;
    }
  }
  return Float64Array.from(out);
}

/** The distinct values of `sample` (in no order) when there are at most `limit`, else undefined. */
function fewDistinct(sample: Float64Array, limit: number): Float64Array | undefined {
  const seen = new DistinctFloats();
  for (let i = 0; i < sample.length; i++) {
    seen.intern(sample[i]!);
    if (seen.size > limit) return undefined;
  }
  return seen.values.slice(0, seen.size);
}

/** A value m with a <= m < b, halfway when representable (adjacent floats have no midpoint). */
function midpoint(a: number, b: number): number {
  const m = a + (b - a) / 2;
  return m < b && Number.isFinite(m) ? m : a;
}
