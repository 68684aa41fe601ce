/**
 * Reads every trace of an MLMD store with one scan per table (no query per pipeline or node),
 * then deals executions, artifacts and events out to their pipelines: the fast path for stores
 * that fit in memory. Same result as reading pipeline by pipeline (read-mlmd-store.ts).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Role, Trace } from '@graphlet/core';
import { readTraceRows } from './mlmd-rows.ts';
import { prepareTraceStatements } from './mlmd-trace-queries.ts';
import type { PipelineScope } from './pipeline-scopes.ts';

/** Which scopes each node (by dense index) belongs to; almost always exactly one. */
class Membership {
  private readonly first: Int32Array;
  private readonly more = new Map<number, number[]>();

  constructor(size: number) {
    this.first = new Int32Array(size).fill(-1);
  }

  add(node: number, scope: number): void {
    const first = this.first[node]!;
    if (first === -1) this.first[node] = scope;
    else if (first !== scope) {
      const more = this.more.get(node);
      if (more === undefined) this.more.set(node, [scope]);
      else if (!more.includes(scope)) more.push(scope);
    }
  }

  has(node: number): boolean {
    return this.first[node] !== -1;
  }

  forEach(node: number, fn: (scope: number) => void): void {
    const first = this.first[node]!;
    if (first === -1) return;
    fn(first);
    for (const scope of this.more.get(node) ?? []) fn(scope);
  }
}

/** All traces: one per scope in order, then `default` for unassociated executions if any. */
export function scanMlmdTraces(
  db: DatabaseSync,
  tables: ReadonlyMap<string, ReadonlySet<string>>,
  scopes: readonly PipelineScope[],
  typeNames: ReadonlyMap<number, string>,
  role: (type: string) => Role,
): Trace[] {
  const all = readTraceRows(prepareTraceStatements(db, tables, 'all'), [], typeNames, role);
  if (scopes.length === 0) return [{ pipeline: 'default', ...all }];

  const contextScopes = new Map<number, number[]>();
  scopes.forEach((scope, s) => {
    for (const c of scope.contextIds) {
      const list = contextScopes.get(c);
      if (list === undefined) contextScopes.set(c, [s]);
      else list.push(s);
    }
  });
  const executionIndex = new Map(all.executions.map((e, i) => [e.id as number, i]));
  const artifactIndex = new Map(all.artifacts.map((a, i) => [a.id as number, i]));

  const executionScopes = new Membership(all.executions.length);
  const artifactScopes = new Membership(all.artifacts.length);
  const link = (table: string, node: string, index: Map<number, number>, members: Membership) => {
    if (!tables.has(table)) return;
    const statement = db.prepare(`SELECT context_id, ${node} FROM ${table}`);
    statement.setReturnArrays(true);
    for (const row of statement.all() as unknown as [number, number][]) {
      const i = index.get(Number(row[1]));
      if (i === undefined) continue;
      for (const s of contextScopes.get(Number(row[0])) ?? []) members.add(i, s);
    }
  };
  link('Association', 'execution_id', executionIndex, executionScopes);
  link('Attribution', 'artifact_id', artifactIndex, artifactScopes);
  const orphans = scopes.length;
  for (let i = 0; i < all.executions.length; i++) {
    if (!executionScopes.has(i)) executionScopes.add(i, orphans);
  }

  const traces = [...scopes.map((s) => s.name), 'default'].map((pipeline) => ({
    pipeline,
    executions: [] as Trace['executions'][number][],
    artifacts: [] as Trace['artifacts'][number][],
    events: [] as Trace['events'][number][],
  }));
  for (const event of all.events) {
    const x = executionIndex.get(event.execution);
    if (x === undefined) continue;
    const a = artifactIndex.get(event.artifact);
    executionScopes.forEach(x, (s) => {
      traces[s]!.events.push(event);
      if (a !== undefined) artifactScopes.add(a, s);
    });
  }
  all.executions.forEach((e, i) => {
    executionScopes.forEach(i, (s) => traces[s]!.executions.push(e));
  });
  all.artifacts.forEach((a, i) => {
    artifactScopes.forEach(i, (s) => traces[s]!.artifacts.push(a));
  });
  return traces[orphans]!.executions.length === 0 ? traces.slice(0, orphans) : traces;
}
