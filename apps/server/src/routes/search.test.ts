import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ErrorBody, SearchResult, TraceList } from '@graphlet/contract';
import { fixturePath, MLMD_FIXTURES } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import type { Server } from '../create-app.ts';
import { STORE_FILE } from '../store/open-database.ts';
import {
  getJson,
  testServer,
  uploadJson,
  waitForJob,
  withDataDir,
  withServer,
} from '../test-support/test-server.ts';

async function importAll(server: Server): Promise<TraceList['traces']> {
  for (const name of MLMD_FIXTURES) {
    const { body } = await uploadJson(server, fixturePath(name), name);
    expect(await waitForJob(server, body.job!.id)).toMatchObject({ state: 'done' });
  }
  return (await getJson<TraceList>(server, '/api/traces')).body.traces;
}

const search = (server: Server, query: string) =>
  getJson<SearchResult>(server, `/api/search?${query}`);

describe('GET /api/search', () => {
  it('finds pipelines, executions by label and artifacts by URI across every real store', async () => {
    await withServer(async (server) => {
      const traces = await importAll(server);
      const two = traces.find((t) => t.sourceName === 'tfx-1.15-interactive-two-trainers.sqlite')!;
      const taxi = traces.find((t) => t.pipeline === 'chicago_taxi_beam')!;

      const pipeline = await search(server, 'q=TAXI');
      expect(pipeline.status).toBe(200);
      expect(pipeline.body.hits[0]).toMatchObject({
        kind: 'pipeline',
        traceId: taxi.id,
        nodeId: null,
        label: 'chicago_taxi_beam',
      });

      // Two Trainer runs in the interactive store, one in the taxi store, labelled by component.
      const trainers = await search(server, 'q=trainer&limit=100');
      const executions = trainers.body.hits.filter((h) => h.kind === 'execution');
      expect(executions.filter((h) => h.traceId === two.id && h.label === 'Trainer')).toHaveLength(
        2,
      );
      expect(executions.some((h) => h.traceId === taxi.id)).toBe(true);
      for (const h of executions) expect(h.nodeId).toMatch(/^e\d+$/);

      // A URI substring: the evaluator's blessings (two in the interactive store).
      const blessing = await search(server, 'q=Evaluator/blessing');
      expect(blessing.body.hits.filter((h) => h.traceId === two.id)).toHaveLength(2);
      for (const h of blessing.body.hits) {
        expect(h.kind).toBe('artifact');
        expect(h.uri).toContain('Evaluator/blessing');
        expect(h.nodeId).toMatch(/^a\d+$/);
      }
      // The node ids link to real nodes of the trace.
      const node = blessing.body.hits[0]!;
      const detail = await getJson<{ id: string }>(
        server,
        `/api/traces/${node.traceId}/nodes/${node.nodeId}`,
      );
      expect(detail.status).toBe(200);
    });
  });

  it('caps results at the limit and says there are more; special characters are literal', async () => {
    await withServer(async (server) => {
      await importAll(server);
      const one = await search(server, 'q=Trainer&limit=1');
      expect(one.body.hits).toHaveLength(1);
      expect(one.body.more).toBe(true);
      const quote = await search(server, `q=${encodeURIComponent('"Trainer OR')}`);
      expect(quote.status).toBe(200);
      expect(quote.body.hits).toEqual([]);
      const percent = await search(server, `q=${encodeURIComponent('%_%')}`);
      expect(percent.body.hits).toEqual([]);
    });
  });

  it('rejects short queries and bad limits with the one error shape', async () => {
    await withServer(async (server) => {
      for (const query of ['q=ab', 'q=', '', 'q=trainer&limit=0', 'q=trainer&limit=101']) {
        const answer = await getJson<ErrorBody>(server, `/api/search?${query}`);
        expect(answer.status, query).toBe(400);
        expect(answer.body.error.code).toBe('bad_request');
      }
    });
  });

  it('forgets a deleted source', async () => {
    await withServer(async (server) => {
      const traces = await importAll(server);
      const two = traces.find((t) => t.sourceName === 'tfx-1.15-interactive-two-trainers.sqlite')!;
      const before = (await search(server, 'q=blessing&limit=100')).body.hits;
      expect(before.filter((h) => h.traceId === two.id).length).toBeGreaterThan(0);
      const removed = await server.app.request(`/api/sources/${two.sourceId}`, {
        method: 'DELETE',
      });
      expect(removed.status).toBeLessThan(300);
      const after = (await search(server, 'q=blessing&limit=100')).body.hits;
      expect(after.length).toBeGreaterThan(0);
      expect(after.filter((h) => h.traceId === two.id)).toEqual([]);
    });
  });

  // A PostgreSQL store starts at the current schema: it never holds traces from before the index.
  it.skipIf(process.env.TEST_STORE === 'postgres')(
    'indexes traces a SQLite store imported before the index existed, and leaves no stale entry',
    async () => {
      await withDataDir(async (dir) => {
        const server = testServer(dir);
        const traces = await importAll(server).finally(() => server.close());
        const two = traces.find(
          (t) => t.sourceName === 'tfx-1.15-interactive-two-trainers.sqlite',
        )!;
        // An older store: its index rows are gone; opening it again refills them.
        const db = new DatabaseSync(join(dir, STORE_FILE));
        db.exec('DELETE FROM search_nodes');
        db.close();
        const reopened = testServer(dir);
        try {
          expect((await search(reopened, 'q=blessing')).body.hits.length).toBeGreaterThan(0);
          const removed = await reopened.app.request(`/api/sources/${two.sourceId}`, {
            method: 'DELETE',
          });
          expect(removed.status).toBeLessThan(300);
          const fts = new DatabaseSync(join(dir, STORE_FILE));
          // No stale index entry: the index finds exactly the rows left in search_nodes.
          const count = (sql: string) => (fts.prepare(sql).get() as { n: number }).n;
          const indexed = count(
            `SELECT count(*) AS n FROM search_text WHERE search_text MATCH '"blessing"'`,
          );
          const left = count(
            `SELECT count(*) AS n FROM search_nodes WHERE label || type || coalesce(name, '') || coalesce(uri, '') LIKE '%blessing%'`,
          );
          fts.close();
          expect(indexed).toBe(left);
        } finally {
          await reopened.close();
        }
      });
    },
  );
});
