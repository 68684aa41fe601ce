/**
 * What differs between the SQL of MLMD's three backends when reading: identifier quoting (MLMD
 * creates `Execution` on SQLite and MySQL, unquoted `execution` on PostgreSQL), byte-wise name
 * order, and the physical order of EventPath rows (the table has no key).
 */
import type { Dialect } from './row-source.ts';

/** SQL fragments of one dialect. */
export interface SqlDialect {
  readonly name: Dialect;
  /** A table reference as MLMD created it. */
  table(name: string): string;
  /** An ORDER BY term sorting a text column by bytes (as SQLite does), not by collation. */
  binary(column: string): string;
  /** The ORDER BY tail keeping an event's path steps in insertion order. */
  readonly pathOrder: string;
  /** An id-set subquery as the dialect runs it best inside `IN (...)`. */
  idSet(sql: string): string;
}

/**
 * MariaDB runs `IN (subquery with UNION or nested IN)` as a dependent subquery, once per outer
 * row; a derived table is materialized once instead.
 */
const materialized = (sql: string) => `SELECT * FROM (${sql}) AS id_set`;

const DIALECTS: Record<Dialect, SqlDialect> = {
  sqlite: {
    name: 'sqlite',
    table: (name) => `\`${name}\``,
    binary: (column) => column,
    pathOrder: ', rowid',
    idSet: (sql) => sql,
  },
  mysql: {
    name: 'mysql',
    table: (name) => `\`${name}\``,
    binary: (column) => `BINARY ${column}`,
    // InnoDB returns rows of equal event_id in clustered (insertion) order.
    pathOrder: '',
    idSet: materialized,
  },
  postgres: {
    name: 'postgres',
    // Unquoted: PostgreSQL folds to the lowercase names MLMD created.
    table: (name) => name,
    binary: (column) => `${column} COLLATE "C"`,
    pathOrder: ', ctid',
    idSet: materialized,
  },
};

/** The SQL fragments of `dialect`. */
export function sqlDialect(dialect: Dialect): SqlDialect {
  return DIALECTS[dialect];
}

/** A literal SQL list of integer ids (`NULL` for none, so `IN (...)` stays valid). */
export function idList(ids: Iterable<number>): string {
  const parts: string[] = [];
  for (const id of ids) {
    if (!Number.isSafeInteger(id)) throw new Error(`mlmd-dialect: not an integer id: ${id}`);
    parts.push(String(id));
  }
  return parts.length === 0 ? 'NULL' : parts.join(',');
}
