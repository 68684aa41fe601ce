/**
 * The PostgreSQL store (DATABASE_URL=postgres://...): the same tables and migrations as the
 * embedded store, reached through a pg pool; every write that must land whole is one transaction.
 */
import type { Job, RoleOverrideEntry } from '@graphlet/contract';
import type pg from 'pg';
import { countTrainable } from '../../waste/trainable-counts.ts';
import { CONNECTION_SELECT, type ConnectionRow, toStored } from '../connection-rows.ts';
import { type JobRow, toJob } from '../job-rows.ts';
import { likePattern, nodeHits, pipelineHits } from '../search-index.ts';
import { SOURCE_SELECT, type SourceRow, toSource } from '../source-queries.ts';
import type { SourceTraceRow, Store } from '../store.ts';
import {
  type GraphletRow,
  SORT_COLUMNS,
  SUMMARY_SELECT,
  type SummaryRow,
  toGraphlet,
  toSummary,
} from '../trace-queries.ts';
import { traceId } from '../write-import.ts';
import { migratePostgres } from './migrate-postgres.ts';
import { updateLiveSource } from './postgres-live-source.ts';
import { postgresPipelineWrites, UNIQUE_VIOLATION } from './postgres-pipeline-writes.ts';
import { createPool, inTransaction, type PostgresLocation } from './postgres-pool.ts';
import { searchNodes } from './postgres-search.ts';
import { postgresWasteRows } from './postgres-waste-rows.ts';
import { insertSource, insertTrace, replaceTrace } from './postgres-writes.ts';

