/**
 * Opens the configured store: PostgreSQL when the location is a postgres:// URL (DATABASE_URL),
 * else the SQLite file. The server opens it once (migrating); worker threads and worker processes
 * open their own by the same location (`storeLocation`) without migrating.
 */
import { DatabaseSync } from 'node:sqlite';
import { backfillWal } from './backfill-wal.ts';
import { createPool } from './postgres/postgres-pool.ts';
import { postgresStore } from './postgres/postgres-store.ts';
import { sqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/** True for a PostgreSQL URL (postgres:// or postgresql://). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Options of a worker's own store connection. */
export interface WorkerStoreOptions {
  /** Caps the SQLite store's pages (tests inject a full disk); ignored on PostgreSQL. */
  readonly maxPageCount?: number | undefined;
  /** Opens SQLite read-only. */
  readonly readOnly?: boolean;
  /**
   * Copies what this connection wrote from the WAL into the store file when it closes (SQLite):
   * for a worker that closes before it reports, not one that may be terminated while closing.
   */
  readonly backfillOnClose?: boolean;
}

/** A worker's own connection to an already migrated store at `location`. */
export function openWorkerStore(location: string, options: WorkerStoreOptions = {}): Store {
  if (isPostgresUrl(location)) return postgresStore(createPool({ url: location }, 2));
  const db = new DatabaseSync(location, { readOnly: options.readOnly === true });
  db.exec('PRAGMA busy_timeout = 30000');
  if (options.readOnly !== true) db.exec('PRAGMA foreign_keys = ON');
  if (options.maxPageCount !== undefined)
    db.exec(`PRAGMA max_page_count = ${options.maxPageCount}`);
  const store = sqliteStore(db);
  if (options.backfillOnClose !== true) return store;
  // What this worker wrote reaches the store file here, not in the main thread's next write.
  const close = async () => {
    await backfillWal(db).catch(() => false);
    await store.close();
  };
  return { ...store, close };
}
