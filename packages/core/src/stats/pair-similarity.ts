/**
 * Comparisons of two graphlets of one pipeline (paper §4.2, Table 1 and Table 2): Jaccard
 * similarity of their input spans, dataset similarity (our metric; the paper defers its own
 * to the technical report) and code match.
 */
import type { Graphlet } from '../graphlet.ts';
import type { FeatureSummary } from './feature-statistics.ts';
import type { TraceView } from './trace-view.ts';

/** |I(g) ∩ I(g')| / |I(g) ∪ I(g')| over input spans; undefined when neither has spans. */
export function spanJaccard(a: Graphlet, b: Graphlet): number | undefined {
  const x = a.spans;
  const y = b.spans;
  if (x.length === 0 && y.length === 0) return undefined;
  // Graphlet.spans are ascending, so a merge counts the intersection in linear time.
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    const u = x[i] ?? 0;
    const v = y[j] ?? 0;
    if (u === v) {
      shared++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return shared / (x.length + y.length - shared);
}

/** Thresholds of "the distribution did not move". */
const MAX_MEAN_SHIFT = 0.1;
const STD_RATIO = [0.9, 1.1] as const;
const DOMAIN_TOLERANCE = 0.1;

/**
 * Whether a feature agrees between two spans. Numeric: standardized mean difference
 * |m1 - m2| / sqrt((s1² + s2²) / 2) ≤ 0.1 and s2 / s1 within [0.9, 1.1]; categorical: domain
 * sizes differ by at most 10% of the larger. Undefined when the feature cannot be compared.
 */
export function featureAgrees(a: FeatureSummary, b: FeatureSummary): boolean | undefined {
  if (a.kind !== b.kind) return undefined;
  if (a.kind === 'categorical') {
    if (a.domainSize === undefined || b.domainSize === undefined) return undefined;
    const larger = Math.max(a.domainSize, b.domainSize);
    return Math.abs(a.domainSize - b.domainSize) <= DOMAIN_TOLERANCE * larger;
  }
  if (a.mean === undefined || b.mean === undefined) return undefined;
  if (a.std === undefined || b.std === undefined) return undefined;
  const pooled = Math.sqrt((a.std * a.std + b.std * b.std) / 2);
  if (pooled === 0) return a.mean === b.mean;
  const shift = Math.abs(a.mean - b.mean) / pooled;
  const ratio = a.std === 0 ? Number.POSITIVE_INFINITY : b.std / a.std;
  return shift <= MAX_MEAN_SHIFT && ratio >= STD_RATIO[0] && ratio <= STD_RATIO[1];
}

/** Share of the comparable features two spans share that agree; undefined when none is comparable. */
export function spanSimilarity(
  a: ReadonlyMap<string, FeatureSummary>,
  b: ReadonlyMap<string, FeatureSummary>,
): number | undefined {
  let compared = 0;
  let agreed = 0;
  for (const [name, fa] of a) {
    const fb = b.get(name);
    if (fb === undefined) continue;
    const agrees = featureAgrees(fa, fb);
    if (agrees === undefined) continue;
    compared++;
    if (agrees) agreed++;
  }
  return compared === 0 ? undefined : agreed / compared;
}

/**
 * Dataset similarity of two graphlets (ours): order each graphlet's spans by span number, pair
 * the i-th span of one with the i-th of the other up to the shorter list, and average the span
 * similarity over the pairs that carry feature statistics. Undefined when no pair does.
 */
export function datasetSimilarity(view: TraceView, a: Graphlet, b: Graphlet): number | undefined {
  const x = view.orderedSpans(a);
  const y = view.orderedSpans(b);
  const n = Math.min(x.length, y.length);
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const s = view.spanPairSimilarity(x[i]!, y[i]!);
    if (s === undefined) continue;
    sum += s;
    pairs++;
  }
  return pairs === 0 ? undefined : sum / pairs;
}

/** Whether `b`'s trainer has the same `code_version` as `a`'s; undefined unless both record one. */
export function codeMatch(view: TraceView, a: Graphlet, b: Graphlet): boolean | undefined {
  const va = view.codeVersion(a.trainer);
  const vb = view.codeVersion(b.trainer);
  return va === undefined || vb === undefined ? undefined : va === vb;
}
