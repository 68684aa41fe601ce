/**
 * Which contexts make up each pipeline of an MLMD store: a pipeline context (type `pipeline` or
 * `system.Pipeline`) and its descendants through ParentContext (runs, component runs, ...).
 */
import type { DatabaseSync } from 'node:sqlite';
import { type SqlDialect, sqlDialect } from './mlmd-dialect.ts';
import type { StoreColumns } from './mlmd-trace-queries.ts';
import type { Row, RowSource } from './row-source.ts';

/** Context type names that mark a pipeline (TFX; Kubeflow Pipelines v2). */
export const PIPELINE_CONTEXT_TYPES: readonly string[] = ['pipeline', 'system.Pipeline'];

/** One pipeline: its name and the ids of its context and every descendant context. */
export interface PipelineScope {
  readonly name: string;
  readonly contextIds: readonly number[];
}

/** The query listing pipeline contexts as (id, name), sorted by name bytes, then id. */
function pipelineContextsSql(dialect: SqlDialect): string {
  const types = PIPELINE_CONTEXT_TYPES.map((t) => `'${t}'`).join(', ');
  return `SELECT c.id, c.name FROM ${dialect.table('Context')} c JOIN ${dialect.table('Type')} t ON t.id = c.type_id
    WHERE t.name IN (${types}) ORDER BY ${dialect.binary('c.name')}, c.id`;
}

function parentsSql(dialect: SqlDialect): string {
  return `SELECT context_id, parent_context_id FROM ${dialect.table('ParentContext')}`;
}

/** Pipeline scopes sorted by name, then context id; empty when the store has none. */
export function pipelineScopes(db: DatabaseSync, tables: StoreColumns): PipelineScope[] {
  if (!tables.has('Context') || !tables.has('Association')) return [];
  const sqlite = sqlDialect('sqlite');
  const rows = (sql: string) => {
    const statement = db.prepare(sql);
    statement.setReturnArrays(true);
    return statement.all() as unknown as Row[];
  };
  const pipelines = rows(pipelineContextsSql(sqlite));
  if (pipelines.length === 0) return [];
  const scopes = new ScopeBuilder(pipelines);
  if (tables.has('ParentContext')) scopes.addParents(rows(parentsSql(sqlite)));
  return scopes.finish();
}

/** The same scopes from any row source (ParentContext streamed, only its id pairs kept). */
export async function readPipelineScopes(
  source: RowSource,
  tables: StoreColumns,
): Promise<PipelineScope[]> {
  if (!tables.has('Context') || !tables.has('Association')) return [];
  const dialect = sqlDialect(source.dialect);
  const pipelines: Row[] = [];
  for await (const batch of source.rows(pipelineContextsSql(dialect))) pipelines.push(...batch);
  if (pipelines.length === 0) return [];
  const scopes = new ScopeBuilder(pipelines);
  if (tables.has('ParentContext')) {
    for await (const batch of source.rows(parentsSql(dialect))) scopes.addParents(batch);
  }
  return scopes.finish();
}

class ScopeBuilder {
  private readonly pipelines: { id: number; name: string }[];
  private readonly children = new Map<number, number[]>();

  constructor(pipelines: readonly Row[]) {
    this.pipelines = pipelines.map((row) => ({ id: Number(row[0]), name: String(row[1]) }));
  }

  addParents(rows: readonly Row[]): void {
    for (const row of rows) {
      const parent = Number(row[1]);
      const list = this.children.get(parent);
      if (list === undefined) this.children.set(parent, [Number(row[0])]);
      else list.push(Number(row[0]));
    }
  }

  finish(): PipelineScope[] {
    return this.pipelines.map(({ id, name }) => {
      const seen = new Set<number>([id]);
      const stack = [id];
      // ParentContext may hold cycles in a damaged store; `seen` keeps the walk finite.
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        for (const child of this.children.get(top) ?? []) {
          if (!seen.has(child)) {
            seen.add(child);
            stack.push(child);
          }
        }
      }
      return { name, contextIds: [...seen].sort((a, b) => a - b) };
    });
  }
}
