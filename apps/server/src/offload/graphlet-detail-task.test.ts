import { join } from 'node:path';
import type { GraphletDetail, GraphletList, TraceList } from '@graphlet/contract';
import { fixturePath, MLMD_FIXTURES } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { STORE_FILE } from '../store/open-database.ts';
import { getJson, uploadJson, waitForJob, withServer } from '../test-support/test-server.ts';
import { TaskPool } from './task-pool.ts';

describe('graphlet detail on a task worker', () => {
  it('answers every fixture graphlet as the route does from its loaded trace', async () => {
    await withServer(async (server, dataDir) => {
      for (const name of MLMD_FIXTURES) {
        const { body } = await uploadJson(server, fixturePath(name), name);
        expect(await waitForJob(server, body.job!.id)).toMatchObject({ state: 'done' });
      }
      const tasks = new TaskPool();
      const storeLocation = join(dataDir, STORE_FILE);
      try {
        const traces = (await getJson<TraceList>(server, '/api/traces')).body.traces;
        let compared = 0;
        for (const trace of traces) {
          const list = await getJson<GraphletList>(server, `/api/traces/${trace.id}/graphlets`);
          for (const { trainer } of list.body.graphlets) {
            const route = await getJson<GraphletDetail>(
              server,
              `/api/traces/${trace.id}/graphlets/${trainer}`,
            );
            const json = await tasks.run(`graphlet:${trace.id}:${trainer}`, {
              task: 'graphlet',
              storeLocation,
              traceId: trace.id,
              trainer,
            });
            // No waste model is trained here, so the route adds no prediction either.
            expect(JSON.parse(json!)).toEqual(route.body);
            compared++;
          }
        }
        expect(compared).toBeGreaterThan(2);
        const none = await tasks.run('graphlet:none', {
          task: 'graphlet',
          storeLocation,
          traceId: traces[0]!.id,
          trainer: 99_999_999,
        });
        expect(none).toBeNull();
      } finally {
        await tasks.close();
      }
    });
  }, 240_000);
});
