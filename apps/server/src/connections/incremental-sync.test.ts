import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ConnectionCreated, Job } from '@graphlet/contract';
import { artifactId, type Trace, TraceBuilder } from '@graphlet/core';
import { pipelineRun, pipelineRuns } from '@graphlet/core/testing';
import { writeMlmdStoreTo } from '@graphlet/formats';
import { createTestDatabase, type TestDatabase } from '@graphlet/formats/testing/databases';
import { afterAll, describe, expect, it } from 'vitest';
import type { Server } from '../create-app.ts';
import { STORE_FILE } from '../store/open-database.ts';
import { waitForJob, withServer } from '../test-support/test-server.ts';

const HOOK_TIMEOUT = 120_000;

async function connect(server: Server, url: string): Promise<ConnectionCreated> {
  const response = await server.app.request('/api/connections', {
    method: 'POST',
    // No poll during the test: syncs run when asked.
    body: JSON.stringify({ kind: 'postgres', url, name: 'store', pollSeconds: 3600 }),
    headers: { 'content-type': 'application/json' },
  });
  expect(response.status).toBe(202);
  const created = (await response.json()) as ConnectionCreated;
  expect(await waitForJob(server, created.job!.id)).toMatchObject({ state: 'done' });
  return created;
}

async function sync(server: Server, id: string): Promise<Job> {
  const response = await server.app.request(`/api/connections/${id}/sync`, { method: 'POST' });
  return waitForJob(server, ((await response.json()) as { job: Job }).job.id);
}

/** What the server stored for each pipeline of a source: trace row, payload, graphlets, index rows. */
function storedRows(dataDir: string, sourceId: string) {
  const db = new DatabaseSync(join(dataDir, STORE_FILE), { readOnly: true });
  try {
    const traces = db
      .prepare(
        `SELECT t.id, t.pipeline, t.executions, t.artifacts, t.graphlets, t.failed_graphlets,
           t.pushed_share, t.lifespan_days, t.models_per_day, t.compute_seconds, t.note, p.trace
         FROM traces t JOIN trace_payloads p ON p.trace_id = t.id
         WHERE t.source_id = ? ORDER BY t.pipeline`,
      )
      .all(sourceId) as { id: string; pipeline: string; executions: number }[];
    return traces.map(({ id, ...trace }) => ({
      ...trace,
      graphlets: db
        .prepare(
          `SELECT trainer, idx, pushed, failed, warm_start, start_ms, end_ms, executions, artifacts,
             spans, downstream, metrics FROM graphlets WHERE trace_id = ? ORDER BY idx`,
        )
        .all(id),
      searchNodes: db
        .prepare(
          'SELECT node_id, kind, label, type, name, uri FROM search_nodes WHERE trace_id = ? ORDER BY node_id',
        )
        .all(id),
      // Every node row is in the text index, found by its own label.
      searchText: db
        .prepare(
          `SELECT count(*) AS n FROM search_nodes s
           WHERE s.trace_id = ? AND s.id IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)`,
        )
        .get(id, '"Trainer"'),
    }));
  } finally {
    db.close();
  }
}

/** An evaluation in `pipeline` of a model another pipeline made (an artifact it has not seen). */
function crossPipelineEvaluation(pipeline: string, id: number, model: number): Trace {
  const b = new TraceBuilder(pipeline);
  const evaluator = b.execution('Evaluator', {
    id,
    name: 'Evaluator',
    startMs: 1_800_000_000_000,
    endMs: 1_800_000_000_100,
    inputs: [[artifactId(model), 'model']],
  });
  b.output(evaluator, 'ModelBlessing', 'blessing', { id, createdMs: 1_800_000_000_100 });
  return b.build();
}

describe('incremental sync', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  }, HOOK_TIMEOUT);

  it('extends the stored traces of touched pipelines and stores what a full import of the store stores', async () => {
    const db = await createTestDatabase('postgres', 'server_incremental');
    databases.push(db);
    await writeMlmdStoreTo(
      db.url,
      ['p0', 'p1', 'p2', 'p3'].map((p, i) => pipelineRuns(p, 100 * i, 0, 2)),
    );
    await withServer(async (server, dataDir) => {
      const { connection } = await connect(server, db.url);
      await writeMlmdStoreTo(
        db.url,
        [
          // New runs warm-started from models the stored traces hold.
          pipelineRun('p0', 0, 2),
          pipelineRun('p1', 100, 2),
          pipelineRun('p1', 100, 3),
          // p2 evaluates p3's model: an artifact p2's stored trace lacks, so p2 is read whole.
          crossPipelineEvaluation('p2', 290, 301),
          // A new pipeline is read whole.
          pipelineRuns('p5', 500, 0, 3),
        ],
        { append: true },
      );
      const incremental = await sync(server, connection.id);
      expect(incremental).toMatchObject({
        state: 'done',
        // p3 is touched (its model gained a consumer) and extended with nothing of its own.
        result: { full: false, traces: 5, extended: 3 },
      });
      const extendedRows = storedRows(dataDir, connection.id);
      expect(extendedRows.map((t) => [t.pipeline, t.executions])).toEqual([
        ['p0', 9],
        ['p1', 12],
        ['p2', 7],
        ['p3', 6],
        ['p5', 9],
      ]);

      // The same store imported by a fresh connection in one full sync.
      await withServer(async (fresh, freshDir) => {
        const full = await connect(fresh, db.url);
        expect(extendedRows).toEqual(storedRows(freshDir, full.connection.id));
      });

      // A sync with nothing new rewrites nothing.
      expect(await sync(server, connection.id)).toMatchObject({
        result: { full: false, traces: 0, extended: 0 },
      });
    });
  }, 240_000);
});
