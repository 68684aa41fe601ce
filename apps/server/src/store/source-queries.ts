/** Reading and deleting sources. */
import type { DatabaseSync } from 'node:sqlite';
import type { Source, SourceKind } from '@graphlet/contract';
import { clearResults } from './results-cache.ts';
import { statement, transaction } from './statement.ts';

export interface SourceRow {
  id: string;
  name: string;
  sha256: string;
  size: number;
  kind: SourceKind;
  schema_version: number | null;
  job_id: number | null;
  created: string;
  traces: number;
  live: number;
  format: Source['format'] | null;
  connection: Source['connection'] | null;
}

export const SOURCE_SELECT = `SELECT s.*, (SELECT COUNT(*) FROM traces t WHERE t.source_id = s.id) AS traces,
    (SELECT c.kind FROM connections c WHERE c.id = s.id) AS connection
  FROM sources s`;

export function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    name: row.name,
    sha256: row.sha256,
    size: row.size,
    kind: row.kind,
    schemaVersion: row.schema_version,
    created: row.created,
    traces: row.traces,
    ...(row.format === null ? {} : { format: row.format }),
    ...(row.live === 1 ? { live: true } : {}),
    ...(row.connection === null ? {} : { connection: row.connection }),
  };
}

/** Every source, oldest first (then by id, for a stable order). */
export function listSources(db: DatabaseSync): Source[] {
  const rows = statement(
    db,
    `${SOURCE_SELECT} ORDER BY s.created, s.id`,
  ).all() as unknown as SourceRow[];
  return rows.map(toSource);
}

/** The source with this sha256 and the id of the job that imported it, if any. */
export function findSourceBySha(
  db: DatabaseSync,
  sha256: string,
): { source: Source; jobId: number | null } | undefined {
  const row = statement(db, `${SOURCE_SELECT} WHERE s.sha256 = ?`).get(sha256) as
    | SourceRow
    | undefined;
  return row === undefined ? undefined : { source: toSource(row), jobId: row.job_id };
}

/** How many graphlets the traces of a source hold. */
export function countSourceGraphlets(db: DatabaseSync, sourceId: string): number {
  const row = statement(
    db,
    'SELECT COALESCE(SUM(graphlets), 0) AS n FROM traces WHERE source_id = ?',
  ).get(sourceId) as { n: number };
  return row.n;
}

/** Deletes a source with its traces, payloads, graphlets (cascade) and cached results; false if absent. */
export function deleteSource(db: DatabaseSync, id: string): boolean {
  return transaction(db, () => {
    const { changes } = statement(db, 'DELETE FROM sources WHERE id = ?').run(id);
    if (Number(changes) > 0) clearResults(db);
    return Number(changes) > 0;
  });
}