/** Opens the store at `location` (creating its schema if named), applying pending migrations first. */
export async function openPostgresStore(location: PostgresLocation): Promise<Store> {
  const pool = createPool(location);
  try {
    if (location.schema !== undefined) {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${location.schema}`);
    }
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return postgresStore(pool);
}

const NEXT_USE = '(SELECT COALESCE(MAX(used), 0) + 1 FROM results)';

/** The Store over a pool whose database is already migrated. */
export function postgresStore(pool: pg.Pool): Store {
  const rows = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await pool.query<R>(sql, params)).rows;
  const one = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await rows<R>(sql, params))[0];
  const sourceTraces = async (client: pg.ClientBase | pg.Pool, sourceId: string) =>
    (
      await client.query<{ id: string; ordinal: number; trace: string; base_roles: string | null }>(
        `SELECT t.id, t.ordinal, p.trace, p.base_roles FROM traces t JOIN trace_payloads p ON p.trace_id = t.id
         WHERE t.source_id = $1 ORDER BY t.ordinal`,
        [sourceId],
      )
    ).rows.map(
      (r): SourceTraceRow => ({
        id: r.id,
        ordinal: r.ordinal,
        trace: r.trace,
        baseRoles: r.base_roles,
      }),
    );
  return {
    dialect: 'postgres',
    ...postgresWasteRows(pool),
    ...postgresPipelineWrites(pool),
    async listSources() {
      return (await rows<SourceRow>(`${SOURCE_SELECT} ORDER BY s.created, s.id`)).map(toSource);
    },
    async hasSource(id) {
      return (await one('SELECT 1 FROM sources WHERE id = $1', [id])) !== undefined;
    },
    async findSourceBySha(sha256) {
      const row = await one<SourceRow>(`${SOURCE_SELECT} WHERE s.sha256 = $1`, [sha256]);
      return row === undefined ? undefined : { source: toSource(row), jobId: row.job_id };
    },
    async countSourceGraphlets(sourceId) {
      const row = await one<{ n: number }>(
        'SELECT COALESCE(SUM(graphlets), 0) AS n FROM traces WHERE source_id = $1',
        [sourceId],
      );
      return row?.n ?? 0;
    },
    deleteSource(id) {
      return inTransaction(pool, async (client) => {
        const { rowCount } = await client.query('DELETE FROM sources WHERE id = $1', [id]);
        if ((rowCount ?? 0) > 0) await client.query('DELETE FROM results');
        return (rowCount ?? 0) > 0;
      });
    },
    writeImport(source, now = new Date(), checkpoint = () => {}) {
      return inTransaction(pool, (client) => insertSource(client, source, now, checkpoint));
    },
    async listTraces(filter = {}) {
      const column = SORT_COLUMNS[filter.sort ?? 'pipeline'];
      const order = filter.order === 'desc' ? 'DESC' : 'ASC';
      const found = await rows<SummaryRow>(
        `${SUMMARY_SELECT}
         WHERE ($1::text IS NULL OR strpos(lower(t.pipeline), lower($1::text)) > 0)
           AND ($2::text IS NULL OR t.source_id = $2::text)
         ORDER BY ${column} IS NULL, ${column} ${order}, s.created, t.source_id, t.ordinal`,
        [filter.q ?? null, filter.source ?? null],
      );
      return found.map(toSummary);
    },
    async getTraceSummary(id) {
      const row = await one<SummaryRow>(`${SUMMARY_SELECT} WHERE t.id = $1`, [id]);
      return row === undefined ? undefined : toSummary(row);
    },
    async getTracePayload(id) {
      return (
        await one<{ trace: string }>('SELECT trace FROM trace_payloads WHERE trace_id = $1', [id])
      )?.trace;
    },
    async getTraceStats(id) {
      return (
        await one<{ stats: string | null }>(
          'SELECT stats FROM trace_payloads WHERE trace_id = $1',
          [id],
        )
      )?.stats;
    },
    async putTraceStats(id, stats) {
      await pool.query('UPDATE trace_payloads SET stats = $1 WHERE trace_id = $2', [stats, id]);
    },
    async getTraceLayout(id) {
      return (
        await one<{ layout_gzip: Uint8Array | null }>(
          'SELECT layout_gzip FROM trace_payloads WHERE trace_id = $1',
          [id],
        )
      )?.layout_gzip;
    },
    async hasTraceLayout(id) {
      return (
        await one<{ stored: boolean }>(
          'SELECT layout_gzip IS NOT NULL AS stored FROM trace_payloads WHERE trace_id = $1',
          [id],
        )
      )?.stored;
    },
    async putTraceLayout(id, gzipped) {
      await pool.query('UPDATE trace_payloads SET layout_gzip = $1 WHERE trace_id = $2', [
        gzipped,
        id,
      ]);
    },
    async getTraceNote(id) {
      return (
        (await one<{ note: string | null }>('SELECT note FROM traces WHERE id = $1', [id]))?.note ??
        undefined
      );
    },
    async listGraphlets(traceId) {
      const found = await rows<GraphletRow>(
        'SELECT * FROM graphlets WHERE trace_id = $1 ORDER BY idx, trainer',
        [traceId],
      );
      return found.map(toGraphlet);
    },
    async listTraceIds() {
      const found = await rows<{ id: string }>(
        'SELECT t.id FROM traces t JOIN sources s ON s.id = t.source_id ORDER BY s.created, t.source_id, t.ordinal',
      );
      return found.map((r) => r.id);
    },
    async trainableCounts(traceIds) {
      const found = await rows<{
        trace_id: string;
        n: number;
        completed: number;
        pushed: number;
        warm: number;
      }>(
        `SELECT trace_id, COUNT(*) AS n, COUNT(*) - COALESCE(SUM(failed), 0) AS completed,
          COALESCE(SUM(pushed), 0) AS pushed, COALESCE(MAX(warm_start), 0) AS warm
         FROM graphlets WHERE trace_id = ANY($1::text[]) GROUP BY trace_id`,
        [[...new Set(traceIds)]],
      );
      const byTrace = new Map(found.map((c) => [c.trace_id, c]));
      return countTrainable(traceIds.map((id) => byTrace.get(id)));
    },
    listSourceTraces: (sourceId) => sourceTraces(pool, sourceId),
    async getPipelinePayload(sourceId, pipeline) {
      const row = await one<{ trace: string }>(
        `SELECT p.trace FROM traces t JOIN trace_payloads p ON p.trace_id = t.id
         WHERE t.source_id = $1 AND t.pipeline = $2`,
        [sourceId, pipeline],
      );
      return row?.trace;
    },
    // An extended trace is written whole here (the update only spares SQLite's search index).
    replaceConnectionTrace(connectionId, trace) {
      return inTransaction(pool, async (client) => {
        const found = await client.query('SELECT 1 FROM connections WHERE id = $1', [connectionId]);
        if (found.rowCount === 0) return undefined;
        return replaceTrace(client, connectionId, trace);
      });
    },
    async putConnectionTrace(connectionId, ordinal, trace) {
      const id = traceId(connectionId, ordinal);
      try {
        return await inTransaction(pool, async (client) => {
          const found = await client.query('SELECT 1 FROM connections WHERE id = $1', [
            connectionId,
          ]);
          if (found.rowCount === 0) return undefined;
          // FOR SHARE: the sync's tasks write side by side; a delete waits for them.
          await client.query('SELECT 1 FROM sources WHERE id = $1 FOR SHARE', [connectionId]);
          await client.query('DELETE FROM traces WHERE id = $1', [id]);
          await insertTrace(client, connectionId, ordinal, trace);
          return id;
        });
      } catch (error) {
        // Two runs of one task at once (a stalled one and its retry): the later commit loses.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) return id;
        throw error;
      }
    },
    listTraceOrdinals(sourceId) {
      return rows<{ pipeline: string; ordinal: number }>(
        'SELECT pipeline, ordinal FROM traces WHERE source_id = $1 ORDER BY ordinal',
        [sourceId],
      );
    },
    async searchCorpus(text, limit) {
      const pattern = likePattern(text);
      const pipelines = await rows<{ id: string; pipeline: string }>(
        `SELECT id, pipeline FROM traces WHERE pipeline ILIKE $1 ESCAPE '\\' ORDER BY pipeline, id LIMIT $2`,
        [pattern, limit + 1],
      );
      const hits = pipelineHits(pipelines.slice(0, limit));
      const room = limit - hits.length;
      if (room <= 0) return { hits, more: pipelines.length > limit };
      const nodes = await searchNodes(pool, text, room + 1);
      hits.push(...nodeHits(nodes.slice(0, room)));
      return { hits, more: nodes.length > room };
    },
    listRoleOverrides(sourceId) {
      return rows<RoleOverrideEntry>(
        'SELECT field, value, role FROM role_overrides WHERE source_id = $1 ORDER BY position',
        [sourceId],
      );
    },
    rewriteSourceRoles(sourceId, overrides, rewrite) {
      return inTransaction(pool, async (client) => {
        await client.query('SELECT 1 FROM sources WHERE id = $1 FOR UPDATE', [sourceId]);
        await client.query('DELETE FROM role_overrides WHERE source_id = $1', [sourceId]);
        for (const [i, o] of overrides.entries()) {
          await client.query(
            `INSERT INTO role_overrides (source_id, field, value, role, position) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (source_id, field, value) DO UPDATE SET role = excluded.role, position = excluded.position`,
            [sourceId, o.field, o.value, o.role, i],
          );
        }
        for (const row of await sourceTraces(client, sourceId)) {
          const { trace, baseRoles } = rewrite(row);
          await client.query('DELETE FROM traces WHERE id = $1', [row.id]);
          await insertTrace(client, sourceId, row.ordinal, trace, baseRoles);
        }
        await client.query('DELETE FROM results');
      });
    },
    updateLiveSource: (sourceId, change, plan) => updateLiveSource(pool, sourceId, change, plan),
    async getResult(key) {
      const row = await one<{ value: string; used: number; newest: number }>(
        'SELECT value, used, (SELECT MAX(used) FROM results) AS newest FROM results WHERE key = $1',
        [key],
      );
      if (row !== undefined && row.used < row.newest) {
        await pool.query(`UPDATE results SET used = ${NEXT_USE} WHERE key = $1`, [key]);
      }
      return row?.value;
    },
    putResult(key, value, limitBytes) {
      const bytes = Buffer.byteLength(value);
      if (bytes > limitBytes) return Promise.resolve();
      return inTransaction(pool, async (client) => {
        // One writer at a time evicts, so two racing writes cannot both leave the budget exceeded.
        await client.query('LOCK TABLE results IN SHARE ROW EXCLUSIVE MODE');
        await client.query(
          `INSERT INTO results (key, value, created, bytes, used) VALUES ($1, $2, $3, $4, ${NEXT_USE})
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, created = excluded.created,
             bytes = excluded.bytes, used = excluded.used`,
          [key, value, new Date().toISOString(), bytes],
        );
        await client.query(
          `DELETE FROM results WHERE key IN (
             SELECT key FROM (
               SELECT key, SUM(bytes) OVER (ORDER BY used DESC, key) AS kept FROM results
             ) r WHERE r.kept > $1)`,
          [limitBytes],
        );
      });
    },
    async resultsUsage() {
      return (
        (await one<{ bytes: number; entries: number }>(
          'SELECT COALESCE(SUM(bytes), 0) AS bytes, COUNT(*) AS entries FROM results',
        )) ?? { bytes: 0, entries: 0 }
      );
    },
    async clearResults() {
      await pool.query('DELETE FROM results');
    },
    async clearResultsUnlessSynced(id) {
      await pool.query(
        "DELETE FROM results WHERE NOT EXISTS (SELECT 1 FROM connections WHERE id = $1 AND state = 'ready')",
        [id],
      );
    },
    async hasJobs() {
      return (await one('SELECT 1 FROM jobs LIMIT 1')) !== undefined;
    },
    async getJob(id) {
      if (!/^\d+$/.test(id)) return undefined;
      const row = await one<JobRow>('SELECT * FROM jobs WHERE id = $1', [Number(id)]);
      return row === undefined ? undefined : (toJob(row) satisfies Job);
    },
    async failUnfinishedJobs(message) {
      const { rowCount } = await pool.query(
        "UPDATE jobs SET state = 'failed', error = $1, updated = $2 WHERE state IN ('queued', 'running')",
        [JSON.stringify({ code: 'interrupted', message }), new Date().toISOString()],
      );
      return rowCount ?? 0;
    },
    async listConnections() {
      return (await rows<ConnectionRow>(`${CONNECTION_SELECT} ORDER BY s.created, c.id`)).map(
        toStored,
      );
    },
    async getConnection(id) {
      const row = await one<ConnectionRow>(`${CONNECTION_SELECT} WHERE c.id = $1`, [id]);
      return row === undefined ? undefined : toStored(row);
    },
    insertConnection(c, now = new Date()) {
      return inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO sources (id, name, sha256, size, kind, format, schema_version, job_id, created)
           VALUES ($1, $2, $3, 0, 'mlmd', NULL, $4, NULL, $5)`,
          [c.id, c.name, `connection:${c.id}`, c.schemaVersion, now.toISOString()],
        );
        await client.query(
          `INSERT INTO connections (id, kind, location, secret, poll_seconds, state, reason, synced, watermark, job_id)
           VALUES ($1, $2, $3, $4, $5, 'syncing', NULL, NULL, NULL, NULL)`,
          [c.id, c.kind, c.location, c.secret, c.pollSeconds],
        );
      });
    },
    async setConnectionState(id, state, reason, jobId) {
      const { rowCount } =
        jobId === undefined
          ? await pool.query('UPDATE connections SET state = $1, reason = $2 WHERE id = $3', [
              state,
              reason,
              id,
            ])
          : await pool.query(
              'UPDATE connections SET state = $1, reason = $2, job_id = $3 WHERE id = $4',
              [state, reason, jobId, id],
            );
      return (rowCount ?? 0) > 0;
    },
    finishSync(id, watermark, schemaVersion, now = new Date()) {
      return inTransaction(pool, async (client) => {
        await client.query(
          "UPDATE connections SET state = 'ready', reason = NULL, synced = $1, watermark = $2 WHERE id = $3",
          [now.toISOString(), watermark, id],
        );
        await client.query('UPDATE sources SET schema_version = $1 WHERE id = $2', [
          schemaVersion,
          id,
        ]);
        await client.query('DELETE FROM results');
      });
    },
    close: () => pool.end(),
  };
}
