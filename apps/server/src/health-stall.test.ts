import type { Job } from '@graphlet/contract';
import { stringifyTraceDocument } from '@graphlet/formats';
import { generateCorpusPipeline } from '@graphlet/synth';
import { describe, expect, it } from 'vitest';
import { probeHealth } from './test-support/health-probe.ts';
import { streamedUpload, waitForJob, withServer } from './test-support/test-server.ts';
import { postJson } from './test-support/waste-corpus.ts';

// A modest corpus (24 synthetic pipelines, ~45,000 nodes, ~27 MB of JSON): on the main thread its
// commit and its statistics each held the event loop for over 200 ms (measured on main's code).
const corpus = stringifyTraceDocument(
  Array.from({ length: 24 }, (_, i) => generateCorpusPipeline(3, i)),
);

describe('health during heavy work', () => {
  // The machine's cores are shared, so the wall-clock waits also hold time the process was not
  // scheduled; the assertion is on the main thread's longest task (its own CPU time).
  it('never runs a main-thread task of 200 ms during an import, a statistics request or a training', async () => {
    await withServer(async (server) => {
      const upload = await streamedUpload(new TextEncoder().encode(corpus), 'corpus.json');
      let probe = probeHealth(server);
      const { job: imported } = (await (await upload.send(server)).json()) as { job: Job };
      expect(await waitForJob(server, imported.id)).toMatchObject({ state: 'done' });
      const importing = await probe.stop();

      probe = probeHealth(server);
      const stats = await server.app.request('/api/stats');
      expect(stats.status).toBe(200);
      const statistics = await probe.stop();

      probe = probeHealth(server);
      const train = await postJson(server, '/api/waste/train', {
        variant: 'RF:Input+Pre',
        trees: 20,
      });
      expect(train.status).toBe(202);
      const { job } = (await train.json()) as { job: Job };
      expect(await waitForJob(server, job.id)).toMatchObject({ state: 'done' });
      const training = await probe.stop();

      console.log('health stalls (ms)', { importing, statistics, training });
      for (const stalls of [importing, statistics, training]) {
        expect(stalls.samples).toBeGreaterThan(0);
        expect(stalls.longestTaskCpuMs).toBeLessThan(200);
      }
    });
  }, 120_000);
});
