/**
 * The MySQL/MariaDB row source (mysql2): one connection in a read-only session, rows streamed
 * off the wire in batches (never a whole result in memory), snapshots as consistent-snapshot
 * read-only transactions.
 */
import { type Connection, createConnection } from 'mysql2';
import { connectionFailure } from './connection-error.ts';
import type { Row, RowSource, SqlValue } from './row-source.ts';
import { mysqlOptions } from './server-options.ts';
import { describeServerSchema, NestedSnapshot } from './server-snapshot.ts';
import type { ServerLocation } from './store-location.ts';

const BATCH = 512;

/** Connects to a MySQL/MariaDB MLMD store read-only. */
export async function openMysqlRowSource(location: ServerLocation): Promise<RowSource> {
  if (location.database === undefined) {
    throw connectionFailure(location.label, { code: 'ER_BAD_DB_ERROR' });
  }
  const connection = createConnection({ ...mysqlOptions(location), dateStrings: true });
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
  private readonly snapshot = new NestedSnapshot(
    (sql) => this.run(sql),
    'START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY',
  );
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

  begin(): Promise<void> {
    return this.snapshot.begin();
  }

  end(): Promise<void> {
    return this.snapshot.end();
  }

  describe(): Promise<Map<string, Set<string>>> {
    return describeServerSchema(this, 'DATABASE()');
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
