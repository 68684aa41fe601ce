import { createTestDatabase, type TestDatabase } from '@graphlet/formats/testing/databases';
import { generateCorpusPipeline } from '@graphlet/synth';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTrace } from '../../import/store-trace.ts';
import { writeSourceTraceRows } from '../../test-support/postgres-trace-rows.ts';
import { type SearchNodeRow, SearchTooBroadError } from '../search-index.ts';
import { migratePostgres } from './migrate-postgres.ts';
import { insertSearchChunks, searchNodes } from './postgres-search.ts';

/** 40 traces of 6,400 nodes: 4,000 chunks, which a query of separators alone reads every one of. */
const TRACES = 40;
const NODES = 6400;

/** A node's search row with a long URI, the text a search with nothing to narrow by must read. */
const nodeRow = (trace: number, i: number): SearchNodeRow => [
  `e${i}`,
  'execution',
  `Trainer run-${i}`,
  'Trainer',
  `pipeline-${trace}-trainer-${i}`,
  `gs://bucket/pipeline-${trace}/Trainer/model/${i}/serving_model_dir/variables/data-00000`,
];

describe('search on PostgreSQL within a time limit', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase('postgres', 'search_limit');
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    await migratePostgres(pool);
    const stored = storeTrace(generateCorpusPipeline(1, 0));
    const ids = await writeSourceTraceRows(
      pool,
      Array.from({ length: TRACES }, () => stored),
    );
    for (const [t, id] of ids.entries()) {
      const rows = Array.from({ length: NODES }, (_, i) => nodeRow(t + 1, i));
      const client = await pool.connect();
      try {
        await insertSearchChunks(client, id, rows);
      } finally {
        client.release();
      }
    }
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('answers a query it can finish in time, and gives up on one past the limit', async () => {
    // Every chunk read and none matching (256,000 nodes): far longer than 1 ms.
    await expect(searchNodes(pool, '~~~', 50)).resolves.toEqual([]);
    await expect(searchNodes(pool, '~~~', 50, 1)).rejects.toThrow(SearchTooBroadError);
    // The canceled statement's transaction was rolled back: the next search answers.
    const found = await searchNodes(pool, '/serving_model_dir/', 3);
    expect(found.map((h) => [h.trace_id, h.node_id])).toEqual([
      ['s-1', 'e0'],
      ['s-1', 'e1'],
      ['s-1', 'e2'],
    ]);
  });
});
