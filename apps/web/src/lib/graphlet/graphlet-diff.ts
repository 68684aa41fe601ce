/**
 * How a graphlet differs from the previous one of its pipeline: input spans added and dropped and
 * their Jaccard similarity (paper §5.2 compares consecutive graphlets' input spans this way).
 */

export interface GraphletDiff {
  readonly spansAdded: readonly number[];
  readonly spansDropped: readonly number[];
  readonly spansKept: number;
  /** |A ∩ B| / |A ∪ B| of the two span sets; undefined when both are empty. */
  readonly jaccard: number | undefined;
}

/** The span diff of `current` against `previous` (ids ascending). */
export function diffSpans(current: readonly number[], previous: readonly number[]): GraphletDiff {
  const now = new Set(current);
  const before = new Set(previous);
  const spansAdded = [...now].filter((s) => !before.has(s)).sort((a, b) => a - b);
  const spansDropped = [...before].filter((s) => !now.has(s)).sort((a, b) => a - b);
  const spansKept = now.size - spansAdded.length;
  const union = now.size + spansDropped.length;
  return {
    spansAdded,
    spansDropped,
    spansKept,
    jaccard: union === 0 ? undefined : spansKept / union,
  };
}
