/** Writes one pipeline's trace into a source, replacing the stored one of that pipeline. */
import type { DatabaseSync } from 'node:sqlite';
import type { Trace } from '@graphlet/core';
import type { ImportedTrace } from './imported-source.ts';
import { indexTraceNodes, unindexTraceNodes } from './search-index.ts';
import { statement } from './statement.ts';
import { TRACE_SUMMARY_COLUMNS, traceSummaryRow } from './table-rows.ts';
import { insertGraphlets, insertTrace, traceId } from './write-import.ts';

/**
 * What changed in a stored trace that was extended rather than read again: the search index then
 * drops and adds only these nodes instead of the whole trace's.
 */
export interface TraceUpdate {
  /** Node ids (`e12`, `a34`) whose index rows go: changed nodes. */
  readonly dropNodes: readonly string[];
  /** Nodes indexed anew: changed and new ones. */
  readonly addNodes: Pick<Trace, 'executions' | 'artifacts'>;
}

/**
 * Replaces the source's trace of `trace.pipeline` (keeping its ordinal, so its id and any open
 * page follow it) or adds it as the next ordinal; returns its id. With `update` (the stored trace
 * was extended), the trace's rows are rewritten in place and only the changed nodes re-indexed.
 * Call inside a transaction: writing a pipeline twice leaves one trace, so a sync that is repeated
 * duplicates nothing.
 */
export function replaceTrace(
  db: DatabaseSync,
  sourceId: string,
  trace: ImportedTrace,
  update?: TraceUpdate,
): string {
  const existing = statement(
    db,
    'SELECT ordinal FROM traces WHERE source_id = ? AND pipeline = ?',
  ).get(sourceId, trace.pipeline) as { ordinal: number } | undefined;
  if (existing === undefined) {
    const row = statement(
      db,
      'SELECT COALESCE(MAX(ordinal), 0) AS n FROM traces WHERE source_id = ?',
    ).get(sourceId) as { n: number };
    insertTrace(db, sourceId, row.n + 1, trace);
    return traceId(sourceId, row.n + 1);
  }
  const id = traceId(sourceId, existing.ordinal);
  if (update === undefined) {
    statement(db, 'DELETE FROM traces WHERE id = ?').run(id);
    insertTrace(db, sourceId, existing.ordinal, trace);
    return id;
  }
  rewriteTrace(db, id, trace);
  unindexTraceNodes(db, id, update.dropNodes);
  indexTraceNodes(db, id, update.addNodes);
  return id;
}

/** Rewrites a stored trace's summary, payload and graphlets; its search rows stay. */
function rewriteTrace(db: DatabaseSync, id: string, trace: ImportedTrace): void {
  const assignments = TRACE_SUMMARY_COLUMNS.map((c) => `${c} = ?`).join(', ');
  statement(db, `UPDATE traces SET ${assignments} WHERE id = ?`).run(...traceSummaryRow(trace), id);
  statement(
    db,
    'UPDATE trace_payloads SET trace = ?, layout_gzip = ?, base_roles = NULL, stats = ? WHERE trace_id = ?',
  ).run(trace.payload, trace.layout, trace.stats, id);
  statement(db, 'DELETE FROM graphlets WHERE trace_id = ?').run(id);
  insertGraphlets(db, id, trace);
}
