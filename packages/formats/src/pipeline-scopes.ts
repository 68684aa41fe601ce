/**
 * Which contexts make up each pipeline of an MLMD store: a pipeline context (type `pipeline` or
 * `system.Pipeline`) and its descendants through ParentContext (runs, component runs, ...).
 */
import type { DatabaseSync } from 'node:sqlite';

/** Context type names that mark a pipeline (TFX; Kubeflow Pipelines v2). */
const PIPELINE_CONTEXT_TYPES: readonly string[] = ['pipeline', 'system.Pipeline'];

/** One pipeline: its name and the ids of its context and every descendant context. */
export interface PipelineScope {
  readonly name: string;
  readonly contextIds: readonly number[];
}

/** Pipeline scopes sorted by name, then context id; empty when the store has none. */
export function pipelineScopes(
  db: DatabaseSync,
  tables: ReadonlyMap<string, ReadonlySet<string>>,
): PipelineScope[] {
  if (!tables.has('Context') || !tables.has('Association')) return [];
  const pipelines = db
    .prepare(
      `SELECT c.id AS id, c.name AS name FROM Context c JOIN Type t ON t.id = c.type_id
       WHERE t.name IN (${PIPELINE_CONTEXT_TYPES.map(() => '?').join(', ')}) ORDER BY c.name, c.id`,
    )
    .all(...PIPELINE_CONTEXT_TYPES)
    .map((row) => ({ id: Number(row.id), name: String(row.name) }));
  if (pipelines.length === 0) return [];
  const children = new Map<number, number[]>();
  if (tables.has('ParentContext')) {
    for (const row of db.prepare('SELECT context_id, parent_context_id FROM ParentContext').all()) {
      const parent = Number(row.parent_context_id);
      const list = children.get(parent);
      if (list === undefined) children.set(parent, [Number(row.context_id)]);
      else list.push(Number(row.context_id));
    }
  }
  return pipelines.map(({ id, name }) => {
    const seen = new Set<number>([id]);
    const stack = [id];
    // ParentContext may hold cycles in a damaged store; `seen` keeps the walk finite.
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      for (const child of children.get(top) ?? []) {
        if (!seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
    return { name, contextIds: [...seen].sort((a, b) => a - b) };
  });
}
