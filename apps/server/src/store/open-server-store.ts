/**
 * The store a server or worker process runs on, chosen by the configuration: PostgreSQL at
 * DATABASE_URL, else the SQLite file in DATA_DIR. Opening PostgreSQL is asynchronous (migrations,
 * the first job ids): `ready` settles when it is usable, and the API waits for it.
 */
import { join } from 'node:path';
import type pg from 'pg';
import type { Config } from '../config.ts';
import { JobRowWriter } from './job-row-writer.ts';
import type { JobRows } from './job-rows.ts';
import { failUnfinishedJobs } from './job-rows.ts';
import { openDatabase, STORE_FILE } from './open-database.ts';
import { migratePostgres } from './postgres/migrate-postgres.ts';
import { PostgresJobRows } from './postgres/postgres-job-rows.ts';
import { createPool, urlWithSchema } from './postgres/postgres-pool.ts';
import { postgresStore } from './postgres/postgres-store.ts';
import { sqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/** An opened store with its job rows. */
export interface ServerStore {
  readonly store: Store;
  /** What worker threads open: the SQLite file or the PostgreSQL URL (schema included). */
  readonly location: string;
  readonly jobRows: JobRows;
  /** Settles once the store is migrated and job ids can be allocated; rejects naming why not. */
  readonly ready: Promise<void>;
  /** Writes pending job rows and closes every connection. */
  close(): Promise<void>;
}

/**
 * Opens the configured store; `interruptedJobs` (no job queue: jobs die with the process) marks
 * jobs a previous process left unfinished as failed with that message.
 */
export function openServerStore(config: Config, interruptedJobs?: string): ServerStore {
  if (config.databaseUrl === undefined) {
    const db = openDatabase(config.dataDir);
    if (interruptedJobs !== undefined) failUnfinishedJobs(db, interruptedJobs);
    const location = join(config.dataDir, STORE_FILE);
    const jobRows = new JobRowWriter(location);
    return {
      store: sqliteStore(db),
      location,
      jobRows,
      ready: Promise.resolve(),
      close: async () => {
        jobRows.close();
        db.close();
      },
    };
  }
  const place = { url: config.databaseUrl, schema: config.databaseSchema };
  const pool = createPool(place);
  const store = postgresStore(pool);
  const jobRows = new PostgresJobRows(pool);
  const ready = (async () => {
    try {
      if (place.schema !== undefined) await createSchema(pool, place.schema);
      await migratePostgres(pool);
      if (interruptedJobs !== undefined) await store.failUnfinishedJobs(interruptedJobs);
      await jobRows.ready();
    } catch (error) {
      throw new Error(
        `store: cannot open the PostgreSQL store at ${redacted(place.url)}: ${(error as Error).message}`,
      );
    }
  })();
  // Callers that never wait for `ready` (a server closed at once) must not see an unhandled rejection.
  ready.catch(() => {});
  return {
    store,
    location: urlWithSchema(place),
    jobRows,
    ready,
    close: async () => {
      await ready.catch(() => {});
      await jobRows.close();
      await pool.end();
    },
  };
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  const u = new URL(url);
  if (u.password !== '') u.password = '***';
  return u.toString();
}

/**
 * CREATE SCHEMA IF NOT EXISTS, by processes starting together (API replicas, workers): the
 * check and the insert are not atomic, so the loser of a race sees a duplicate and the schema.
 */
async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}
