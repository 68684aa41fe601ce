/** Node search by id, name or type (case-insensitive substring); exact id matches first. */
import type { TraceModel } from './trace-model.ts';

/** Indices of up to `limit` nodes matching `query`. */
export function searchNodes(model: TraceModel, query: string, limit = 20): number[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const exact = model.indexOf.get(query.trim());
  const out: number[] = exact === undefined ? [] : [exact];
  for (let i = 0; i < model.nodes.length && out.length < limit; i++) {
    if (i === exact) continue;
    const node = model.nodes[i]!;
    if (
      node.id.toLowerCase().includes(q) ||
      (node.name ?? '').toLowerCase().includes(q) ||
      node.type.toLowerCase().includes(q)
    ) {
      out.push(i);
    }
  }
  return out;
}
