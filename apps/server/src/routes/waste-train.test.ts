import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type {
  GraphletDetail,
  GraphletList,
  GraphletPushPrediction,
  Job,
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
import { parseSkipPolicy } from '@graphlet/waste';
import { transformPushesCorpus } from '@graphlet/waste/testing';
import { describe, expect, it } from 'vitest';
import { STORE_FILE } from '../store/open-database.ts';
import { jobEvents } from '../test-support/event-stream.ts';
import {
  getJson,
  testServer,
  waitForJob,
  withDataDir,
  withServer,
} from '../test-support/test-server.ts';
import { importWasteCorpus, postJson, trainModel } from '../test-support/waste-corpus.ts';

const conforms = (schema: { safeParse: (x: unknown) => { success: boolean } }, body: unknown) =>
  expect(schema.safeParse(body).success).toBe(true);

describe('waste API', () => {
  it('trains the main variants, lists the model, answers Table 3 rows, curves and operating points', async () => {
    await withServer(async (server, dataDir) => {
      await importWasteCorpus(server);
      const { job, model } = await trainModel(server, { trees: 5, seed: 1 });
      expect(job.kind).toBe('waste-train');
      expect(job.progress).toMatchObject({
        stage: 'done',
        variantCount: 4,
        variantIndex: 4,
        treesTotal: 5,
        treesDone: 5,
        tracesTotal: 12,
        tracesDone: 12,
        rows: 72,
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

      // Each variant's forest is a blob of its own, not part of the model's JSON (read from the
      // SQLite file; store.test.ts keeps forests apart on both stores).
      if (process.env.TEST_STORE !== 'postgres') {
        const store = new DatabaseSync(join(dataDir, STORE_FILE), { readOnly: true });
        try {
          const blobs = store
            .prepare(
              'SELECT variant, length(forest) AS bytes FROM waste_model_forests WHERE model_id = ?',
            )
            .all(model) as { variant: string; bytes: number }[];
          expect(blobs.map((b) => b.variant).sort()).toEqual(
            [...list.body.models[0]!.variants].sort(),
          );
          for (const b of blobs) expect(b.bytes).toBeGreaterThan(100);
          const row = store
            .prepare('SELECT variants FROM waste_models WHERE id = ?')
            .get(model) as {
            variants: string;
          };
          expect(row.variants).not.toMatch(/"forest"/);
        } finally {
          store.close();
        }
      }

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
      const op = await getJson<WasteOperatingPoint>(
        server,
        `/api/waste/models/${model}/operating-point?variant=RF%3AInput%2BPre&threshold=0.5`,
      );
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
      const traces = await importWasteCorpus(server);
      const before = await getJson<GraphletDetail>(
        server,
        `/api/traces/${traces[0]!.id}/graphlets/3`,
      );
      expect(before.status).toBe(200);
      expect(before.body).not.toHaveProperty('pushProbability');
      const response = await postJson(server, '/api/waste/train', {
        variant: 'RF:Input+Pre',
        trees: 4,
      });
      const { job } = (await response.json()) as { job: Job };
      const progress = (await jobEvents(server, job.id)).map((e) => e.progress);
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
          const scored = await postJson(server, '/api/waste/score', {
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
});

describe('the training job on a larger corpus', () => {
  it('reads the stored traces a few at a time, never the whole corpus, and reports each step', async () => {
    await withServer(async (server) => {
      await importWasteCorpus(server, transformPushesCorpus(48, 4));
      const response = await postJson(server, '/api/waste/train', {
        variant: 'RF:Shape',
        trees: 3,
      });
      const { job } = (await response.json()) as { job: Job };
      const progress = (await jobEvents(server, job.id)).map((e) => e.progress);
      const features = progress.filter((p) => p.stage === 'features');
      // The stream opens on the job as it stands, so its first step may be a trace or two in.
      expect(features[0]).toMatchObject({ tracesTotal: 48 });
      expect(Number(features[0]!.tracesDone)).toBeLessThan(48);
      const done = features.map((p) => Number(p.tracesDone));
      expect(done).toEqual([...done].sort((a, b) => a - b));
      for (const p of features) expect(p.rows).toBe(Number(p.tracesDone) * 4);
      expect(features.at(-1)).toMatchObject({ tracesDone: 48, rows: 48 * 4 });
      // Two feature workers, each at most four traces ahead of the table (48 stored).
      const held = Number(features.at(-1)!.tracesInFlightMax);
      expect(held).toBeGreaterThanOrEqual(1);
      expect(held).toBeLessThanOrEqual(8);
      const trees = progress.filter((p) => p.stage === 'training').map((p) => p.treesDone);
      expect(trees).toEqual(expect.arrayContaining([0, 1, 2, 3]));
      expect(progress.at(-1)).toMatchObject({ stage: 'done', tracesInFlightMax: held });
      expect(await waitForJob(server, job.id)).toMatchObject({ state: 'done' });
    });
  });
});

describe('waste models in the store', () => {
  it('survive a restart', async () => {
    await withDataDir(async (dir) => {
      let server = testServer(dir);
      await importWasteCorpus(server, transformPushesCorpus(4, 6));
      const { model } = await trainModel(server, { variant: 'RF:History', trees: 2 });
      const before = (await getJson<WasteModel>(server, `/api/waste/models/${model}`)).body;
      await server.close();
      server = testServer(dir);
      const after = await getJson<WasteModel>(server, `/api/waste/models/${model}`);
      expect(after.status).toBe(200);
      expect(after.body).toEqual(before);
      await server.close();
    });
  });
});
