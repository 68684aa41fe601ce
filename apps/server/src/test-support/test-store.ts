/**
 * A fresh store of either kind for tests: SQLite in a temporary data folder, or PostgreSQL in a
 * uniquely named database on the test server (GRAPHLET_POSTGRES_URL), dropped by `drop()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@graphlet/formats/testing/databases';
import { openDatabase } from '../store/open-database.ts';
import { openPostgresStore } from '../store/postgres/postgres-store.ts';
import { sqliteStore } from '../store/sqlite-store.ts';
import type { Store, StoreDialect } from '../store/store.ts';

/** Every table that holds data, parents after children (search_nodes is SQLite's; see below). */
const TABLES = [
  'search_nodes',
  'graphlets',
  'trace_payloads',
  'traces',
  'role_overrides',
  'lineage_events',
  'connections',
  'sources',
  'jobs',
  'results',
  'waste_test_graphlets',
  'waste_models',
  'waste_model_forests',
];

/** The store kinds every store test runs against. */
export const STORE_DIALECTS: readonly StoreDialect[] = ['sqlite', 'postgres'];

/** A test's store; `drop()` closes it and removes its folder or database. */
export interface TestStore {
  readonly store: Store;
  /** The PostgreSQL database URL (undefined for SQLite). */
  readonly url: string | undefined;
  /** Empties every table (the recorded migrations stay). */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

/** Opens an empty, migrated store of `dialect`; `tag` names the PostgreSQL database. */
export async function openTestStore(dialect: StoreDialect, tag: string): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'graphlet-store-'));
    const db = openDatabase(dir);
    const store = sqliteStore(db);
    return {
      store,
      url: undefined,
      async reset() {
        for (const table of TABLES) db.exec(`DELETE FROM ${table}`);
      },
      async drop() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await createTestDatabase('postgres', tag);
  try {
    const store = await openPostgresStore({ url: database.url });
    return {
      store,
      url: database.url,
      // PostgreSQL keeps search rows in chunks (migration 18), their trace order in an owned sequence.
      reset: () =>
        database.admin(
          `TRUNCATE ${TABLES.map((t) => (t === 'search_nodes' ? 'search_chunks' : t)).join(', ')} RESTART IDENTITY CASCADE`,
        ),
      async drop() {
        await store.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
