/** Small helpers for collectors that save and merge their counts (see Collector). */

/** Adds `from` into `into` element by element (both the same length). */
export function addInto(into: Float64Array, from: readonly number[]): void {
  for (let i = 0; i < into.length; i++) into[i]! += from[i] ?? 0;
}

/** Adds every count of `from` into `into`, key by key. */
export function addCounts<K extends string>(
  into: Record<K, number>,
  from: Readonly<Record<K, number>>,
): void {
  for (const key of Object.keys(from) as K[]) into[key] = (into[key] ?? 0) + from[key];
}

/** A finite number, or null for ±Infinity (JSON has no Infinity). */
export const finiteOrNull = (n: number): number | null => (Number.isFinite(n) ? n : null);
