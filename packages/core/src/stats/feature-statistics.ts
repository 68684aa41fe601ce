/**
 * Reads the `feature_statistics` struct of a data span (see metadata-keys.ts) into a map from
 * feature name to its summary. Malformed entries are skipped; a struct stored as a JSON string
 * is accepted too.
 */
import type { PropertyValue } from '../trace.ts';

/** One feature's summary in one span. */
export interface FeatureSummary {
  readonly kind: 'numeric' | 'categorical';
  readonly mean?: number | undefined;
  readonly std?: number | undefined;
  readonly domainSize?: number | undefined;
}

/** Parses a feature_statistics value; undefined when absent or not of the documented shape. */
export function parseFeatureStatistics(
  value: PropertyValue | undefined,
): ReadonlyMap<string, FeatureSummary> | undefined {
  const struct = typeof value === 'string' ? parseJson(value) : value;
  if (typeof struct !== 'object' || struct === null || Array.isArray(struct)) return undefined;
  const features = (struct as Record<string, unknown>).features;
  if (!Array.isArray(features)) return undefined;
  const out = new Map<string, FeatureSummary>();
  for (const f of features) {
    if (typeof f !== 'object' || f === null) continue;
    const { name, kind, mean, std, domainSize } = f as Record<string, unknown>;
    if (typeof name !== 'string' || (kind !== 'numeric' && kind !== 'categorical')) continue;
    // Well-formed entries are used as they are (no copy: spans can hold thousands of features).
    const clean = optionalFinite(mean) && optionalFinite(std) && optionalFinite(domainSize);
    out.set(
      name,
      clean
        ? (f as FeatureSummary)
        : { kind, mean: finite(mean), std: finite(std), domainSize: finite(domainSize) },
    );
  }
  return out;
}

function optionalFinite(x: unknown): boolean {
  return x === undefined || (typeof x === 'number' && Number.isFinite(x));
}

function finite(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
