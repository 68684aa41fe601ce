/**
 * Writes of an import fanned out per pipeline: the source row first (once), then each pipeline's
 * trace in its own transaction, keyed by source and ordinal, so a retried task writes at most once.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ImportedSource, ImportedTrace } from './imported-source.ts';
import { clearResults } from './results-cache.ts';
import { statement, transaction } from './statement.ts';
import { insertSql, SOURCE_COLUMNS, sourceRow } from './table-rows.ts';
import { insertTrace, traceId } from './write-import.ts';

/**
 * Inserts the source row unless it exists (a retried plan; the same file from another process);
 * its traces come one by one. Answers the id of the job the row names: this one's, or another's.
 */
export function insertSourceOnce(
  db: DatabaseSync,
  source: Omit<ImportedSource, 'traces'>,
  now = new Date(),
): number | null {
  statement(db, `${insertSql('sources', SOURCE_COLUMNS, 'sqlite')} ON CONFLICT DO NOTHING`).run(
    ...sourceRow(source, now),
  );
  const row = statement(db, 'SELECT job_id FROM sources WHERE id = ?').get(source.id) as
    | { job_id: number | null }
    | undefined;
  return row?.job_id ?? null;
}

/** What writing one pipeline's trace did. */
export type PipelineWrite = 'written' | 'exists' | 'gone';

/**
 * Writes the `ordinal`-th trace of a source in one transaction: 'exists' when it is stored already
 * (a retried task), 'gone' when the source was deleted meanwhile (a canceled import).
 */
export function writePipelineTrace(
  db: DatabaseSync,
  sourceId: string,
  ordinal: number,
  trace: ImportedTrace,
): PipelineWrite {
  return transaction(db, () => {
    if (statement(db, 'SELECT 1 FROM sources WHERE id = ?').get(sourceId) === undefined)
      return 'gone';
    const id = traceId(sourceId, ordinal);
    if (statement(db, 'SELECT 1 FROM traces WHERE id = ?').get(id) !== undefined) return 'exists';
    insertTrace(db, sourceId, ordinal, trace);
    return 'written';
  });
}

/** The source's stored traces and graphlets after its last pipeline; drops cached results. */
export function finishFannedOutSource(
  db: DatabaseSync,
  sourceId: string,
): { traces: number; graphlets: number } | undefined {
  return transaction(db, () => {
    if (statement(db, 'SELECT 1 FROM sources WHERE id = ?').get(sourceId) === undefined)
      return undefined;
    const row = statement(
      db,
      `SELECT COUNT(*) AS traces, COALESCE(SUM(graphlets), 0) AS graphlets FROM traces WHERE source_id = ?`,
    ).get(sourceId) as { traces: number; graphlets: number };
    clearResults(db);
    return { traces: Number(row.traces), graphlets: Number(row.graphlets) };
  });
}

/** Deletes the source (cascade) if job `jobId` wrote it: a late task of an older job spares a newer. */
export function deleteSourceOfJob(db: DatabaseSync, sourceId: string, jobId: number): boolean {
  return transaction(db, () => {
    const { changes } = statement(db, 'DELETE FROM sources WHERE id = ? AND job_id = ?').run(
      sourceId,
      jobId,
    );
    if (Number(changes) > 0) clearResults(db);
    return Number(changes) > 0;
  });
}

/** The source columns a fanned-out import's plan reads of the file. */
export type SourceColumns = Pick<ImportedSource, 'kind' | 'format' | 'schemaVersion'>;

/** Records what the plan read of the file (kind, format, version); false when the source is gone. */
export function settleSourceColumns(
  db: DatabaseSync,
  sourceId: string,
  jobId: number,
  file: SourceColumns,
): boolean {
  const { changes } = statement(
    db,
    'UPDATE sources SET kind = ?, format = ?, schema_version = ? WHERE id = ? AND job_id = ?',
  ).run(file.kind, file.format ?? null, file.schemaVersion, sourceId, jobId);
  return Number(changes) > 0;
}
