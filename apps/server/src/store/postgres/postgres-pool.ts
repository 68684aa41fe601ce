/** A pg connection pool for the PostgreSQL store, and transactions on one of its clients. */
import pg from 'pg';

/** int8 (COUNT, BIGINT ids) and numeric (SUM of BIGINT) come back as numbers, as on SQLite. */
const NUMERIC_OIDS = new Set([20, 1700]);

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMERIC_OIDS.has(oid)
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Where the store lives: the database URL and, optionally, a schema of its own in it. */
export interface PostgresLocation {
  readonly url: string;
  /** Tables go in this schema (public stays on the search path for pg_trgm). */
  readonly schema?: string | undefined;
}

/** The URL with the schema first on its search path, for processes that open the store by URL alone. */
export function urlWithSchema(location: PostgresLocation): string {
  if (location.schema === undefined) return location.url;
  const url = new URL(location.url);
  url.searchParams.set('options', `-c search_path=${location.schema},public`);
  return url.toString();
}

/** Opens a pool on the location's database (postgres://user:password@host:port/database). */
export function createPool(location: PostgresLocation, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: location.url,
    max,
    types,
    ...(location.schema === undefined
      ? {}
      : { options: `-c search_path=${location.schema},public` }),
  });
  // An idle client that loses its connection (the server restarted) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

/** Runs `work` in one transaction on one client: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // A connection lost mid-transaction fails the query in flight; its 'error' event must not
  // crash the process (the pool drops the client on release).
  const lost = () => {};
  client.on('error', lost);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.off('error', lost);
    client.release();
  }
}
