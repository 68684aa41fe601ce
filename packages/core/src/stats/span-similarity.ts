/**
 * Similarity of two data spans from their feature statistics (our reading of "dataset
 * similarity", paper §4.2 Table 1, whose own metric the paper defers to its technical report):
 * the share of comparable features whose distribution did not move.
 */
import type { FeatureSummary } from './feature-statistics.ts';

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
