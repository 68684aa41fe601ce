/** Writes one imported source in ONE transaction: all of it lands, or none of it. */
import type { DatabaseSync } from 'node:sqlite';
import type { ImportedSource, ImportedTrace } from './imported-source.ts';
import { clearResults } from './results-cache.ts';
import { indexNodeRows } from './search-index.ts';
import { statement, transaction } from './statement.ts';
import {
  GRAPHLET_COLUMNS,
  graphletRow,
  insertSql,
  SOURCE_COLUMNS,
  sourceRow,
  TRACE_COLUMNS,
  traceRow,
} from './table-rows.ts';

/** The id of a source's n-th trace (from 1). */
export function traceId(sourceId: string, ordinal: number): string {
  return `${sourceId}-${ordinal}`;
}

/**
 * Inserts the source, its traces, payloads and graphlets, and drops cached results; `checkpoint`
 * runs before each trace and may throw to roll everything back (a canceled import).
 */
export function writeImport(
  db: DatabaseSync,
  source: ImportedSource,
  now = new Date(),
  checkpoint: () => void = () => {},
): void {
  transaction(db, () => {
    statement(db, insertSql('sources', SOURCE_COLUMNS, 'sqlite')).run(...sourceRow(source, now));
    let ordinal = 0;
    for (const trace of source.traces) {
      checkpoint();
      insertTrace(db, source.id, ++ordinal, trace);
    }
    clearResults(db);
  });
}

/** Inserts one trace of a source (summary, payload, layout, graphlets) as its `ordinal`-th. */
export function insertTrace(
  db: DatabaseSync,
  sourceId: string,
  ordinal: number,
  trace: ImportedTrace,
  baseRoles: string | null = null,
): void {
  const id = traceId(sourceId, ordinal);
  statement(db, insertSql('traces', TRACE_COLUMNS, 'sqlite')).run(
    ...traceRow(id, sourceId, ordinal, trace),
  );
  statement(
    db,
    'INSERT INTO trace_payloads (trace_id, trace, layout_gzip, base_roles, stats) VALUES (?, ?, ?, ?, ?)',
  ).run(id, trace.payload, trace.layout, baseRoles, trace.stats);
  indexNodeRows(db, id, trace.searchRows);
  insertGraphlets(db, id, trace);
}

/** Inserts the graphlets of a stored trace. */
export function insertGraphlets(db: DatabaseSync, id: string, trace: ImportedTrace): void {
  const insertGraphlet = statement(
    db,
    insertSql('graphlets', ['trace_id', ...GRAPHLET_COLUMNS], 'sqlite'),
  );
  for (const g of trace.graphlets) insertGraphlet.run(id, ...graphletRow(g));
}
