// PostgreSQL's search rows: what the store writes (a trace's nodes in chunks of 64, only the
// chunks' distinct words in the pg_trgm index; migration 18) against the layout it replaced (a
// row per node, its whole text in the index; migration 13), on the same pipelines in one run.
// The pipelines are written through the store as a fanned-out import's tasks write them (one
// transaction each); then the search rows of the same traces are written again in each layout
// alone (the baseline's table is made again from migration 13's statements), each pipeline in a
// transaction of its own, and the PostgreSQL server's CPU is read from /proc for each part.
// Queries are timed in both layouts (the median of `--repeat`), with their hit counts.
//   node bench/src/postgres-search-bench.ts [--pipelines 120 | --corpus corpus.sqlite]
//     [--repeat 7]
// PostgreSQL is the test server (GRAPHLET_POSTGRES_URL, default 127.0.0.1:5432); its whole
// process tree is counted, so run it with nothing else using that server.

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Trace } from '@graphlet/core';
import { openMlmdStore } from '@graphlet/formats';
import { createTestDatabase } from '@graphlet/formats/testing/databases';
import {
  insertSearchChunks,
  MIGRATIONS,
  openPostgresStore,
  type SearchNodeRow,
  searchNodeRows,
  storeTrace,
} from '@graphlet/server';
import { writeCorpus } from '@graphlet/synth';
import pg from 'pg';
import { treeCpuSeconds } from './process-cpu.ts';

const { values } = parseArgs({
  options: {
    pipelines: { type: 'string', default: '120' },
    corpus: { type: 'string' },
    repeat: { type: 'string', default: '7' },
  },
});
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const log = (text: string) => process.stderr.write(`postgres-search: ${text}\n`);
const count = Number(values.pipelines);

/** Queries by kind: a rare type, a common one, a URI part, a pipeline's name, nothing, and worse. */
const QUERIES = {
  rare: 'Pusher',
  common: 'Trainer',
  uri: 'gs://synth',
  pipelineName: 'pipeline-00042',
  runOfPipeline: 'run-17:',
  shortWords: '0:r',
  uriNumber: '/123/',
  none: 'no-such-node-anywhere',
  // No word of three characters, and no hit: the index has the least to go on.
  shortWordsNone: 'q:z',
  separatorsOnly: '~~~',
};

// The layout of migrations 13 to 17 (migration 18 dropped its table: made again from migration
// 13's own text), its rows written as the store wrote them until migration 18.
const BASELINE_TABLE = MIGRATIONS.find((m) => m.version === 13)!.postgres;
const BASELINE_INSERT = `INSERT INTO search_nodes (trace_id, node_id, kind, label, type, name, uri)
  SELECT $1::text, node_id, kind, label, type, name, uri
  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
  WITH ORDINALITY AS n(node_id, kind, label, type, name, uri, i) ORDER BY i`;
const BASELINE_SEARCH = `SELECT s.trace_id, t.pipeline, s.node_id FROM search_nodes s
  JOIN traces t ON t.id = s.trace_id
  WHERE s.haystack ILIKE $1 ESCAPE '\\' ORDER BY s.id LIMIT $2`;

const PIPELINE_SEARCH = `SELECT id, pipeline FROM traces WHERE pipeline ILIKE $1 ESCAPE '\\'
  ORDER BY pipeline, id LIMIT $2`;

