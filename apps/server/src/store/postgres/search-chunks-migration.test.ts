import type { Trace } from '@graphlet/core';
import { createTestDatabase, type TestDatabase } from '@graphlet/formats/testing/databases';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTrace } from '../../import/store-trace.ts';
import { writeSourceTraceRows } from '../../test-support/postgres-trace-rows.ts';
import {
  expectedSearch,
  searchCorpusTraces,
  searchQueries,
} from '../../test-support/search-corpus.ts';
import { MIGRATIONS } from '../migrations.ts';
import { searchNodeRows } from '../search-index.ts';
import type { Store } from '../store.ts';
import { migratePostgres } from './migrate-postgres.ts';
import { postgresStore } from './postgres-store.ts';

/** A store at migration 17 holding `traces` as source `s`, one search_nodes row per node. */
async function storeBeforeChunks(pool: pg.Pool, traces: readonly Trace[]): Promise<void> {
  await migratePostgres(
    pool,
    MIGRATIONS.filter((m) => m.version <= 17),
  );
  const ids = await writeSourceTraceRows(
    pool,
    traces.map((trace) => storeTrace(trace)),
  );
  for (const [i, trace] of traces.entries()) {
    // Migration 13's rows, as the store wrote them until migration 18.
    for (const row of searchNodeRows(trace))
      await pool.query(
        'INSERT INTO search_nodes (trace_id, node_id, kind, label, type, name, uri) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [ids[i], ...row],
      );
  }
}

describe('migration 18 on PostgreSQL (search rows regrouped in chunks)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: Store;
  let traces: Trace[];
  beforeAll(async () => {
    traces = await searchCorpusTraces();
    database = await createTestDatabase('postgres', 'chunks_migration');
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    await storeBeforeChunks(pool, traces);
    await migratePostgres(pool);
    store = postgresStore(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('finds what a search found before, in the same order', async () => {
    const { rows } = await pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'search_nodes'",
    );
    expect(rows[0]?.n).toBe('0');
    for (const query of searchQueries(traces)) {
      const found = await store.searchCorpus(query, 40);
      expect(
        { hits: found.hits.map((h) => [h.kind, h.traceId, h.nodeId]), more: found.more },
        query,
      ).toEqual(expectedSearch(traces, query, 40));
    }
  });

  it('numbers the migrated traces in their order and a later one after them', async () => {
    const { rows } = await pool.query<{ trace_id: string; trace_seq: string }>(
      'SELECT DISTINCT trace_id, trace_seq FROM search_chunks ORDER BY trace_seq',
    );
    const withNodes = traces.flatMap((t, i) =>
      searchNodeRows(t).length > 0 ? [`s-${i + 1}`] : [],
    );
    expect(rows.map((r) => r.trace_id)).toEqual(withNodes);
    const { rows: next } = await pool.query<{ v: string }>(
      "SELECT nextval('search_trace_seq') AS v",
    );
    expect(Number(next[0]?.v)).toBe(withNodes.length + 1);
  });
});
