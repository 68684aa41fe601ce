import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceList, TraceList } from '@graphlet/contract';
import { describe, expect, it } from 'vitest';
import { getJson, testServer, waitForJob, withDataDir } from '../test-support/test-server.ts';

describe('demo corpus', () => {
  it('is imported on the first start only, through the import job', async () => {
    await withDataDir(async (dir) => {
      const first = testServer(dir, { demo: true });
      const jobId = await first.demo;
      expect(jobId).not.toBeNull();
      expect(await waitForJob(first, jobId!)).toMatchObject({ kind: 'import', state: 'done' });
      const { body } = await getJson<SourceList>(first, '/api/sources');
      expect(body.sources).toEqual([
        expect.objectContaining({ name: 'demo.sqlite', kind: 'mlmd' }),
      ]);
      const traces = (await getJson<TraceList>(first, '/api/traces')).body.traces;
      expect(traces.length).toBeGreaterThan(5);
      expect(traces.some((t) => t.graphlets > 0)).toBe(true);
      expect(existsSync(join(dir, 'demo', 'demo.sqlite'))).toBe(true);
      // Deleting the demo and restarting does not bring it back.
      await first.app.request(`/api/sources/${body.sources[0]!.id}`, { method: 'DELETE' });
      await first.close();

      const second = testServer(dir, { demo: true });
      expect(await second.demo).toBeNull();
      expect((await getJson<SourceList>(second, '/api/sources')).body.sources).toEqual([]);
      await second.close();
    });
  });

  it('is skipped with DEMO=0', async () => {
    await withDataDir(async (dir) => {
      const server = testServer(dir, { demo: false });
      expect(await server.demo).toBeNull();
      expect((await getJson<SourceList>(server, '/api/sources')).body.sources).toEqual([]);
      await server.close();
    });
  });
});
