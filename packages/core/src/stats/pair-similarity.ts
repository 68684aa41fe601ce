/**
 * Comparisons of two graphlets of one pipeline (paper §4.2, Table 1 and Table 2): Jaccard
 * similarity of their input spans, dataset similarity (our metric; the paper defers its own
 * to the technical report; spans compared as span-similarity.ts does) and code match.
 */
import type { Graphlet } from '../graphlet.ts';
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
