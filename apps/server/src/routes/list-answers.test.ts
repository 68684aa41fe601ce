import { gzipSync } from 'node:zlib';
import type { TraceList } from '@graphlet/contract';
import { describe, expect, it } from 'vitest';
import type { Server } from '../create-app.ts';
import { replicasOf } from '../test-support/replica-server.ts';
import { storeSources } from '../test-support/stored-sources.ts';
import { withServer } from '../test-support/test-server.ts';

/** Each API process's cache loads and hits (two processes with TEST_QUEUE=redis). */
const cacheCounts = (server: Server) =>
  replicasOf(server).map((replica) => {
    const { loads, hits } = replica.cache.stats();
    return { loads, hits };
  });

// Latency under load is measured by bench/src/server-bench.ts (`lists`); this pins the cache.
describe('list endpoints over a 300-pipeline corpus', () => {
  it('answer 50 concurrent clients from one computation per query, until the corpus changes', async () => {
    await withServer(async (server) => {
      // Rows written straight into the store: this exercises the read path, not imports.
      await storeSources(
        server,
        [0, 1, 2].map((s) => ({
          id: `s${s}`,
          traces: Array.from({ length: 100 }, (_, i) => ({
            pipeline: `pipeline-${s}-${i}`,
            payload: '{}',
            stats: '{}',
            searchRows: [],
            layout: gzipSync('{"nodes":[],"edges":[]}'),
            summary: {
              executions: i,
              artifacts: 2 * i,
              graphlets: i % 7,
              failedGraphlets: 0,
              pushedShare: i % 7 === 0 ? null : (i % 3) / 3,
              lifespanDays: i,
              modelsPerDay: 1,
              computeSeconds: 10 * i,
            },
            graphlets: [],
          })),
        })),
      );
      const paths = [
        '/api/traces',
        '/api/traces?sort=graphlets&order=desc',
        '/api/traces?q=-1-',
        '/api/sources',
      ];
      const start = cacheCounts(server);
      const bodies = new Map<string, Set<string>>(paths.map((p) => [p, new Set()]));
      await Promise.all(
        Array.from({ length: 50 }, async (_, client) => {
          for (let r = 0; r < 4; r++) {
            const path = paths[(client + r) % paths.length]!;
            const response = await server.app.request(path);
            expect(response.status).toBe(200);
            bodies.get(path)!.add(await response.text());
          }
        }),
      );
      // One computation per distinct query in each API process; the other answers came from
      // the cache (196 of 200 with one process), the same text.
      const served = cacheCounts(server);
      const loads = served.map((s, i) => s.loads - start[i]!.loads);
      const hits = served.map((s, i) => s.hits - start[i]!.hits);
      for (const n of loads) expect(n).toBeLessThanOrEqual(paths.length);
      expect(loads.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(paths.length);
      expect(loads.reduce((a, b) => a + b) + hits.reduce((a, b) => a + b)).toBe(200);
      for (const texts of bodies.values()) expect(texts.size).toBe(1);
      const all = JSON.parse([...bodies.get('/api/traces')!][0]!) as TraceList;
      expect(all.traces).toHaveLength(300);
      const desc = JSON.parse([...bodies.get(paths[1]!)!][0]!) as TraceList;
      expect(desc.traces[0]!.graphlets).toBe(6);

      // A delete is a corpus change: the next answer is computed anew and lacks that source.
      expect((await server.app.request('/api/sources/s0', { method: 'DELETE' })).status).toBe(204);
      const after = (await (await server.app.request('/api/traces')).json()) as TraceList;
      expect(after.traces).toHaveLength(200);
      const total = (counts: { loads: number }[]) => counts.reduce((a, c) => a + c.loads, 0);
      expect(total(cacheCounts(server))).toBe(total(served) + 1);
    });
  });
});
