import { join } from 'node:path';
import type { NodeDetail, TraceGraph, TraceList } from '@graphlet/contract';
import { fixturePath, MLMD_FIXTURES } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { STORE_FILE } from '../store/open-database.ts';
import { getJson, uploadJson, waitForJob, withServer } from '../test-support/test-server.ts';
import { TaskPool } from './task-pool.ts';

describe('node detail on a task worker', () => {
  it('answers nodes of every fixture trace as the route does from its loaded trace', async () => {
    await withServer(async (server, dataDir) => {
      for (const name of MLMD_FIXTURES) {
        const { body } = await uploadJson(server, fixturePath(name), name);
        expect(await waitForJob(server, body.job!.id)).toMatchObject({ state: 'done' });
      }
      const tasks = new TaskPool();
      try {
        const traces = (await getJson<TraceList>(server, '/api/traces')).body.traces;
        let compared = 0;
        for (const trace of traces) {
          const graph = (await getJson<TraceGraph>(server, `/api/traces/${trace.id}`)).body;
          // A few nodes a trace: a worker costs a thread start each.
          for (const node of [...graph.nodes.slice(0, 3), ...graph.nodes.slice(-3)]) {
            const route = await getJson<NodeDetail>(
              server,
              `/api/traces/${trace.id}/nodes/${node.id}`,
            );
            const json = await tasks.run(`node:${trace.id}:${node.id}`, {
              task: 'node',
              storeLocation: join(dataDir, STORE_FILE),
              traceId: trace.id,
              nodeId: node.id,
            });
            expect(JSON.parse(json!)).toEqual(route.body);
            compared++;
          }
        }
        expect(compared).toBeGreaterThan(20);
        const none = await tasks.run('node:none', {
          task: 'node',
          storeLocation: join(dataDir, STORE_FILE),
          traceId: traces[0]!.id,
          nodeId: 'e99999999',
        });
        expect(none).toBeNull();
      } finally {
        await tasks.close();
      }
    });
  }, 240_000);
});
