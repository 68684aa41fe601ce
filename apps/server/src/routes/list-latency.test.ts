import type { TraceList } from '@graphlet/contract';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/open-database.ts';
import { writeImport } from '../store/write-import.ts';
import { withServer } from '../test-support/test-server.ts';

describe('list endpoints over a 300-pipeline corpus', () => {
  it('answer 50 concurrent clients from the per-query cache', async () => {
    await withServer(async (server, dir) => {
      // Rows written straight into the store: this measures the read path, not imports.
      const db = openDatabase(dir);
      for (let s = 0; s < 3; s++) {
        writeImport(db, {
          id: `s${s}`,
          name: `store-${s}.sqlite`,
          sha256: String(s).repeat(64),
          size: 1,
          kind: 'mlmd',
          schemaVersion: 10,
          jobId: null,
          traces: Array.from({ length: 100 }, (_, i) => ({
            pipeline: `pipeline-${s}-${i}`,
            payload: '{}',
            layout: '{"nodes":[],"edges":[]}',
            summary: {
              executions: i,
              artifacts: 2 * i,
              graphlets: i % 7,
              pushedShare: i % 7 === 0 ? null : (i % 3) / 3,
              lifespanDays: i,
              modelsPerDay: 1,
              computeSeconds: 10 * i,
            },
            graphlets: [],
          })),
        });
      }
      db.close();
      const paths = [
        '/api/traces',
        '/api/traces?sort=graphlets&order=desc',
        '/api/traces?q=-1-',
        '/api/sources',
      ];
      const latencies: number[] = [];
      await Promise.all(
        Array.from({ length: 50 }, async (_, client) => {
          for (let r = 0; r < 4; r++) {
            const started = performance.now();
            const response = await server.app.request(paths[(client + r) % paths.length]!);
            await response.text();
            latencies.push(performance.now() - started);
            expect(response.status).toBe(200);
          }
        }),
      );
      const all = (await (await server.app.request('/api/traces')).json()) as TraceList;
      expect(all.traces).toHaveLength(300);
      latencies.sort((a, b) => a - b);
      const p99 = latencies[Math.floor(latencies.length * 0.99)]!;
      // The target (p99 < 50 ms over loopback) is judged by bench/src/server-bench.ts on a quiet
      // machine; tests never fail on speed, so this one checks 200 concurrent answers and logs.
      expect(latencies).toHaveLength(200);
      console.log(`list endpoints: p99 ${p99.toFixed(1)} ms over 200 concurrent requests`);
    });
  });
});
