/**
 * The small async row source every MLMD backend implements (node:sqlite, MySQL/MariaDB,
 * PostgreSQL): SELECTs streamed in batches of array rows, inside read-only snapshots.
 */

/** The SQL dialect of a source. */
export type Dialect = 'sqlite' | 'mysql' | 'postgres';

/** A bound parameter. */
export type SqlValue = string | number | bigint | boolean | Uint8Array | null;

/**
 * One row, columns in SELECT order. Integers arrive as numbers, or as bigint or decimal strings
 * when they may exceed 2^53 (readers convert with Number or BigInt); BLOBs as Uint8Array.
 */
export type Row = readonly unknown[];

/** Options of one query. */
export interface RowOptions {
  /** Return integers beyond 2^53 exactly (bigint or decimal string) instead of rounded. */
  readonly exactIntegers?: boolean;
}

/** A read-only connection to one MLMD store. */
export interface RowSource {
  readonly dialect: Dialect;
  /** The store as messages name it: a file path, or a URL without its password. */
  readonly label: string;
  /** Streams the rows of one SELECT in batches; `?` marks parameters in every dialect. */
  rows(sql: string, params?: readonly SqlValue[], options?: RowOptions): AsyncIterable<Row[]>;
  /**
   * Starts a read-only, repeatable-read snapshot: every query until the matching end() sees the
   * same state of the store. Calls nest; only the outermost pair opens and closes it.
   */
  begin(): Promise<void>;
  /** Ends the snapshot begun by the matching begin(). */
  end(): Promise<void>;
  /** Column names of each table of the store (names as MLMD spells them when they match). */
  describe(): Promise<Map<string, Set<string>>>;
  /** Closes the connection. */
  close(): Promise<void>;
}

/** Runs `fn` inside one snapshot of `source`. */
export async function inSnapshot<T>(source: RowSource, fn: () => Promise<T>): Promise<T> {
  await source.begin();
  try {
    return await fn();
  } finally {
    await source.end();
  }
}

/** All rows of one query (for small lookups: types, contexts, maxima). */
export async function allRows(
  source: RowSource,
  sql: string,
  params?: readonly SqlValue[],
): Promise<Row[]> {
  const out: Row[] = [];
  for await (const batch of source.rows(sql, params)) for (const row of batch) out.push(row);
  return out;
}

/** The MLMD tables, spelled as MLMD creates them; catalogs that fold case are mapped back. */
export const MLMD_TABLES = [
  'Type',
  'TypeProperty',
  'ParentType',
  'Artifact',
  'ArtifactProperty',
  'Execution',
  'ExecutionProperty',
  'Event',
  'EventPath',
  'MLMDEnv',
  'Context',
  'ContextProperty',
  'ParentContext',
  'Association',
  'Attribution',
] as const;

/** Maps catalog rows (table, column) to MLMD's spelling of each table name. */
export function columnsByTable(rows: Iterable<Row>): Map<string, Set<string>> {
  const canonical = new Map(MLMD_TABLES.map((t) => [t.toLowerCase(), t as string]));
  const columns = new Map<string, Set<string>>();
  for (const [table, column] of rows) {
    const raw = String(table);
    const name = canonical.get(raw.toLowerCase()) ?? raw;
    let set = columns.get(name);
    if (set === undefined) {
      set = new Set();
      columns.set(name, set);
    }
    set.add(String(column).toLowerCase());
  }
  return columns;
}
