import { rmSync } from 'node:fs';
import type {
  ErrorBody,
  GraphletDetail,
  GraphletList,
  GraphletPushPrediction,
  Job,
  TraceList,
  WasteModel,
  WasteOperatingPoint,
  WasteScore,
} from '@graphlet/contract';
import {
  WasteModelListSchema,
  WasteModelSchema,
  WasteOperatingPointSchema,
} from '@graphlet/contract';
import { VARIANT_DEFINITIONS } from '@graphlet/core';
import { stringifyTraceDocument } from '@graphlet/formats';
import { parseSkipPolicy } from '@graphlet/waste';
import { transformPushesCorpus } from '@graphlet/waste/testing';
import { describe, expect, it } from 'vitest';
import type { Server } from '../create-app.ts';
import {
  getJson,
  tempDataDir,
  testServer,
  uploadJson,
  waitForJob,
  withServer,
} from '../test-support/test-server.ts';

/** 12 pipelines x 6 graphlets, pushed exactly when a Transform ran (the CLI's waste corpus). */
async function importCorpus(server: Server, pipelines = 12): Promise<TraceList['traces']> {
  const bytes = new TextEncoder().encode(
    stringifyTraceDocument(transformPushesCorpus(pipelines, 6)),
  );
  const { body } = await uploadJson(server, bytes, 'waste-corpus.json');
  expect(await waitForJob(server, body.job!.id)).toMatchObject({ state: 'done' });
  return (await getJson<TraceList>(server, '/api/traces')).body.traces;
}

const post = (server: Server, path: string, body: unknown) =>
  server.app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

async function train(server: Server, body: unknown): Promise<{ job: Job; model: string }> {
  const response = await post(server, '/api/waste/train', body);
  expect(response.status).toBe(202);
  const { job } = (await response.json()) as { job: Job };
  const done = await waitForJob(server, job.id);
  expect(done.error).toBeUndefined();
  expect(done.state).toBe('done');
  return { job: done, model: (done.result as { model: { id: string } }).model.id };
}

const conforms = (schema: { safeParse: (x: unknown) => { success: boolean } }, body: unknown) =>
  expect(schema.safeParse(body).success).toBe(true);

