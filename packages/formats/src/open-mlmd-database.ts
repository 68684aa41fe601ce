/** Opens an MLMD SQLite store read-only and describes its schema (version, columns present). */
import { DatabaseSync } from 'node:sqlite';
import { FormatError } from './format-error.ts';
import { checkSchemaVersion } from './mlmd-schema-version.ts';

/** An open MLMD store: the connection, its schema version and the columns of each table. */
export interface MlmdDatabase {
  readonly db: DatabaseSync;
  readonly file: string;
  /** MLMDEnv.schema_version, or 0 when the store has no MLMDEnv table. */
  readonly schemaVersion: number;
  /** Column names of each table present. */
  readonly columns: ReadonlyMap<string, ReadonlySet<string>>;
}

const REQUIRED_TABLES = ['Type', 'Execution', 'Artifact', 'Event'] as const;

/**
 * Opens `file` (already sniffed as SQLite) read-only; throws FormatError for non-MLMD files and
 * unknown schema versions.
 */
export function openMlmdDatabase(file: string): MlmdDatabase {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
  } catch (error) {
    throw sqliteFailure(file, error);
  }
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => String(row.name));
    const columns = new Map<string, Set<string>>();
    for (const table of tables) {
      const info = db.prepare(`PRAGMA table_info("${table.replaceAll('"', '""')}")`).all();
      columns.set(table, new Set(info.map((c) => String(c.name))));
    }
    if (REQUIRED_TABLES.some((t) => !columns.has(t))) {
      throw new FormatError(
        'not_mlmd',
        file,
        'an SQLite database but not an MLMD store (no Execution/Artifact/Event tables)',
      );
    }
    let schemaVersion = 0;
    if (columns.has('MLMDEnv')) {
      const row = db.prepare('SELECT MAX(schema_version) AS v FROM MLMDEnv').get();
      schemaVersion = Number(row?.v ?? 0);
    }
    checkSchemaVersion(file, schemaVersion);
    return { db, file, schemaVersion, columns };
  } catch (error) {
    db.close();
    throw error instanceof FormatError ? error : sqliteFailure(file, error);
  }
}

/** Turns a node:sqlite error into a FormatError naming the file. */
export function sqliteFailure(file: string, error: unknown): FormatError {
  const e = error as { errcode?: number; errstr?: string; message?: string };
  // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26) are what a cut or damaged file produces.
  if (e.errcode === 11 || e.errcode === 26) {
    return new FormatError(
      'truncated',
      file,
      `truncated or corrupt SQLite file (${e.errstr ?? e.message})`,
    );
  }
  return new FormatError(
    'unsupported',
    file,
    `cannot read this MLMD store (${e.message ?? String(error)})`,
  );
}
