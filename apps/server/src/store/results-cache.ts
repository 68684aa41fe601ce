/** Computed results (statistics per trace set) cached in the store; any import or delete clears them. */
import type { DatabaseSync } from 'node:sqlite';
import { statement } from './statement.ts';

/** The cached JSON text under `key`, if any. */
export function getResult(db: DatabaseSync, key: string): string | undefined {
  const row = statement(db, 'SELECT value FROM results WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  return row?.value;
}

/** Caches `value` (JSON text) under `key`. */
export function putResult(db: DatabaseSync, key: string, value: string): void {
  statement(db, 'INSERT OR REPLACE INTO results (key, value, created) VALUES (?, ?, ?)').run(
    key,
    value,
    new Date().toISOString(),
  );
}

/** Drops every cached result: traces changed. */
export function clearResults(db: DatabaseSync): void {
  statement(db, 'DELETE FROM results').run();
}
