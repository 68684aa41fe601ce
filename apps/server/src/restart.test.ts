import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Job, SourceList, TraceGraph, TraceList } from '@graphlet/contract';
import { fixturePath } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { STORE_FILE } from './store/open-database.ts';
import {
  getJson,
  testServer,
  uploadJson,
  waitForJob,
  withDataDir,
} from './test-support/test-server.ts';

const TWO_TRAINERS = 'tfx-1.15-interactive-two-trainers.sqlite';

/** Imports a real TFX store on a first server of `dir`, reads what it lists, and stops it. */
async function importOnFirstServer(dir: string) {
  const first = testServer(dir);
  const { body } = await uploadJson(first, fixturePath(TWO_TRAINERS), 'two.sqlite');
  await waitForJob(first, body.job!.id);
  const sources = (await getJson<SourceList>(first, '/api/sources')).body;
  const traces = (await getJson<TraceList>(first, '/api/traces')).body;
  const graph = (await getJson<TraceGraph>(first, `/api/traces/${traces.traces[0]!.id}`)).body;
  await first.close();
  return { upload: body, sources, traces, graph };
}

describe('restart', () => {
  it('keeps sources, traces, graphs and jobs across a restart on the same data folder', async () => {
    await withDataDir(async (dir) => {
      const { upload: body, ...before } = await importOnFirstServer(dir);

      const second = testServer(dir);
      expect((await getJson<SourceList>(second, '/api/sources')).body).toEqual(before.sources);
      expect((await getJson<TraceList>(second, '/api/traces')).body).toEqual(before.traces);
      expect(
        (await getJson<TraceGraph>(second, `/api/traces/${before.traces.traces[0]!.id}`)).body,
      ).toEqual(before.graph);
      expect((await getJson<Job>(second, `/api/jobs/${body.job!.id}`)).body.state).toBe('done');
      const again = await uploadJson(second, fixturePath(TWO_TRAINERS));
      expect(again.status).toBe(200);
      expect(again.body.source.id).toBe(body.source.id);
      await second.close();
    });
  });

  it('an import interrupted by a stop leaves nothing behind, and its job reads as failed', async () => {
    await withDataDir(async (dir) => {
      const first = testServer(dir);
      const { status, body } = await uploadJson(
        first,
        fixturePath('tfx-0.22-chicago-taxi-schema-v4.sqlite'),
      );
      expect(status).toBe(202);
      await first.close(); // while the worker is still reading

      const second = testServer(dir);
      expect((await getJson<SourceList>(second, '/api/sources')).body.sources).toEqual([]);
      expect((await getJson<TraceList>(second, '/api/traces')).body.traces).toEqual([]);
      const job = (await getJson<Job>(second, `/api/jobs/${body.job!.id}`)).body;
      expect(job).toMatchObject({ state: 'failed', error: { code: 'interrupted' } });
      expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
      // The same file imports cleanly afterwards.
      const retry = await uploadJson(second, fixturePath('tfx-0.22-chicago-taxi-schema-v4.sqlite'));
      expect(retry.status).toBe(202);
      expect((await waitForJob(second, retry.body.job!.id)).state).toBe('done');
      await second.close();
    });
  });

  it('recomputes a trace layout the store lacks (rows from before migration 2)', async () => {
    await withDataDir(async (dir) => {
      const { traces, graph } = await importOnFirstServer(dir);
      const [trace] = traces.traces;

      const db = new DatabaseSync(join(dir, STORE_FILE));
      db.exec('UPDATE trace_payloads SET layout_gzip = NULL');
      db.close();
      const second = testServer(dir);
      expect((await getJson<TraceGraph>(second, `/api/traces/${trace!.id}`)).body).toEqual(graph);
      await second.close();
      const check = new DatabaseSync(join(dir, STORE_FILE));
      const row = check.prepare('SELECT layout_gzip FROM trace_payloads').get() as {
        layout_gzip: Uint8Array | null;
      };
      check.close();
      expect(row.layout_gzip).not.toBeNull();
    });
  });
});
