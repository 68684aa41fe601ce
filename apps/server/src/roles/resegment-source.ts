/**
 * Applies a source's role overrides: each trace's executions take the override's role, or the
 * role they were imported with (kept in `base_roles` once first overridden), and the trace is
 * segmented again and stored under the same id. The live source is rebuilt from its events.
 */
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
import { toCoreOverrides } from '../store/role-override-rows.ts';
import type { Store } from '../store/store.ts';

/** Stores the overrides and re-segments the source's traces, in one transaction. */
export async function setRoleOverrides(
  store: Store,
  sourceId: string,
  overrides: readonly RoleOverrideEntry[],
): Promise<void> {
  if (sourceId === LIVE_SOURCE_ID) {
    await rebuildLiveSource(store, { overrides });
    return;
  }
  const compiled = compileOverrides(toCoreOverrides(overrides));
  await store.rewriteSourceRoles(sourceId, overrides, (row) => {
    const trace = JSON.parse(row.trace) as Trace;
    const base: Role[] =
      row.baseRoles === null ? trace.executions.map((e) => e.role) : JSON.parse(row.baseRoles);
    const executions = trace.executions.map(
      (e, i): Execution => ({
        ...e,
        role: compiled.find((o) => overrideMatches(o, e))?.role ?? base[i] ?? e.role,
      }),
    );
    return { trace: storeTrace({ ...trace, executions }), baseRoles: JSON.stringify(base) };
  });
}

/** The types and names of a source's executions, with how many there are and their role now. */
export async function roleSubjects(store: Store, sourceId: string): Promise<RoleSubject[]> {
  const rows = await store.listSourceTraces(sourceId);
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
