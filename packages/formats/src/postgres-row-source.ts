/**
 * The PostgreSQL row source (pg with pg-cursor): one client whose session defaults to read-only
 * transactions, rows fetched through a cursor in batches, snapshots as repeatable-read
 * read-only transactions.
 */
import pg from 'pg';
import Cursor from 'pg-cursor';
import { connectionFailure } from './connection-error.ts';
import type { Row, RowSource, SqlValue } from './row-source.ts';
import { postgresOptions } from './server-options.ts';
import { describeServerSchema, NestedSnapshot } from './server-snapshot.ts';
import type { ServerLocation } from './store-location.ts';

const BATCH = 1024;

/** Connects to a PostgreSQL MLMD store read-only; unset fields fall back to PG's environment. */
export async function openPostgresRowSource(location: ServerLocation): Promise<RowSource> {
  const client = new pg.Client({
    ...postgresOptions(location),
    // Read-only session; no JIT: its compile time dwarfs these short per-pipeline queries.
    options: '-c default_transaction_read_only=on -c jit=off',
  });
  // A server that goes away later fails the query being read and the next ones.
  let source: PostgresRowSource | undefined;
  client.on('error', (error) => source?.broke(error));
  client.on('end', () => source?.broke({ code: '08006' }));
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw connectionFailure(location.label, error);
  }
  source = new PostgresRowSource(client, location.label);
  return source;
}

/** `?` placeholders as PostgreSQL's `$1, $2, ...` (outside quoted text). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|\?/g, (match) => (match === '?' ? `$${++n}` : match));
}

class PostgresRowSource implements RowSource {
  readonly dialect = 'postgres';
  readonly label: string;
  private readonly client: pg.Client;
  private readonly snapshot = new NestedSnapshot(
    (sql) => this.run(sql),
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
  private broken = false;
  /** Rejects when the connection fails: pg-cursor's read never settles on a terminated backend. */
  private readonly failure: Promise<never>;
  private fail: (error: unknown) => void = () => {};

  constructor(client: pg.Client, label: string) {
    this.client = client;
    this.label = label;
    this.failure = new Promise<never>((_, reject) => {
      this.fail = reject;
    });
    this.failure.catch(() => {});
  }

  /** The connection failed (terminated, network cut): nothing on it may be waited for any more. */
  broke(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.fail(error);
  }

  async *rows(sql: string, params: readonly SqlValue[] = []): AsyncGenerator<Row[]> {
    if (this.broken)
      await this.failure.catch((error) => {
        throw connectionFailure(this.label, error);
      });
    const cursor = this.client.query(
      new Cursor(numberedPlaceholders(sql), params as unknown[], { rowMode: 'array' }),
    );
    let failed = false;
    try {
      for (;;) {
        let batch: Row[];
        try {
          batch = (await Promise.race([cursor.read(BATCH), this.failure])) as Row[];
        } catch (error) {
          failed = true;
          throw connectionFailure(this.label, error);
        }
        if (batch.length === 0) break;
        yield batch;
      }
    } finally {
      // Closing a failed cursor, or one on a dead connection, would wait for an answer forever.
      if (!failed && !this.broken) await cursor.close().catch(() => {});
    }
  }

  begin(): Promise<void> {
    return this.snapshot.begin();
  }

  end(): Promise<void> {
    return this.snapshot.end();
  }

  describe(): Promise<Map<string, Set<string>>> {
    return describeServerSchema(this, 'current_schema()');
  }

  async close(): Promise<void> {
    if (this.broken) return;
    await this.client.end().catch(() => {});
  }

  private async run(sql: string): Promise<void> {
    try {
      await Promise.race([this.client.query(sql), this.failure]);
    } catch (error) {
      throw connectionFailure(this.label, error);
    }
  }
}
