/**
 * The MySQL/MariaDB row source (mysql2): one connection in a read-only session, rows streamed
 * off the wire in batches (never a whole result in memory), snapshots as consistent-snapshot
 * read-only transactions.
 */
import { type Connection, createConnection } from 'mysql2';
import { connectionFailure } from './connection-error.ts';
import { columnsByTable, type Row, type RowSource, type SqlValue } from './row-source.ts';
import type { ServerLocation } from './store-location.ts';

const BATCH = 512;

/** Connects to a MySQL/MariaDB MLMD store read-only. */
export async function openMysqlRowSource(location: ServerLocation): Promise<RowSource> {
  if (location.database === undefined) {
    throw connectionFailure(location.label, { code: 'ER_BAD_DB_ERROR' });
  }
  const connection = createConnection({
    host: location.host ?? 'localhost',
    port: location.port ?? 3306,
    user: location.user,
    password: location.password,
    database: location.database,
    charset: 'utf8mb4',
    connectTimeout: 10_000,
    supportBigNumbers: true,
    dateStrings: true,
  });
  const source = new MysqlRowSource(connection, location.label);
  // A server that goes away (KILL, a network cut) ends the streams being read and fails the next
  // query; without this a stream whose connection died would wait forever.
  connection.on('error', (error) => source.broke(error));
  connection.on('end', () => source.broke({ code: 'PROTOCOL_CONNECTION_LOST' }));
  try {
    await new Promise<void>((resolve, reject) =>
      connection.connect((error) => (error ? reject(error) : resolve())),
    );
    // Belt and braces: the reader only SELECTs, and the session refuses writes anyway.
    await source.run('SET SESSION TRANSACTION READ ONLY');
  } catch (error) {
    connection.destroy();
    throw connectionFailure(location.label, error);
  }
  return source;
}

class MysqlRowSource implements RowSource {
  readonly dialect = 'mysql';
  readonly label: string;
  private readonly connection: Connection;
  private depth = 0;
  private broken: unknown;
  private readonly streams = new Set<{ destroy(error?: Error): void }>();

  constructor(connection: Connection, label: string) {
    this.connection = connection;
    this.label = label;
  }

  /** The connection failed: fail what is being read and every later query. */
  broke(error: unknown): void {
    this.broken ??= error;
    const failure = connectionFailure(this.label, this.broken);
    for (const stream of this.streams) stream.destroy(failure);
  }

  async *rows(sql: string, params: readonly SqlValue[] = []): AsyncGenerator<Row[]> {
    if (this.broken !== undefined) throw connectionFailure(this.label, this.broken);
    // The callback API streams rows as they arrive off the wire.
    const stream = this.connection
      .query({ sql, values: params as unknown[], rowsAsArray: true })
      .stream({ highWaterMark: BATCH });
    this.streams.add(stream);
    let batch: Row[] = [];
    try {
      for await (const row of stream) {
        batch.push(row as Row);
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
    } catch (error) {
      throw connectionFailure(this.label, error);
    } finally {
      this.streams.delete(stream);
    }
    if (batch.length > 0) yield batch;
  }

  async begin(): Promise<void> {
    if (this.depth === 0) await this.run('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    this.depth++;
  }

  async end(): Promise<void> {
    // Ending a read-only snapshot changes nothing; a broken connection fails the next query.
    if (--this.depth === 0) await this.run('COMMIT').catch(() => {});
  }

  async describe(): Promise<Map<string, Set<string>>> {
    const rows: Row[] = [];
    for await (const batch of this.rows(
      'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = DATABASE()',
    )) {
      rows.push(...batch);
    }
    return columnsByTable(rows);
  }

  async close(): Promise<void> {
    if (this.broken !== undefined) {
      this.connection.destroy();
      return;
    }
    try {
      await this.connection.promise().end();
    } catch {
      // A connection that already broke has nothing left to close.
      this.connection.destroy();
    }
  }

  /** Runs one statement that returns no rows. */
  async run(sql: string): Promise<void> {
    if (this.broken !== undefined) throw connectionFailure(this.label, this.broken);
    try {
      await this.connection.promise().query(sql);
    } catch (error) {
      throw connectionFailure(this.label, error);
    }
  }
}
