/** Per-source role overrides as rows, in the order they were given (the first match wins). */
import type { DatabaseSync } from 'node:sqlite';
import type { RoleOverrideEntry } from '@graphlet/contract';
import { exactPattern, type RoleOverride } from '@graphlet/core';
import { statement } from './statement.ts';

/** The overrides of a source, in order. */
export function listRoleOverrides(db: DatabaseSync, sourceId: string): RoleOverrideEntry[] {
  return statement(
    db,
    'SELECT field, value, role FROM role_overrides WHERE source_id = ? ORDER BY position',
  ).all(sourceId) as unknown as RoleOverrideEntry[];
}

/** Replaces the overrides of a source (call inside a transaction). */
export function replaceRoleOverrides(
  db: DatabaseSync,
  sourceId: string,
  overrides: readonly RoleOverrideEntry[],
): void {
  statement(db, 'DELETE FROM role_overrides WHERE source_id = ?').run(sourceId);
  const insert = statement(
    db,
    'INSERT OR REPLACE INTO role_overrides (source_id, field, value, role, position) VALUES (?, ?, ?, ?, ?)',
  );
  overrides.forEach((o, i) => {
    insert.run(sourceId, o.field, o.value, o.role, i);
  });
}

/** Stored overrides as core's RoleOverride: exact matches (case-insensitive, as every override) on type or name. */
export function toCoreOverrides(entries: readonly RoleOverrideEntry[]): RoleOverride[] {
  return entries.map((o) => ({ field: o.field, pattern: exactPattern(o.value), role: o.role }));
}
