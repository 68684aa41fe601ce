/** The node:sqlite row source: an MLMD SQLite file opened read-only. */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { FormatError } from './format-error.ts';
import { openMlmdDatabase, sqliteFailure } from './open-mlmd-database.ts';
import type { Row, RowOptions, RowSource, SqlValue } from './row-source.ts';
import { sniffFile } from './sniff-file.ts';

const BATCH = 512;

/** Opens an MLMD SQLite file read-only as a row source; FormatError for anything else. */
export function openSqliteRowSource(path: string): RowSource {
  if (sniffFile(path) === 'json') {
    throw new FormatError('not_sqlite', path, 'a JSON file, not an MLMD SQLite store');
  }
  const { db, columns } = openMlmdDatabase(path);
  return new SqliteRowSource(db, path, columns as Map<string, Set<string>>);
}

class SqliteRowSource implements RowSource {
  readonly dialect = 'sqlite';
  readonly label: string;
  private readonly db: DatabaseSync;
  private readonly columns: Map<string, Set<string>>;
  private depth = 0;

  constructor(db: DatabaseSync, label: string, columns: Map<string, Set<string>>) {
    this.db = db;
    this.label = label;
    this.columns = columns;
  }

  async *rows(sql: string, params: readonly SqlValue[] = [], options: RowOptions = {}) {
    const iterator = this.guard(() => {
      const statement = this.db.prepare(sql);
      statement.setReturnArrays(true);
      if (options.exactIntegers === true) statement.setReadBigInts(true);
      return statement.iterate(...(params as SQLInputValue[]));
    });
    let batch: Row[] = [];
    for (;;) {
      const next = this.guard(() => iterator.next());
      if (next.done === true) break;
      batch.push(next.value as unknown as Row);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  async begin(): Promise<void> {
    // A read transaction: every query inside sees the same state of the file.
    if (this.depth === 0) this.guard(() => this.db.exec('BEGIN'));
    this.depth++;
  }

  async end(): Promise<void> {
    if (--this.depth === 0 && this.db.isOpen && this.db.isTransaction) this.db.exec('COMMIT');
  }

  async describe(): Promise<Map<string, Set<string>>> {
    return this.columns;
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_SQLITE_ERROR') {
        throw sqliteFailure(this.label, error);
      }
      throw error;
    }
  }
}
