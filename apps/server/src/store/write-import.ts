/** Writes one imported source in ONE transaction: all of it lands, or none of it. */
import type { DatabaseSync } from 'node:sqlite';
import type { Trace } from '@graphlet/core';
import type { ImportedSource, ImportedTrace } from './imported-source.ts';
import { clearResults } from './results-cache.ts';
import { indexTraceNodes } from './search-index.ts';
import { statement, transaction } from './statement.ts';

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
    statement(
      db,
      'INSERT INTO sources (id, name, sha256, size, kind, format, schema_version, job_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      source.id,
      source.name,
      source.sha256,
      source.size,
      source.kind,
      source.format ?? null,
      source.schemaVersion,
      source.jobId,
      now.toISOString(),
    );
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
  const s = trace.summary;
  statement(
    db,
    `INSERT INTO traces (id, source_id, ordinal, pipeline, executions, artifacts, graphlets,
      failed_graphlets, pushed_share, lifespan_days, models_per_day, compute_seconds, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    sourceId,
    ordinal,
    trace.pipeline,
    s.executions,
    s.artifacts,
    s.graphlets,
    s.failedGraphlets,
    s.pushedShare,
    s.lifespanDays,
    s.modelsPerDay,
    s.computeSeconds,
    trace.note ?? null,
  );
  statement(
    db,
    'INSERT INTO trace_payloads (trace_id, trace, layout, base_roles) VALUES (?, ?, ?, ?)',
  ).run(id, trace.payload, trace.layout, baseRoles);
  indexTraceNodes(db, id, JSON.parse(trace.payload) as Trace);
  insertGraphlets(db, id, trace);
}

/** Inserts the graphlets of a stored trace. */
export function insertGraphlets(db: DatabaseSync, id: string, trace: ImportedTrace): void {
  const insertGraphlet = statement(
    db,
    `INSERT INTO graphlets (trace_id, trainer, idx, pushed, failed, warm_start, start_ms, end_ms,
      executions, artifacts, spans, downstream, metrics)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const g of trace.graphlets) {
    insertGraphlet.run(
      id,
      g.trainer,
      g.index,
      g.pushed ? 1 : 0,
      g.failed ? 1 : 0,
      g.warmStart ? 1 : 0,
      g.startMs,
      g.endMs,
      JSON.stringify(g.executions),
      JSON.stringify(g.artifacts),
      JSON.stringify(g.spans),
      JSON.stringify(g.downstream),
      JSON.stringify(g.metrics),
    );
  }
}
