import {
  type GraphletDetail,
  GraphletDetailSchema,
  type GraphletList,
  type TraceList,
} from '@graphlet/contract';
import { fixturePath } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { getJson, uploadJson, waitForJob, withServer } from '../test-support/test-server.ts';

const detailOf = async (server: Parameters<typeof getJson>[0], trace: string, trainer: number) => {
  const { status, body } = await getJson<GraphletDetail>(
    server,
    `/api/traces/${trace}/graphlets/${trainer}`,
  );
  expect(status).toBe(200);
  return GraphletDetailSchema.parse(body);
};

describe('GET /api/traces/:id/graphlets/:trainer metrics', () => {
  it('computes spans, similarities, code match, compute by group and model type on the demo corpus', async () => {
    await withServer(
      async (server) => {
        expect(await waitForJob(server, (await server.demo)!)).toMatchObject({ state: 'done' });
        const traces = (await getJson<TraceList>(server, '/api/traces')).body.traces;
        const trace = traces.find((t) => t.graphlets >= 3)!;
        const { graphlets } = (
          await getJson<GraphletList>(server, `/api/traces/${trace.id}/graphlets`)
        ).body;
        const [first, second] = graphlets;

        const head = await detailOf(server, trace.id, first!.trainer);
        expect(head).toMatchObject({ jaccard: null, datasetSimilarity: null, codeMatch: null });
        expect(head.modelType).not.toBeNull();

        const next = await detailOf(server, trace.id, second!.trainer);
        expect(next.inputSpans.map((s) => s.id).sort((a, b) => a - b)).toEqual(second!.spans);
        expect(next.inputSpans.every((s) => s.span !== null)).toBe(true);
        const spanNumbers = next.inputSpans.map((s) => s.span!);
        expect(spanNumbers).toEqual([...spanNumbers].sort((a, b) => a - b));
        const shared = second!.spans.filter((s) => first!.spans.includes(s)).length;
        const union = new Set([...first!.spans, ...second!.spans]).size;
        expect(next.jaccard).toBeCloseTo(shared / union, 12);
        expect(next.datasetSimilarity).toBeGreaterThanOrEqual(0);
        expect(next.datasetSimilarity).toBeLessThanOrEqual(1);
        expect(typeof next.codeMatch).toBe('boolean');
        const groups = Object.values(next.computeByGroup);
        expect(groups.every((s) => s !== null && s >= 0)).toBe(true);
        const total = groups.reduce((sum, s) => sum! + s!, 0)!;
        expect(total).toBeCloseTo(second!.metrics.computeSeconds, 6);
        expect(next.computeByGroup.training).toBeGreaterThan(0);
      },
      { demo: true },
    );
  });

  it('answers null where a real TFX store records no metadata', async () => {
    await withServer(async (server) => {
      const name = 'tfx-1.15-interactive-two-trainers.sqlite';
      const { body } = await uploadJson(server, fixturePath(name), name);
      expect(await waitForJob(server, body.job!.id)).toMatchObject({ state: 'done' });
      const trace = (await getJson<TraceList>(server, '/api/traces')).body.traces[0]!;

      const head = await detailOf(server, trace.id, 6);
      expect(head).toMatchObject({ jaccard: null, datasetSimilarity: null, codeMatch: null });
      const second = await detailOf(server, trace.id, 10);
      expect(second).toMatchObject({ previous: 6, datasetSimilarity: null, codeMatch: null });
      expect(second.modelType).toBeNull();
      expect(second.inputSpans.length).toBe(second.graphlet.spans.length);
      expect(second.jaccard).not.toBeNull();
      // TFX records start and end times, so the wall-clock cost of each group is known.
      expect(second.computeByGroup.training).toBeGreaterThan(0);
    });
  });
});
