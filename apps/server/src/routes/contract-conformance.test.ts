import { rmSync } from 'node:fs';
import {
  GraphletDetailSchema,
  GraphletListSchema,
  HealthSchema,
  JobSchema,
  NodeDetailSchema,
  SourceListSchema,
  StatsSchema,
  TraceGraphSchema,
  TraceListSchema,
  UploadResponseSchema,
} from '@graphlet/contract';
import { fixturePath, MLMD_FIXTURES } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  getJson,
  tempDataDir,
  testServer,
  upload,
  waitForJob,
  withServer,
} from '../test-support/test-server.ts';

/** Parses `body` with `schema`, failing the test with the first issue's path. */
function conforms(schema: z.ZodType, body: unknown): void {
  const result = schema.safeParse(body);
  const issue = result.success ? undefined : result.error.issues[0];
  expect(issue === undefined ? 'ok' : `${issue.path.join('.')}: ${issue.message}`).toBe('ok');
}

describe('answers conform to @graphlet/contract', () => {
  it('for every read route, on every fixture', async () => {
    await withServer(async (server) => {
      for (const name of MLMD_FIXTURES) {
        const response = await upload(server, fixturePath(name), name);
        const body = await response.json();
        conforms(UploadResponseSchema, body);
        conforms(JobSchema, await waitForJob(server, (body as { job: { id: string } }).job.id));
      }
      conforms(HealthSchema, (await getJson(server, '/api/health')).body);
      conforms(SourceListSchema, (await getJson(server, '/api/sources')).body);
      const traces = (await getJson<z.infer<typeof TraceListSchema>>(server, '/api/traces')).body;
      conforms(TraceListSchema, traces);
      conforms(StatsSchema, (await getJson(server, '/api/stats')).body);
      for (const trace of traces.traces) {
        const graph = (
          await getJson<z.infer<typeof TraceGraphSchema>>(server, `/api/traces/${trace.id}`)
        ).body;
        conforms(TraceGraphSchema, graph);
        for (const node of graph.nodes.slice(0, 5)) {
          conforms(
            NodeDetailSchema,
            (await getJson(server, `/api/traces/${trace.id}/nodes/${node.id}`)).body,
          );
        }
        const list = (
          await getJson<z.infer<typeof GraphletListSchema>>(
            server,
            `/api/traces/${trace.id}/graphlets`,
          )
        ).body;
        conforms(GraphletListSchema, list);
        for (const g of list.graphlets) {
          conforms(
            GraphletDetailSchema,
            (await getJson(server, `/api/traces/${trace.id}/graphlets/${g.trainer}`)).body,
          );
        }
      }
    });
  });

  it('for /api/stats on the demo corpus, where every figure has numbers', async () => {
    const dir = tempDataDir();
    const server = testServer(dir, { demo: true });
    try {
      const jobId = await server.demo;
      expect(await waitForJob(server, jobId!)).toMatchObject({ state: 'done' });
      const stats = (await getJson<z.infer<typeof StatsSchema>>(server, '/api/stats')).body;
      conforms(StatsSchema, stats);
      const unavailable = Object.entries({ ...stats.figures, ...stats.tables })
        .filter(([, section]) => !section.available)
        .map(([name]) => name);
      expect(unavailable).toEqual([]);
      expect(stats.figures['4'].featureKinds.available).toBe(true);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
