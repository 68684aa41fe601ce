/** Node search by label, name, type or id (case-insensitive substring); exact id matches first. */
import type { TraceModel } from './trace-model.ts';

/** True when node `i` matches the lower-cased, trimmed query `q` (empty matches every node). */
export function nodeMatches(model: TraceModel, i: number, q: string): boolean {
  if (q === '') return true;
  const node = model.nodes[i]!;
  return (
    node.id.toLowerCase().includes(q) ||
    (model.labels[i] ?? '').toLowerCase().includes(q) ||
    (node.name ?? '').toLowerCase().includes(q) ||
    node.type.toLowerCase().includes(q)
  );
}

/** Indices of up to `limit` nodes matching `query`. */
export function searchNodes(model: TraceModel, query: string, limit = 20): number[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const exact = model.indexOf.get(query.trim());
  const out: number[] = exact === undefined ? [] : [exact];
  for (let i = 0; i < model.nodes.length && out.length < limit; i++) {
    if (i !== exact && nodeMatches(model, i, q)) out.push(i);
  }
  return out;
}
