/**
 * The PostgreSQL store's writes of an import fanned out per pipeline: the source row once, then
 * each pipeline's trace in its own transaction, keyed by source and ordinal (the trace id), so a
 * retried task writes at most once even when the task it replaces is still running.
 */
import type pg from 'pg';
import type { Store } from '../store.ts';
import { insertSql, SOURCE_COLUMNS, sourceRow } from '../table-rows.ts';
import { traceId } from '../write-import.ts';
import { inTransaction } from './postgres-pool.ts';
import { insertTrace } from './postgres-writes.ts';

type PipelineWriteMethods = Pick<
  Store,
  | 'insertSourceOnce'
  | 'settleSourceColumns'
  | 'writePipelineTrace'
  | 'finishFannedOutSource'
  | 'deleteSourceOfJob'
>;

/** PostgreSQL's unique_violation: a concurrent task committed the same trace first. */
export const UNIQUE_VIOLATION = '23505';

/** The fan-out's writes over a pool whose database is migrated. */
export function postgresPipelineWrites(pool: pg.Pool): PipelineWriteMethods {
  return {
    async insertSourceOnce(source, now = new Date()) {
      await pool.query(
        `${insertSql('sources', SOURCE_COLUMNS, 'postgres')} ON CONFLICT DO NOTHING`,
        sourceRow(source, now),
      );
      const { rows } = await pool.query<{ job_id: string | null }>(
        'SELECT job_id FROM sources WHERE id = $1',
        [source.id],
      );
      const jobId = rows[0]?.job_id;
      return jobId === undefined || jobId === null ? null : Number(jobId);
    },
    async settleSourceColumns(sourceId, jobId, file) {
      const { rowCount } = await pool.query(
        'UPDATE sources SET kind = $1, format = $2, schema_version = $3 WHERE id = $4 AND job_id = $5',
        [file.kind, file.format ?? null, file.schemaVersion, sourceId, jobId],
      );
      return (rowCount ?? 0) > 0;
    },
    async writePipelineTrace(sourceId, ordinal, trace) {
      try {
        return await inTransaction(pool, async (client) => {
          // FOR SHARE: tasks of one source write side by side; a delete waits for them (and they for it).
          const source = await client.query('SELECT 1 FROM sources WHERE id = $1 FOR SHARE', [
            sourceId,
          ]);
          if (source.rowCount === 0) return 'gone';
          const id = traceId(sourceId, ordinal);
          const stored = await client.query('SELECT 1 FROM traces WHERE id = $1', [id]);
          if ((stored.rowCount ?? 0) > 0) return 'exists';
          await insertTrace(client, sourceId, ordinal, trace);
          return 'written';
        });
      } catch (error) {
        // Two runs of one task at once (a stalled one and its retry): the later commit loses.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) return 'exists';
        throw error;
      }
    },
    finishFannedOutSource(sourceId) {
      return inTransaction(pool, async (client) => {
        const source = await client.query('SELECT 1 FROM sources WHERE id = $1 FOR SHARE', [
          sourceId,
        ]);
        if (source.rowCount === 0) return undefined;
        const { rows } = await client.query<{ traces: number; graphlets: number }>(
          'SELECT COUNT(*) AS traces, COALESCE(SUM(graphlets), 0) AS graphlets FROM traces WHERE source_id = $1',
          [sourceId],
        );
        await client.query('DELETE FROM results');
        return { traces: Number(rows[0]?.traces ?? 0), graphlets: Number(rows[0]?.graphlets ?? 0) };
      });
    },
    deleteSourceOfJob(sourceId, jobId) {
      return inTransaction(pool, async (client) => {
        const { rowCount } = await client.query(
          'DELETE FROM sources WHERE id = $1 AND job_id = $2',
          [sourceId, jobId],
        );
        if ((rowCount ?? 0) > 0) await client.query('DELETE FROM results');
        return (rowCount ?? 0) > 0;
      });
    },
  };
}
