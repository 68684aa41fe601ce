/** Writes one pipeline's trace into a source, replacing the stored one of that pipeline. */
import type { DatabaseSync } from 'node:sqlite';
import type { ImportedTrace } from './imported-source.ts';
import { statement } from './statement.ts';
import { insertTrace, traceId } from './write-import.ts';

/**
 * Replaces the source's trace of `trace.pipeline` (keeping its ordinal, so its id and any open
 * page follow it) or adds it as the next ordinal; returns its id. Call inside a transaction:
 * writing a pipeline twice leaves one trace, so a sync that is repeated duplicates nothing.
 */
export function replaceTrace(db: DatabaseSync, sourceId: string, trace: ImportedTrace): string {
  const existing = statement(
    db,
    'SELECT ordinal FROM traces WHERE source_id = ? AND pipeline = ?',
  ).get(sourceId, trace.pipeline) as { ordinal: number } | undefined;
  let ordinal: number;
  if (existing === undefined) {
    const row = statement(
      db,
      'SELECT COALESCE(MAX(ordinal), 0) AS n FROM traces WHERE source_id = ?',
    ).get(sourceId) as { n: number };
    ordinal = row.n + 1;
  } else {
    ordinal = existing.ordinal;
    statement(db, 'DELETE FROM traces WHERE id = ?').run(traceId(sourceId, ordinal));
  }
  insertTrace(db, sourceId, ordinal, trace);
  return traceId(sourceId, ordinal);
}