const dir = mkdtempSync(join(tmpdir(), 'graphlet-postgres-search-'));
const database = await createTestDatabase('postgres', 'search_bench');
const pool = new pg.Pool({ connectionString: database.url, max: 1 });
try {
  let corpus = values.corpus;
  if (corpus === undefined) {
    corpus = join(dir, 'corpus.sqlite');
    log(`generating ${count} synthetic pipelines`);
    writeCorpus(corpus, { pipelines: count, seed: 1 });
  }
  const traces = await readTraces(corpus, count);
  const nodes = traces.reduce((n, t) => n + t.executions.length + t.artifacts.length, 0);
  const pid = await postmasterPid(pool);

  log(`writing ${traces.length} pipelines through the store`);
  const store = await openPostgresStore({ url: database.url });
  const source = { id: 's', name: 's.sqlite', sha256: 's'.padEnd(64, '0'), size: 1 };
  await store.insertSourceOnce({ ...source, kind: 'mlmd', schemaVersion: 10, jobId: 1 });
  const stored = traces.map((t) => storeTrace(t, { layout: false }));
  const storeWrite = await pgCpu(pid, async () => {
    for (const [i, trace] of stored.entries()) await store.writePipelineTrace('s', i + 1, trace);
  });

  const rows = traces.map((t) => searchNodeRows(t));
  const client = await pool.connect();
  try {
    await client.query(BASELINE_TABLE);
    const perTrace = (write: (id: string, r: SearchNodeRow[]) => Promise<unknown>) =>
      pgCpu(pid, async () => {
        for (const [i, r] of rows.entries()) {
          await client.query('BEGIN');
          await write(`s-${i + 1}`, r);
          await client.query('COMMIT');
        }
      });
    log('writing the search rows again in the layout before migration 18');
    const baseline = await perTrace((id, r) =>
      client.query(BASELINE_INSERT, [id, ...[0, 1, 2, 3, 4, 5].map((c) => r.map((x) => x[c]))]),
    );
    log('timing the queries');
    await client.query('VACUUM ANALYZE');
    const queries = await timeQueries(store, client);
    log('writing the search rows again in chunks');
    const chunks = await perTrace((id, r) => insertSearchChunks(client, id, r));
    const sizes = (
      await client.query<Record<string, string>>(
        `SELECT pg_total_relation_size('search_nodes') AS baseline,
           pg_relation_size('search_nodes_haystack') AS "baselineIndex",
           pg_total_relation_size('search_chunks') / 2 AS chunks,
           pg_relation_size('search_chunks_words') / 2 AS "chunksIndex"`,
      )
    ).rows[0]!;
    const perPipeline = (part: { cpu: number; wall: number }) => ({
      cpuMs: round((part.cpu / traces.length) * 1000, 1),
      wallMs: round((part.wall / traces.length) * 1000, 1),
    });
    process.stdout.write(
      `${JSON.stringify(
        {
          corpus: {
            path: values.corpus ?? `synthetic, seed 1, ${count} pipelines`,
            bytes: statSync(corpus).size,
            pipelines: traces.length,
            nodes,
          },
          // PostgreSQL's CPU (its whole process tree) and the wall time, per pipeline written.
          write: {
            storeWithChunks: perPipeline(storeWrite),
            searchRows: { baseline: perPipeline(baseline), chunks: perPipeline(chunks) },
            searchRowsCpuRatio: round(baseline.cpu / chunks.cpu),
          },
          // Bytes of each layout's table with its indexes and TOAST, and of its trigram index
          // (the chunks were written twice: halved).
          bytes: Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, Number(v)])),
          queries,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    client.release();
  }
  await store.close();
} finally {
  await pool.end();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
}

/** The first `n` traces of an MLMD store, in its order. */
async function readTraces(path: string, n: number): Promise<Trace[]> {
  const mlmd = await openMlmdStore(path);
  const traces: Trace[] = [];
  try {
    for await (const trace of mlmd.traces()) {
      traces.push(trace);
      if (traces.length >= n) break;
    }
  } finally {
    await mlmd.close();
  }
  return traces;
}

/** The PostgreSQL server's postmaster, the parent of this connection's backend. */
async function postmasterPid(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const stat = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The server's CPU seconds and the wall seconds `work` takes (after a pause for its writers). */
async function pgCpu(
  pid: number,
  work: () => Promise<void>,
): Promise<{ cpu: number; wall: number }> {
  const before = treeCpuSeconds(pid)!;
  const start = performance.now();
  await work();
  const wall = (performance.now() - start) / 1000;
  // The WAL writer and background writer finish what the commits left them.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return { cpu: treeCpuSeconds(pid)! - before, wall };
}

/** Each query's median time and hit count, through the store and in the baseline's table. */
async function timeQueries(
  store: Awaited<ReturnType<typeof openPostgresStore>>,
  client: pg.PoolClient,
) {
  const median = async (run: () => Promise<number>) => {
    const ms: number[] = [];
    let hits = 0;
    for (let i = 0; i < Number(values.repeat); i++) {
      const start = performance.now();
      hits = await run();
      ms.push(performance.now() - start);
    }
    ms.sort((a, b) => a - b);
    return { ms: round(ms[Math.floor(ms.length / 2)]!), hits };
  };
  const pattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const out: Record<string, unknown> = {};
  for (const [kind, text] of Object.entries(QUERIES)) {
    out[kind] = {
      text,
      chunks: await median(async () => (await store.searchCorpus(text, 50)).hits.length),
      // As the store searched before migration 18: pipelines by name, then nodes.
      baseline: await median(async () => {
        const pipelines = await client.query(PIPELINE_SEARCH, [pattern(text), 51]);
        const room = 50 - Math.min(50, pipelines.rows.length);
        const found = await client.query(BASELINE_SEARCH, [pattern(text), room + 1]);
        return Math.min(50, pipelines.rows.length) + Math.min(room, found.rows.length);
      }),
    };
  }
  return out;
}
