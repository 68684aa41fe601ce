import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildTraceGraph, segmentGraphlets } from '@graphlet/core';
import { syntheticTraceForBench } from '@graphlet/core/testing';

import { describe, expect, it } from 'vitest';
import { summarizeTrace } from '../import/summarize-trace.ts';
import { storeSources } from '../test-support/stored-sources.ts';
import { withServer } from '../test-support/test-server.ts';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Heap in use after a full collection. */
function settledHeap(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const MIB = 1024 ** 2;
const BUDGET = 48 * MIB;

describe('the cache budget (CACHE_BYTES)', () => {
  it('keeps three large traces viewed within one byte budget, evicting the least recent', async () => {
    // One ~26,000-node trace stored under three sources: viewing each loads it anew.
    const trace = syntheticTraceForBench(1_600);
    const graph = buildTraceGraph(trace);
    const imported = summarizeTrace(graph, segmentGraphlets(trace, graph).graphlets);
    await withServer(
      async (server) => {
        await storeSources(
          server,
          [0, 1, 2].map((s) => ({ id: `big${s}`, traces: [imported] })),
        );
        const view = async (s: number) => {
          const id = `big${s}-1`;
          expect((await server.app.request(`/api/traces/${id}`)).status).toBe(200);
          expect((await server.app.request(`/api/traces/${id}/nodes/e1`)).status).toBe(200);
        };
        await view(0);
        const before = settledHeap();
        await view(1);
        await view(2);
        const grown = settledHeap() - before;
        // Each view keeps ~28 MB of parsed trace, graph and laid-out JSON: two more views would
        // hold ~56 MB on top of the first; under the budget only the latest one stays.
        expect(grown).toBeLessThan(BUDGET);
        const held = server.cache.stats();
        expect(held.bytes).toBeLessThanOrEqual(BUDGET);
        expect(held.bytes).toBeGreaterThan(BUDGET / 2);

        // Recency: the trace viewed last answers from the cache, the first was evicted.
        await view(2);
        expect(server.cache.stats().loads).toBe(held.loads);
        await view(0);
        expect(server.cache.stats().loads).toBe(held.loads + 2);
      },
      { cacheBytes: BUDGET },
    );
  });
});
