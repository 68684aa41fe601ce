/**
 * Test helper: a source `s` and its trace rows written straight into a migrated PostgreSQL
 * database, without search rows, so a test can write those in whichever layout it checks.
 */
import type pg from 'pg';
import type { ImportedTrace } from '../store/imported-source.ts';
import {
  insertSql,
  SOURCE_COLUMNS,
  sourceRow,
  TRACE_COLUMNS,
  traceRow,
} from '../store/table-rows.ts';

/** Writes source `s` and one trace row per stored trace (`s-1`, `s-2`, ...); their ids. */
export async function writeSourceTraceRows(
  pool: pg.Pool,
  traces: readonly ImportedTrace[],
): Promise<string[]> {
  const source = {
    id: 's',
    name: 's.sqlite',
    sha256: 's'.padEnd(64, '0'),
    size: 1,
    kind: 'mlmd' as const,
    schemaVersion: 10,
    jobId: null,
  };
  await pool.query(insertSql('sources', SOURCE_COLUMNS, 'postgres'), sourceRow(source, new Date()));
  const ids: string[] = [];
  for (const [i, trace] of traces.entries()) {
    const id = `s-${i + 1}`;
    await pool.query(
      insertSql('traces', TRACE_COLUMNS, 'postgres'),
      traceRow(id, 's', i + 1, trace),
    );
    ids.push(id);
  }
  return ids;
}
