/**
 * Writes traces into a new MLMD SQLite store with the schema-v10 tables, one pipeline context
 * per trace, streaming: each trace is appended inside large batched transactions.
 *
 * Ids: execution and artifact ids are kept unless an earlier trace in the same store already
 * used them; then the node gets a fresh id (one past the largest written) and the later trace's
 * events follow it. Nodes are never merged across traces, so traces that share ids read back
 * with the later ones renumbered.
 */
import { existsSync, rmSync } from 'node:fs';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { Trace } from '@graphlet/core';
import { BatchInsert } from './batch-insert.ts';
import { FormatError } from './format-error.ts';
import { MlmdRowPlanner, WRITER_COLUMNS, type WriterTable } from './mlmd-row-planner.ts';
import { MLMD_V10_INDEXES, MLMD_V10_SCHEMA_VERSION, MLMD_V10_TABLES } from './mlmd-schema-v10.ts';

/** Options of the MLMD writer. */
export interface MlmdWriterOptions {
  /** Replace an existing file instead of failing with code `exists`. */
  readonly overwrite?: boolean;
  /** Rows per transaction (default 200,000). */
  readonly batchRows?: number;
}

/** A store being written: append traces, then close to finish the file. */
export interface MlmdWriter {
  /** Appends one trace as a pipeline context with its executions, artifacts and events. */
  writeTrace(trace: Trace): void;
  /** Commits, creates the secondary indexes and closes the file. */
  close(): void;
}

/**
 * MLMD's v10 tables, except that Execution and Artifact names need not be unique per type: in
 * the trace model a name is the pipeline node name (`Trainer`), which repeats run after run.
 * MLMD reads such a store normally; only its own inserts would enforce the constraint.
 */
const WRITER_TABLES = MLMD_V10_TABLES.map((sql) =>
  /^CREATE TABLE `(Execution|Artifact)`/.test(sql)
    ? sql.replace(', UNIQUE(`type_id`, `name`)', '')
    : sql,
);

/** Writes `traces` into a new MLMD store at `path`. */
export function writeMlmdStore(
  path: string,
  traces: Iterable<Trace>,
  options: MlmdWriterOptions = {},
): void {
  const writer = openMlmdWriter(path, options);
  try {
    for (const trace of traces) writer.writeTrace(trace);
  } finally {
    writer.close();
  }
}

/** Opens a new MLMD store at `path` for streaming writes. */
export function openMlmdWriter(path: string, options: MlmdWriterOptions = {}): MlmdWriter {
  if (existsSync(path)) {
    if (options.overwrite !== true) {
      throw new FormatError('exists', path, 'already exists; refusing to overwrite it');
    }
    rmSync(path);
  }
  const db = new DatabaseSync(path);
  // A new file nobody else reads yet: no journal, no fsync, big cache.
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;');
  for (const sql of WRITER_TABLES) db.exec(sql);
  db.prepare('INSERT INTO MLMDEnv (schema_version) VALUES (?)').run(MLMD_V10_SCHEMA_VERSION);
  return new StoreWriter(path, db, options.batchRows ?? 200_000);
}

class StoreWriter implements MlmdWriter {
  private readonly path: string;
  private readonly db: DatabaseSync;
  private readonly batchRows: number;
  private pending = 0;
  private closed = false;
  private readonly rows: Record<WriterTable, BatchInsert>;
  private readonly planner: MlmdRowPlanner;

  constructor(path: string, db: DatabaseSync, batchRows: number) {
    this.path = path;
    this.db = db;
    this.batchRows = batchRows;
    this.rows = Object.fromEntries(
      Object.entries(WRITER_COLUMNS).map(([table, columns]) => [
        table,
        new BatchInsert(db, table, columns),
      ]),
    ) as Record<WriterTable, BatchInsert>;
    this.planner = new MlmdRowPlanner(
      (table, row) => this.rows[table].add(...(row as SQLInputValue[])),
      path,
    );
    db.exec('BEGIN');
  }

  writeTrace(trace: Trace): void {
    if (this.closed) throw new Error('write-mlmd-store: writer is closed');
    try {
      this.pending += this.planner.planTrace(trace);
      for (const batch of Object.values(this.rows)) batch.flush();
    } catch (error) {
      throw this.explain(error, trace);
    }
    if (this.pending >= this.batchRows) {
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
  }

  /** A UNIQUE violation the planner did not foresee means the trace breaks an MLMD rule. */
  private explain(error: unknown, trace: Trace): unknown {
    const { errcode, message = '' } = error as { errcode?: number; message?: string };
    // SQLITE_CONSTRAINT_UNIQUE and _PRIMARYKEY.
    if (errcode !== 2067 && errcode !== 1555) return error;
    return new FormatError(
      'invalid_trace',
      this.path,
      `cannot write pipeline '${trace.pipeline}': a row repeats a unique key (${message})`,
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      for (const batch of Object.values(this.rows)) batch.flush();
      this.db.exec('COMMIT');
      for (const sql of MLMD_V10_INDEXES) this.db.exec(sql);
    } finally {
      this.db.close();
    }
  }
}
