/**
 * Applies a source's role overrides: each trace's executions take the override's role, or the
 * role they were imported with (kept in `base_roles` once first overridden), and the trace is
 * segmented again and stored under the same id. The live source is rebuilt from its events.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { RoleOverrideEntry, RoleSubject } from '@graphlet/contract';
import {
  compileOverrides,
  type Execution,
  overrideMatches,
  type Role,
  type Trace,
} from '@graphlet/core';
import { storeTrace } from '../import/store-trace.ts';
import { LIVE_SOURCE_ID, rebuildLiveSource } from '../lineage/live-lineage.ts';
import { clearResults } from '../store/results-cache.ts';
import { replaceRoleOverrides, toCoreOverrides } from '../store/role-override-rows.ts';
import { statement, transaction } from '../store/statement.ts';
import { insertTrace } from '../store/write-import.ts';

interface TraceRow {
  id: string;
  ordinal: number;
  trace: string;
  base_roles: string | null;
}

/** Stores the overrides and re-segments the source's traces, in one transaction. */
export function setRoleOverrides(
  db: DatabaseSync,
  sourceId: string,
  overrides: readonly RoleOverrideEntry[],
): void {
  transaction(db, () => {
    replaceRoleOverrides(db, sourceId, overrides);
    if (sourceId === LIVE_SOURCE_ID) {
      rebuildLiveSource(db);
      return;
    }
    const compiled = compileOverrides(toCoreOverrides(overrides));
    const rows = statement(
      db,
      `SELECT t.id, t.ordinal, p.trace, p.base_roles FROM traces t JOIN trace_payloads p ON p.trace_id = t.id
       WHERE t.source_id = ? ORDER BY t.ordinal`,
    ).all(sourceId) as unknown as TraceRow[];
    for (const row of rows) {
      const trace = JSON.parse(row.trace) as Trace;
      const base: Role[] =
        row.base_roles === null ? trace.executions.map((e) => e.role) : JSON.parse(row.base_roles);
      const executions = trace.executions.map(
        (e, i): Execution => ({
          ...e,
          role: compiled.find((o) => overrideMatches(o, e))?.role ?? base[i] ?? e.role,
        }),
      );
      statement(db, 'DELETE FROM traces WHERE id = ?').run(row.id);
      insertTrace(
        db,
        sourceId,
        row.ordinal,
        storeTrace({ ...trace, executions }),
        JSON.stringify(base),
      );
    }
    clearResults(db);
  });
}

/** The types and names of a source's executions, with how many there are and their role now. */
export function roleSubjects(db: DatabaseSync, sourceId: string): RoleSubject[] {
  const rows = statement(
    db,
    'SELECT p.trace FROM traces t JOIN trace_payloads p ON p.trace_id = t.id WHERE t.source_id = ?',
  ).all(sourceId) as { trace: string }[];
  const subjects = new Map<string, RoleSubject>();
  const add = (field: 'type' | 'name', value: string | undefined, role: Role) => {
    if (value === undefined || value === '') return;
    const key = `${field}\u0000${value}`;
    const seen = subjects.get(key);
    subjects.set(key, {
      field,
      value,
      role: seen === undefined || seen.role === role ? role : null,
      executions: (seen?.executions ?? 0) + 1,
    });
  };
  for (const { trace } of rows) {
    for (const e of (JSON.parse(trace) as Trace).executions) {
      add('type', e.type, e.role);
      add('name', e.name, e.role);
    }
  }
  return [...subjects.values()].sort((a, b) =>
    a.field === b.field
      ? a.value < b.value
        ? -1
        : a.value > b.value
          ? 1
          : 0
      : a.field === 'type'
        ? -1
        : 1,
  );
}
