/** Applies the store's migrations (their PostgreSQL text) to a database, recording them as on SQLite. */
import type pg from 'pg';
import {
  MIGRATIONS,
  type Migration,
  migrationError,
  pendingMigrations,
  SCHEMA_MIGRATIONS_TABLE,
} from '../migrations.ts';
import { inTransaction } from './postgres-pool.ts';

/** A fixed advisory lock key, so two servers starting together migrate one after the other. */
const MIGRATION_LOCK = 0x6772_6170;

/**
 * Applies every migration newer than the database in ONE transaction (PostgreSQL's DDL is
 * transactional: all pending ones land or none) under an advisory lock; returns the version.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(SCHEMA_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT MAX(version) AS v FROM schema_migrations',
    );
    const current = rows[0]?.v ?? 0;
    for (const m of pendingMigrations(current, migrations)) {
      try {
        await client.query(m.postgres);
        await client.query(
          'INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)',
          [m.version, m.name, new Date().toISOString()],
        );
      } catch (error) {
        throw migrationError(m, error);
      }
    }
    return Math.max(migrations.at(-1)?.version ?? 0, current);
  });
}
