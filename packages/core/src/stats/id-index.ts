/**
 * O(1) lookup of trace nodes by id. Ids of one pipeline are usually a dense range (MLMD assigns
 * them in sequence), so a plain array offset by the smallest id beats a Map; sparse ids fall
 * back to a Map.
 */

/** Looks nodes up by numeric id. */
export interface IdIndex<T> {
  get(id: number): T | undefined;
}

/** Indexes `nodes` by their `id`. */
export function idIndex<T extends { readonly id: number }>(nodes: readonly T[]): IdIndex<T> {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const n of nodes) {
    if (n.id < min) min = n.id;
    if (n.id > max) max = n.id;
  }
  const span = max - min + 1;
  if (nodes.length > 0 && Number.isSafeInteger(min) && span <= 4 * nodes.length + 64) {
    const slots = new Array<T | undefined>(span).fill(undefined);
    for (const n of nodes) slots[n.id - min] = n;
    return { get: (id) => slots[id - min] };
  }
  const map = new Map<number, T>();
  for (const n of nodes) map.set(n.id, n);
  return { get: (id) => map.get(id) };
}
