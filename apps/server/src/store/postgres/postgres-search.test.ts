import { createTestDatabase, type TestDatabase } from '@graphlet/formats/testing/databases';
import { generateCorpusPipeline } from '@graphlet/synth';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTrace } from '../../import/store-trace.ts';
import { type SearchNodeRow, SearchTooBroadError } from '../search-index.ts';
import { insertSql, SOURCE_COLUMNS, sourceRow, TRACE_COLUMNS, traceRow } from '../table-rows.ts';
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
    const source = {
      id: 's',
      name: 's.sqlite',
      sha256: 's'.padEnd(64, '0'),
      size: 1,
      kind: 'mlmd' as const,
      schemaVersion: 10,
      jobId: null,
    };
    await pool.query(
      insertSql('sources', SOURCE_COLUMNS, 'postgres'),
      sourceRow(source, new Date()),
    );
    const stored = storeTrace(generateCorpusPipeline(1, 0));
    for (let t = 1; t <= TRACES; t++) {
      await pool.query(
        insertSql('traces', TRACE_COLUMNS, 'postgres'),
        traceRow(`s-${t}`, 's', t, stored),
      );
      const rows = Array.from({ length: NODES }, (_, i) => nodeRow(t, i));
      const client = await pool.connect();
      try {
        await insertSearchChunks(client, `s-${t}`, rows);
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
