import type { ErrorBody, TraceList } from '@graphlet/contract';
import { fixturePath, MLMD_FIXTURES } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { getJson, uploadJson, waitForJob, withServer } from '../test-support/test-server.ts';

interface Stats {
  corpus: { pipelines: number; graphlets: number; executions: number };
  paper: Record<string, { value: number }>;
}

describe('GET /api/stats', () => {
  it('answers the corpus statistics, or those of chosen traces, and follows deletions', async () => {
    await withServer(async (server) => {
      const sources: string[] = [];
      for (const name of MLMD_FIXTURES) {
        const { body } = await uploadJson(server, fixturePath(name), name);
        expect(await waitForJob(server, body.job!.id)).toMatchObject({ state: 'done' });
        sources.push(body.source.id);
      }
      const traces = (await getJson<TraceList>(server, '/api/traces')).body.traces;
      const all = await getJson<Stats>(server, '/api/stats');
      expect(all.status).toBe(200);
      expect(all.body.corpus).toMatchObject({
        pipelines: traces.length,
        graphlets: traces.reduce((n, t) => n + t.graphlets, 0),
        executions: traces.reduce((n, t) => n + t.executions, 0),
      });
      expect(all.body.paper['figures.3a.mean']?.value).toBe(36);
      expect((await getJson<Stats>(server, '/api/stats')).body).toEqual(all.body);

      const two = traces.filter((t) => t.graphlets > 0);
      const some = await getJson<Stats>(
        server,
        `/api/stats?traces=${two.map((t) => t.id).join(',')}`,
      );
      expect(some.body.corpus).toMatchObject({ pipelines: two.length, graphlets: 3 });

      await server.app.request(`/api/sources/${sources[0]}`, { method: 'DELETE' });
      const after = await getJson<Stats>(server, '/api/stats');
      expect(after.body.corpus.pipelines).toBe(traces.length - 1);
    });
  });

  it('404 for an unknown trace, 400 for a malformed list', async () => {
    await withServer(async (server) => {
      const unknown = await getJson<ErrorBody>(server, '/api/stats?traces=nope-1');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain('nope-1');
      const malformed = await getJson<ErrorBody>(server, '/api/stats?traces=a,,b');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('bad_request');
    });
  });
});
