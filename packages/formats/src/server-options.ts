/**
 * Client options for a MySQL/MariaDB or PostgreSQL server location, shared by the read-only row
 * sources and the writable server connection so both reach a server the same way.
 */
import type { ConnectionOptions } from 'mysql2';
import type pg from 'pg';
import type { ServerLocation } from './store-location.ts';

/** mysql2 options for `location`: utf8mb4, a 10 s connect timeout, big numbers kept exact. */
export function mysqlOptions(location: ServerLocation): ConnectionOptions {
  return {
    host: location.host ?? 'localhost',
    port: location.port ?? 3306,
    user: location.user,
    password: location.password,
    database: location.database,
    charset: 'utf8mb4',
    connectTimeout: 10_000,
    supportBigNumbers: true,
  };
}

/** pg client options for `location` (unset fields fall back to PG's environment). */
export function postgresOptions(location: ServerLocation): pg.ClientConfig {
  return {
    host: location.host,
    port: location.port,
    user: location.user,
    password: location.password,
    database: location.database,
    connectionTimeoutMillis: 10_000,
  };
}
