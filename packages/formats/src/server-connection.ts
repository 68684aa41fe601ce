/**
 * A writable connection to a MySQL/MariaDB or PostgreSQL server, for the MLMD writer and for
 * tests that create and drop databases. The reader never uses it (row sources are read-only).
 */
import { createConnection } from 'mysql2/promise';
import pg from 'pg';
import { connectionFailure } from './connection-error.ts';
import { numberedPlaceholders } from './postgres-row-source.ts';
import type { Row, SqlValue } from './row-source.ts';
import { mysqlOptions, postgresOptions } from './server-options.ts';
import type { ServerLocation } from './store-location.ts';

/** Statements on one server connection; `?` marks parameters in both dialects. */
export interface ServerConnection {
  readonly dialect: 'mysql' | 'postgres';
  readonly label: string;
  /** Runs one statement; resolves to its rows as arrays (empty for statements without rows). */
  query(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Connects to the server of `location` (its database, or the server's default when none). */
export async function connectServer(location: ServerLocation): Promise<ServerConnection> {
  return location.kind === 'mysql' ? connectMysql(location) : connectPostgres(location);
}

async function connectMysql(location: ServerLocation): Promise<ServerConnection> {
  try {
    const connection = await createConnection(mysqlOptions(location));
    connection.on('error', () => {});
    return {
      dialect: 'mysql',
      label: location.label,
      async query(sql, params = []) {
        try {
          const [rows] = await connection.query({
            sql,
            values: params as unknown[],
            rowsAsArray: true,
          });
          return Array.isArray(rows) ? (rows as Row[]) : [];
        } catch (error) {
          throw connectionFailure(location.label, error);
        }
      },
      async close() {
        await connection.end().catch(() => connection.destroy());
      },
    };
  } catch (error) {
    throw connectionFailure(location.label, error);
  }
}

async function connectPostgres(location: ServerLocation): Promise<ServerConnection> {
  const client = new pg.Client(postgresOptions(location));
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw connectionFailure(location.label, error);
  }
  return {
    dialect: 'postgres',
    label: location.label,
    async query(sql, params = []) {
      try {
        const result = await client.query({
          text: numberedPlaceholders(sql),
          values: params as unknown[],
          rowMode: 'array',
        });
        return (result.rows ?? []) as Row[];
      } catch (error) {
        throw connectionFailure(location.label, error);
      }
    },
    async close() {
      await client.end().catch(() => {});
    },
  };
}
