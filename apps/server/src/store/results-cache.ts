/**
 * Computed results (statistics per trace set) cached in the store under a byte budget: each read
 * marks its row used, and a write evicts the least recently used rows past the budget. Any
 * import or delete clears them all.
 */
import type { DatabaseSync } from 'node:sqlite';
import { statement } from './statement.ts';

/** The next use stamp: one more than the newest, so recency survives restarts. */
const NEXT_USE = '(SELECT COALESCE(MAX(used), 0) + 1 FROM results)';

/** The cached JSON text under `key`, if any; marks it most recently used. */
export function getResult(db: DatabaseSync, key: string): string | undefined {
  const row = statement(
    db,
    'SELECT value, used, (SELECT MAX(used) FROM results) AS newest FROM results WHERE key = ?',
  ).get(key) as { value: string; used: number; newest: number } | undefined;
  // A read writes only when the order changes: the same set asked again writes nothing.
  if (row !== undefined && row.used < row.newest) {
    statement(db, `UPDATE results SET used = ${NEXT_USE} WHERE key = ?`).run(key);
  }
  return row?.value;
}

/**
 * Caches `value` (JSON text) under `key`, then evicts least recently used rows until the rows
 * hold at most `limitBytes`; a value larger than the whole budget is not kept.
 */
export function putResult(db: DatabaseSync, key: string, value: string, limitBytes: number): void {
  const bytes = Buffer.byteLength(value);
  if (bytes > limitBytes) return;
  statement(
    db,
    `INSERT OR REPLACE INTO results (key, value, created, bytes, used) VALUES (?, ?, ?, ?, ${NEXT_USE})`,
  ).run(key, value, new Date().toISOString(), bytes);
  let { total } = statement(db, 'SELECT COALESCE(SUM(bytes), 0) AS total FROM results').get() as {
    total: number;
  };
  while (total > limitBytes) {
    const oldest = statement(db, 'SELECT key, bytes FROM results ORDER BY used LIMIT 1').get() as {
      key: string;
      bytes: number;
    };
    statement(db, 'DELETE FROM results WHERE key = ?').run(oldest.key);
    total -= oldest.bytes;
  }
}

/** How much the results cache holds: bytes of JSON text and rows. */
export function resultsUsage(db: DatabaseSync): { bytes: number; entries: number } {
  return statement(
    db,
    'SELECT COALESCE(SUM(bytes), 0) AS bytes, COUNT(*) AS entries FROM results',
  ).get() as { bytes: number; entries: number };
}

/** Drops every cached result: traces changed. */
export function clearResults(db: DatabaseSync): void {
  statement(db, 'DELETE FROM results').run();
}

/** Drops every cached result unless the connection's sync has finished (`Store`'s doc). */
export function clearResultsUnlessSynced(db: DatabaseSync, connectionId: string): void {
  statement(
    db,
    "DELETE FROM results WHERE NOT EXISTS (SELECT 1 FROM connections WHERE id = ? AND state = 'ready')",
  ).run(connectionId);
}
