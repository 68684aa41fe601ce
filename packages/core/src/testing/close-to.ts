/**
 * Deep equality up to float rounding: what statistics merged from parts must match against the
 * same statistics computed in one pass (sums added in another order round differently).
 */

/** Paths where `actual` and `expected` differ beyond a relative 1e-9 (empty when they agree). */
export function differencesBeyondRounding(actual: unknown, expected: unknown, path = ''): string[] {
  if (typeof actual === 'number' && typeof expected === 'number') {
    const scale = Math.max(1, Math.abs(expected));
    return Math.abs(actual - expected) <= 1e-9 * scale ||
      (Number.isNaN(actual) && Number.isNaN(expected))
      ? []
      : [`${path}: ${actual} != ${expected}`];
  }
  if (
    typeof actual !== 'object' ||
    typeof expected !== 'object' ||
    actual === null ||
    expected === null
  ) {
    return Object.is(actual, expected) ? [] : [`${path}: ${String(actual)} != ${String(expected)}`];
  }
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  return [...keys].flatMap((k) =>
    differencesBeyondRounding(
      (actual as Record<string, unknown>)[k],
      (expected as Record<string, unknown>)[k],
      `${path}.${k}`,
    ),
  );
}
