import type {
  ErrorBody,
  GraphletDetail,
  GraphletList,
  NodeDetail,
  TraceGraph,
  TraceList,
} from '@graphlet/contract';
import { fixturePath, MLMD_FIXTURES } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import type { Server } from '../create-app.ts';
import { getJson, uploadJson, waitForJob, withServer } from '../test-support/test-server.ts';

async function importAll(server: Server): Promise<TraceList['traces']> {
  for (const name of MLMD_FIXTURES) {
    const { body } = await uploadJson(server, fixturePath(name), name);
    expect(await waitForJob(server, body.job!.id)).toMatchObject({ state: 'done' });
  }
  return (await getJson<TraceList>(server, '/api/traces')).body.traces;
}

const byName = (traces: TraceList['traces'], source: string) =>
  traces.find((t) => t.sourceName === source)!;

describe('trace routes', () => {
  it('lists summaries, filtered by pipeline substring and source, sorted either way', async () => {
    await withServer(async (server) => {
      const traces = await importAll(server);
      expect(traces).toHaveLength(4);
      const taxi = byName(traces, 'tfx-0.22-chicago-taxi-schema-v4.sqlite');
      expect(taxi).toMatchObject({
        pipeline: 'chicago_taxi_beam',
        executions: 9,
        artifacts: 11,
        graphlets: 1,
        pushedShare: 1,
        lifespanDays: null,
        modelsPerDay: null,
      });
      const two = byName(traces, 'tfx-1.15-interactive-two-trainers.sqlite');
      expect(two).toMatchObject({ executions: 13, artifacts: 21, graphlets: 2, pushedShare: 0 });
      expect(two.lifespanDays).toBeGreaterThan(0);
      expect(two.modelsPerDay).toBe(2);
      expect(byName(traces, 'tfx-1.10-data-only-schema-v8.sqlite')).toMatchObject({
        graphlets: 0,
        pushedShare: null,
      });

      const q = await getJson<TraceList>(server, '/api/traces?q=TAXI');
      expect(q.body.traces.map((t) => t.id)).toEqual([taxi.id]);
      const source = await getJson<TraceList>(server, `/api/traces?source=${two.sourceId}`);
      expect(source.body.traces.map((t) => t.id)).toEqual([two.id]);
      const asc = await getJson<TraceList>(server, '/api/traces?sort=executions');
      const desc = await getJson<TraceList>(server, '/api/traces?sort=executions&order=desc');
      const counts = asc.body.traces.map((t) => t.executions);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(desc.body.traces.map((t) => t.executions)).toEqual([...counts].sort((a, b) => b - a));
      // Nulls sort last in both orders.
      const shares = await getJson<TraceList>(server, '/api/traces?sort=pushedShare&order=desc');
      expect(shares.body.traces.map((t) => t.pushedShare)).toEqual([1, 0, null, null]);
    });
  });

  it('answers one trace as laid-out nodes and typed edges with graphlet membership', async () => {
    await withServer(async (server) => {
      const two = byName(await importAll(server), 'tfx-1.15-interactive-two-trainers.sqlite');
      const { status, body } = await getJson<TraceGraph>(server, `/api/traces/${two.id}`);
      expect(status).toBe(200);
      expect(body.nodes).toHaveLength(13 + 21);
      const ids = new Set(body.nodes.map((n) => n.id));
      for (const e of body.edges) {
        expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
        expect(e.kind === 'input' ? e.source[0] : e.target[0]).toBe('a');
      }
      const trainer6 = body.nodes.find((n) => n.id === 'e6')!;
      expect(trainer6).toMatchObject({ kind: 'execution', role: 'trainer', graphlets: [6] });
      // x follows start time: the ExampleGen (earliest) is left of the Pusher (latest).
      const x = (id: string) => body.nodes.find((n) => n.id === id)!.x;
      expect(x('e1')).toBeLessThan(x('e6'));
      expect(x('e6')).toBeLessThan(x('e13'));
      // Lanes by role: both trainers share a lane, the pusher has another.
      const y = (id: string) => body.nodes.find((n) => n.id === id)!.y;
      expect(y('e6')).toBe(y('e10'));
      expect(y('e13')).not.toBe(y('e6'));
      // No two nodes at the same place.
      expect(new Set(body.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(body.nodes.length);
    });
  });

  it('answers a node with properties and links, and 404/400 for unknown or malformed ids', async () => {
    await withServer(async (server) => {
      const two = byName(await importAll(server), 'tfx-1.15-interactive-two-trainers.sqlite');
      const { body } = await getJson<NodeDetail>(server, `/api/traces/${two.id}/nodes/e6`);
      expect(body).toMatchObject({ id: 'e6', kind: 'execution', role: 'trainer', graphlets: [6] });
      expect(body.type).toContain('Trainer');
      expect(body.inputs.length).toBeGreaterThan(0);
      expect(body.outputs.every((o) => o.node.startsWith('a'))).toBe(true);
      const model = body.outputs[0]!.node;
      const artifact = await getJson<NodeDetail>(server, `/api/traces/${two.id}/nodes/${model}`);
      expect(artifact.body.inputs.map((i) => i.node)).toContain('e6');

      expect((await server.app.request(`/api/traces/${two.id}/nodes/e999`)).status).toBe(404);
      const bad = await getJson<ErrorBody>(server, `/api/traces/${two.id}/nodes/x6`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('bad_request');
      expect((await getJson<ErrorBody>(server, '/api/traces/nope')).status).toBe(404);
      expect((await getJson<ErrorBody>(server, '/api/traces?sort=size')).status).toBe(400);
    });
  });

  it('lists graphlets with metrics and answers one as a subgraph with its neighbours', async () => {
    await withServer(async (server) => {
      const traces = await importAll(server);
      const two = byName(traces, 'tfx-1.15-interactive-two-trainers.sqlite');
      const list = await getJson<GraphletList>(server, `/api/traces/${two.id}/graphlets`);
      // The list is read from the store's graphlet rows: the trace itself is not parsed (on a
      // trace of a million nodes that parse held the event loop for seconds).
      expect(server.cache.has('trace', two.id)).toBe(false);
      expect((await getJson<ErrorBody>(server, '/api/traces/nope/graphlets')).status).toBe(404);
      expect(list.body.graphlets.map((g) => [g.trainer, g.index, g.pushed])).toEqual([
        [6, 0, false],
        [10, 1, false],
      ]);
      const first = list.body.graphlets[0]!;
      expect(first.metrics.executions).toBe(first.executions.length);
      expect(first.metrics.computeSeconds).toBeGreaterThan(0);

      const detail = await getJson<GraphletDetail>(server, `/api/traces/${two.id}/graphlets/10`);
      expect(detail.body).toMatchObject({ previous: 6, next: null, graphlet: { trainer: 10 } });
      expect(detail.body.nodes.map((n) => n.id).sort()).toEqual(
        [
          ...detail.body.graphlet.executions.map((e) => `e${e}`),
          ...detail.body.graphlet.artifacts.map((a) => `a${a}`),
        ].sort(),
      );
      expect(detail.body.edges.length).toBeGreaterThan(0);
      const features = Object.entries(detail.body.features);
      expect(features.length).toBeGreaterThan(5);
      expect(features.every(([, v]) => v === null || Number.isFinite(v))).toBe(true);
      expect(features.some(([, v]) => v !== null)).toBe(true);

      const none = byName(traces, 'tfx-1.10-data-only-schema-v8.sqlite');
      const empty = await getJson<GraphletList>(server, `/api/traces/${none.id}/graphlets`);
      expect(empty.body).toEqual({ graphlets: [], note: expect.stringMatching(/no Trainer/) });
      const missing = await getJson<ErrorBody>(server, `/api/traces/${two.id}/graphlets/7`);
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toContain('6, 10');
      expect((await server.app.request(`/api/traces/${two.id}/graphlets/seven`)).status).toBe(400);
    });
  });
});
