/**
 * Writes traces into an MLMD store on MySQL/MariaDB or PostgreSQL with MLMD's own v10 DDL
 * (mlmd-schema-server.ts), or appends them to an existing v10 store there: the same rows as the
 * SQLite writer (mlmd-row-planner.ts), sent as multi-row INSERTs in transactions. For an SQLite
 * path it is the SQLite writer.
 */
import type { Trace } from '@graphlet/core';
import { FormatError } from './format-error.ts';
import { idList } from './mlmd-dialect.ts';
import {
  type ExistingStore,
  MlmdRowPlanner,
  WRITER_COLUMNS,
  type WriterTable,
} from './mlmd-row-planner.ts';
import {
  GENERATED_ID_TABLES,
  MYSQL_V10_INDEXES,
  POSTGRES_V10_INDEXES,
} from './mlmd-schema-server.ts';
import { prepareServerStore } from './prepare-server-store.ts';
import type { SqlValue } from './row-source.ts';
import { connectServer, type ServerConnection } from './server-connection.ts';
import { parseStoreLocation, type StoreLocation } from './store-location.ts';
import { openMlmdWriter } from './write-mlmd-store.ts';

/** Bytes of row data per INSERT (MariaDB's default max_allowed_packet is 16 MiB). */
const MAX_STATEMENT_BYTES = 4 * 1024 * 1024;

/** Options of the store writer. */
export interface MlmdStoreWriterOptions {
  /** Replace an existing store (drops MLMD's tables on a server, the file on SQLite). */
  readonly overwrite?: boolean;
  /** Append to an existing v10 store on a server: traces of known pipelines extend them. */
  readonly append?: boolean;
  /** Rows buffered before a flush (default 20,000). */
  readonly flushRows?: number;
}

/** A store being written: append traces, then close to finish it. */
export interface MlmdStoreWriter {
  /** Appends one trace as a pipeline context with its executions, artifacts and events. */
  writeTrace(trace: Trace): Promise<void>;
  /** Flushes, creates the secondary indexes (new stores) and closes the connection. */
  close(): Promise<void>;
}