describe('waste API', () => {
  it('trains the main variants, lists the model, answers Table 3 rows, curves and operating points', async () => {
    await withServer(async (server) => {
      await importCorpus(server);
      const { job, model } = await train(server, { trees: 5, seed: 1 });
      expect(job.kind).toBe('waste-train');
      expect(job.progress).toMatchObject({
        stage: 'done',
        variantCount: 4,
        variantIndex: 4,
        treesTotal: 5,
        treesDone: 5,
        tracesTotal: 12,
      });

      const list = await getJson<{ models: WasteModel[] }>(server, '/api/waste/models');
      conforms(WasteModelListSchema, list.body);
      expect(list.body.models).toHaveLength(1);
      expect(list.body.models[0]).toMatchObject({
        id: model,
        jobId: job.id,
        variants: ['RF:Input', 'RF:Input+Pre', 'RF:Input+Pre+Trainer', 'RF:Validation'],
        scope: { traces: null, pipelines: 12, graphlets: 72 },
        trees: 5,
        seed: 1,
      });

      const detail = await getJson<WasteModel>(server, `/api/waste/models/${model}`);
      expect(detail.status).toBe(200);
      conforms(WasteModelSchema, detail.body);
      const { rows, curves, scope } = detail.body;
      expect(rows.map((r) => r.variant)).toEqual(list.body.models[0]!.variants);
      const pre = rows.find((r) => r.variant === 'RF:Input+Pre')!;
      // Pushed exactly when a Transform ran: the pre-trainer shape reveals it.
      expect(pre.balancedAccuracy).toBe(1);
      expect(pre.paper).toEqual(VARIANT_DEFINITIONS['RF:Input+Pre'].paper);
      const c = pre.confusion;
      expect(c.truePositives + c.falsePositives + c.trueNegatives + c.falseNegatives).toBe(
        scope.testGraphlets,
      );
      expect(scope.trainGraphlets + scope.testGraphlets).toBe(72);

      // Every curve point is the operating point at its own threshold.
      for (const variant of ['RF:Input', 'RF:Input+Pre'] as const) {
        const curve = curves[variant]!;
        expect(curve.at(-1)).toMatchObject({ freshness: 1, waste: 1 });
        // The first point ("nothing runs") lies just above 1 when a probability is 1; thresholds are in [0, 1].
        for (const point of curve.filter((p) => p.threshold <= 1)) {
          const op = await getJson<WasteOperatingPoint>(
            server,
            `/api/waste/models/${model}/operating-point?variant=${encodeURIComponent(variant)}&threshold=${point.threshold}`,
          );
          expect(op.status).toBe(200);
          expect(op.body.freshness).toBeCloseTo(point.freshness, 12);
          expect(op.body.waste).toBeCloseTo(point.waste, 12);
        }
      }
      const started = performance.now();
      const op = await getJson<WasteOperatingPoint>(
        server,
        `/api/waste/models/${model}/operating-point?variant=RF%3AInput%2BPre&threshold=0.5`,
      );
      expect(performance.now() - started).toBeLessThan(50);
      conforms(WasteOperatingPointSchema, op.body);
      expect(op.body).toMatchObject({
        model,
        variant: 'RF:Input+Pre',
        threshold: 0.5,
        freshness: 1,
        waste: 0,
        pushedLost: 0,
      });
      // Skipped = every unpushed test graphlet: ExampleGen + Trainer + Pusher = 111 CPU seconds each.
      expect(op.body.skipped).toHaveLength(c.trueNegatives);
      expect(op.body.computeSavedCpuHours).toBeCloseTo((c.trueNegatives * 111) / 3600, 10);
      for (const g of op.body.skipped) {
        expect(g).toMatchObject({ pushed: false, cost: 111 });
        expect(g.probability).toBeLessThan(0.5);
        expect(g.traceId).toMatch(/^[0-9a-f]{16}-\d+$/);
      }
    });
  });

  it('streams training progress, downloads a policy that scores like the graphlet detail', async () => {
    await withServer(async (server) => {
      const traces = await importCorpus(server);
      const before = await getJson<GraphletDetail>(
        server,
        `/api/traces/${traces[0]!.id}/graphlets/3`,
      );
      expect(before.status).toBe(200);
      expect(before.body).not.toHaveProperty('pushProbability');
      const response = await post(server, '/api/waste/train', {
        variant: 'RF:Input+Pre',
        trees: 4,
      });
      const { job } = (await response.json()) as { job: Job };
      const events = await (await server.app.request(`/api/jobs/${job.id}/events`)).text();
      const progress = events
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => (JSON.parse(line.slice(6)) as Job).progress);
      expect(progress.map((p) => p.stage)).toEqual(
        expect.arrayContaining(['features', 'training', 'evaluated', 'done']),
      );
      const trees = progress.filter((p) => p.stage === 'training').map((p) => p.treesDone);
      expect(trees).toEqual(expect.arrayContaining([0, 1, 2, 3, 4]));
      const model = ((await waitForJob(server, job.id)).result as { model: { id: string } }).model
        .id;

      const download = await server.app.request(
        `/api/waste/models/${model}/policy?variant=RF:Input%2BPre&threshold=0.5`,
      );
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toMatch(
        /^attachment; filename="skip-policy-wm-\d+-RF-Input-Pre-0\.5\.json"$/,
      );
      const policy = parseSkipPolicy(await download.json());
      expect(policy).toMatchObject({
        variant: 'RF:Input+Pre',
        threshold: 0.5,
        evaluation: { freshness: 1, waste: 0 },
      });

      // Every graphlet of four pipelines: the detail's probability and the policy's score agree.
      let testSet = 0;
      for (const trace of traces.slice(0, 4)) {
        const list = await getJson<GraphletList>(server, `/api/traces/${trace.id}/graphlets`);
        for (const { trainer } of list.body.graphlets) {
          const detail = await getJson<
            GraphletDetail & { pushProbability: number; pushPrediction: GraphletPushPrediction }
          >(server, `/api/traces/${trace.id}/graphlets/${trainer}`);
          expect(detail.status).toBe(200);
          expect(detail.body.pushPrediction).toMatchObject({ model, variant: 'RF:Input+Pre' });
          if (detail.body.pushPrediction.testSet) testSet++;
          const scored = await post(server, '/api/waste/score', {
            policy,
            features: detail.body.features,
          });
          expect(scored.status).toBe(200);
          const score = (await scored.json()) as WasteScore;
          expect(score.probability).toBe(detail.body.pushProbability);
          const transformed = detail.body.graphlet.pushed;
          expect(score.decision).toBe(transformed ? 'run' : 'skip');
        }
      }
      expect(testSet).toBeGreaterThan(0);
    });
  });

  it('answers 400, 404 and 422 with the error shape', async () => {
    await withServer(async (server) => {
      const traces = await importCorpus(server);
      const expectError = async (
        response: Response | Promise<Response>,
        status: number,
        message: RegExp,
      ) => {
        const r = await response;
        const body = (await r.json()) as ErrorBody;
        expect({ status: r.status, message: body.error.message }).toMatchObject({
          status,
          message: expect.stringMatching(message),
        });
        return body;
      };
      await expectError(post(server, '/api/waste/train', { variant: 'RF:All' }), 400, /variant/);
      await expectError(
        post(server, '/api/waste/train', { variants: ['RF:Input'] }),
        400,
        /variants/,
      );
      await expectError(post(server, '/api/waste/train', { trees: 0 }), 400, /trees/);
      await expectError(
        post(server, '/api/waste/train', { traces: ['nope-1'] }),
        404,
        /no trace with id "nope-1"/,
      );
      const few = await expectError(
        post(server, '/api/waste/train', { traces: [traces[0]!.id] }),
        422,
        /too few graphlets to train and test: 6, need at least 10/,
      );
      expect(few.error.code).toBe('too_few_graphlets');

      await expectError(
        server.app.request('/api/waste/models/wm-999'),
        404,
        /no model with id "wm-999"/,
      );
      const { model } = await train(server, { variant: 'RF:Shape', trees: 2 });
      const op = (query: string) =>
        server.app.request(`/api/waste/models/${model}/operating-point?${query}`);
      await expectError(op('variant=RF:Shape&threshold=1.5'), 400, /threshold/);
      await expectError(op('variant=RF:Shape&threshold=abc'), 400, /threshold/);
      await expectError(op('variant=RF:Shape'), 400, /threshold/);
      await expectError(op('variant=RF:All&threshold=0.5'), 400, /variant/);
      await expectError(
        op('variant=RF:Input&threshold=0.5'),
        400,
        /has no variant RF:Input; it has RF:Shape/,
      );
      await expectError(
        server.app.request(`/api/waste/models/${model}/policy?variant=RF:Input&threshold=0.5`),
        400,
        /has no variant RF:Input/,
      );
      await expectError(
        server.app.request(
          '/api/waste/models/wm-999/operating-point?variant=RF:Shape&threshold=0.5',
        ),
        404,
        /no model/,
      );

      const policy = (await (
        await server.app.request(`/api/waste/models/${model}/policy?variant=RF:Shape&threshold=0.5`)
      ).json()) as Record<string, unknown>;
      const missing = await expectError(
        post(server, '/api/waste/score', { policy, features: { 'pre.count.ingestion': 1 } }),
        400,
        /features missing for the RF:Shape policy .*: pre\.count\.transform, pre\.count\.tuner, pre\.count\.other, trainer\.count$/,
      );
      expect(missing.error.details).toEqual({
        missing: ['pre.count.transform', 'pre.count.tuner', 'pre.count.other', 'trainer.count'],
      });
      await expectError(
        post(server, '/api/waste/score', {
          policy: { ...policy, variant: 'RF:Everything' },
          features: {},
        }),
        400,
        /invalid skip policy at variant/,
      );
      await expectError(post(server, '/api/waste/score', { features: {} }), 400, /policy/);
    });
  });

  it('lists the waste routes in the OpenAPI document', async () => {
    await withServer(async (server) => {
      const doc = (
        await getJson<{ paths: Record<string, Record<string, unknown>> }>(
          server,
          '/api/openapi.json',
        )
      ).body;
      const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(routes).toEqual(
        expect.arrayContaining([
          'POST /api/waste/train',
          'GET /api/waste/models',
          'GET /api/waste/models/{id}',
          'GET /api/waste/models/{id}/operating-point',
          'GET /api/waste/models/{id}/policy',
          'POST /api/waste/score',
        ]),
      );
    });
  });
});

describe('waste models in the store', () => {
  it('survive a restart', async () => {
    const dir = tempDataDir();
    try {
      let server = testServer(dir);
      await importCorpus(server, 4);
      const { model } = await train(server, { variant: 'RF:History', trees: 2 });
      const before = (await getJson<WasteModel>(server, `/api/waste/models/${model}`)).body;
      await server.close();
      server = testServer(dir);
      const after = await getJson<WasteModel>(server, `/api/waste/models/${model}`);
      expect(after.status).toBe(200);
      expect(after.body).toEqual(before);
      await server.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
