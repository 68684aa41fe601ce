import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { TraceGraph, TraceList } from '@graphlet/contract';
import { syntheticTraceForBench } from '@graphlet/core/testing';
import { writeMlmdStore } from '@graphlet/formats';
import { describe, expect, it } from 'vitest';
import { getJson, uploadJson, waitForJob, withServer } from '../test-support/test-server.ts';

describe('a 7,000-node trace', () => {
  it('imports end to end and answers its laid-out graph, compact and cached', async () => {
    await withServer(async (server, dir) => {
      const trace = syntheticTraceForBench(450);
      const nodes = trace.executions.length + trace.artifacts.length;
      expect(nodes).toBeGreaterThan(6_500);
      const path = join(dir, 'large.sqlite');
      writeMlmdStore(path, [trace]);
      const bytes = readFileSync(path);
      rmSync(path);

      const started = performance.now();
      const { body } = await uploadJson(server, bytes, 'large.sqlite');
      const job = await waitForJob(server, body.job!.id);
      const importMs = performance.now() - started;
      expect(job).toMatchObject({ state: 'done', progress: { graphletsFound: 450 } });
      // Timing is measured by bench/src/server-bench.ts (target 1 s); tests never fail on speed.
      console.log(`large trace: upload + import ${importMs.toFixed(0)} ms`);

      const [summary] = (await getJson<TraceList>(server, '/api/traces')).body.traces;
      let t = performance.now();
      const response = await server.app.request(`/api/traces/${summary!.id}`);
      const text = await response.text();
      const firstMs = performance.now() - t;
      const graph = JSON.parse(text) as TraceGraph;
      expect(graph.nodes).toHaveLength(nodes);
      console.log(`large trace: first trace request ${firstMs.toFixed(0)} ms`);
      // Compact: about 250 bytes per node with its edges and graphlet membership, gzipped for
      // clients that accept it (browsers do) to a tenth of that.
      expect(text.length / nodes).toBeLessThan(300);
      const gzipped = await server.app.request(`/api/traces/${summary!.id}`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(gzipped.headers.get('content-encoding')).toBe('gzip');
      const compressed = new Uint8Array(await gzipped.arrayBuffer());
      expect(compressed.length / nodes).toBeLessThan(40);
      expect(gunzipSync(compressed).toString()).toBe(text);

      t = performance.now();
      const cached = await (await server.app.request(`/api/traces/${summary!.id}`)).text();
      expect(cached).toBe(text);
      console.log(`large trace: cached trace request ${(performance.now() - t).toFixed(0)} ms`);
    });
  });
});