/** Opens a writer on the store at `location` (an SQLite path or a server URL). */
export async function openMlmdStoreWriter(
  location: string | StoreLocation,
  options: MlmdStoreWriterOptions = {},
): Promise<MlmdStoreWriter> {
  const at = typeof location === 'string' ? parseStoreLocation(location) : location;
  if (at.kind === 'sqlite') {
    if (options.append === true) {
      throw new FormatError(
        'unsupported',
        at.label,
        'appending is supported on database servers only',
      );
    }
    const writer = openMlmdWriter(at.path, { overwrite: options.overwrite });
    return {
      writeTrace: async (trace) => writer.writeTrace(trace),
      close: async () => writer.close(),
    };
  }
  const connection = await connectServer(at);
  try {
    const existing = await prepareServerStore(connection, options);
    return new ServerWriter(connection, existing, options.flushRows ?? 20_000);
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/** Writes `traces` into a new store at `location`. */
export async function writeMlmdStoreTo(
  location: string | StoreLocation,
  traces: Iterable<Trace> | AsyncIterable<Trace>,
  options: MlmdStoreWriterOptions = {},
): Promise<void> {
  const writer = await openMlmdStoreWriter(location, options);
  try {
    for await (const trace of traces) await writer.writeTrace(trace);
  } finally {
    await writer.close();
  }
}

class ServerWriter implements MlmdStoreWriter {
  private readonly connection: ServerConnection;
  private readonly appending: boolean;
  private readonly flushRows: number;
  private readonly planner: MlmdRowPlanner;
  private readonly pending = new Map<WriterTable, SqlValue[][]>();
  private buffered = 0;
  private closed = false;

  constructor(
    connection: ServerConnection,
    existing: ExistingStore | undefined,
    flushRows: number,
  ) {
    this.connection = connection;
    this.appending = existing !== undefined;
    this.flushRows = flushRows;
    this.planner = new MlmdRowPlanner(
      (table, row) => {
        let rows = this.pending.get(table);
        if (rows === undefined) {
          rows = [];
          this.pending.set(table, rows);
        }
        rows.push(row);
      },
      connection.label,
      { existing, int32Values: true },
    );
  }

  async writeTrace(trace: Trace): Promise<void> {
    if (this.closed) throw new Error('write-mlmd-server: writer is closed');
    if (this.appending) {
      // Ids are kept unless the store already holds them (then renumbered past the largest).
      await this.flush();
      this.planner.markTaken(
        await this.existing(
          'Execution',
          trace.executions.map((e) => e.id),
        ),
        await this.existing(
          'Artifact',
          trace.artifacts.map((a) => a.id),
        ),
      );
    }
    this.buffered += this.planner.planTrace(trace);
    if (this.buffered >= this.flushRows) await this.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.flush();
      if (!this.appending) {
        const indexes =
          this.connection.dialect === 'mysql' ? MYSQL_V10_INDEXES : POSTGRES_V10_INDEXES;
        for (const sql of indexes) await this.connection.query(sql);
      }
      if (this.connection.dialect === 'postgres') {
        // Planner statistics for the loaded tables, as autovacuum would gather them later.
        await this.connection.query('ANALYZE');
        // Ids were written explicitly; move each SERIAL sequence past them for later inserts.
        for (const table of GENERATED_ID_TABLES) {
          const name = table.toLowerCase();
          await this.connection.query(
            `SELECT setval(pg_get_serial_sequence('${name}', 'id'), COALESCE((SELECT MAX(id) FROM ${name}), 0) + 1, false)`,
          );
        }
      }
    } finally {
      await this.connection.close();
    }
  }

  /** Which of `ids` the store's `table` already holds. */
  private async existing(table: string, ids: readonly number[]): Promise<number[]> {
    const name = this.connection.dialect === 'mysql' ? `\`${table}\`` : table;
    const found: number[] = [];
    for (let at = 0; at < ids.length; at += 1000) {
      const rows = await this.connection.query(
        `SELECT id FROM ${name} WHERE id IN (${idList(ids.slice(at, at + 1000))})`,
      );
      for (const [id] of rows) found.push(Number(id));
    }
    return found;
  }

  /** Sends every buffered row, table by table, in one transaction. */
  private async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const c = this.connection;
    await c.query(c.dialect === 'mysql' ? 'START TRANSACTION' : 'BEGIN');
    try {
      for (const [table, rows] of this.pending) await this.insert(table, rows);
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK').catch(() => {});
      throw error;
    }
    this.pending.clear();
    this.buffered = 0;
  }

  private async insert(table: WriterTable, rows: readonly SqlValue[][]): Promise<void> {
    const columns = WRITER_COLUMNS[table];
    const name = this.connection.dialect === 'mysql' ? `\`${table}\`` : table;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    // PostgreSQL takes at most 65,535 parameters per statement; MySQL's packets are bounded too.
    const maxRows = Math.max(1, Math.floor(60_000 / columns.length));
    let start = 0;
    let bytes = 0;
    for (let i = 0; i <= rows.length; i++) {
      const full = i - start >= maxRows || bytes >= MAX_STATEMENT_BYTES;
      if (i > start && (i === rows.length || full)) {
        const part = rows.slice(start, i);
        await this.connection.query(
          `INSERT INTO ${name} (${columns.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`,
          part.flat(),
        );
        start = i;
        bytes = 0;
      }
      if (i < rows.length) bytes += rowBytes(rows[i]!);
    }
  }
}

/** Roughly how many bytes a row takes on the wire. */
function rowBytes(row: readonly SqlValue[]): number {
  let bytes = 0;
  for (const value of row) {
    bytes +=
      typeof value === 'string'
        ? value.length * 3
        : value instanceof Uint8Array
          ? value.length * 2
          : 24;
  }
  return bytes;
}
