import type { ErrorBody, Job } from '@graphlet/contract';
import { transformPushesCorpus } from '@graphlet/waste/testing';
import { describe, expect, it } from 'vitest';
import { getJson, waitForJob, withServer } from '../test-support/test-server.ts';
import { importWasteCorpus, postJson, trainModel } from '../test-support/waste-corpus.ts';

describe('waste API errors', () => {
  it('answers 400, 404 and 422 with the error shape', async () => {
    await withServer(async (server) => {
      const traces = await importWasteCorpus(server);
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
      await expectError(
        postJson(server, '/api/waste/train', { variant: 'RF:All' }),
        400,
        /variant/,
      );
      await expectError(
        postJson(server, '/api/waste/train', { variants: ['RF:Input'] }),
        400,
        /variants/,
      );
      await expectError(postJson(server, '/api/waste/train', { trees: 0 }), 400, /trees/);
      await expectError(
        postJson(server, '/api/waste/train', { traces: ['nope-1'] }),
        404,
        /no trace with id "nope-1"/,
      );
      const few = await expectError(
        postJson(server, '/api/waste/train', { traces: [traces[0]!.id] }),
        422,
        /too few graphlets to train and test: 6, need at least 10/,
      );
      expect(few.error.code).toBe('too_few_graphlets');

      await expectError(
        server.app.request('/api/waste/models/wm-999'),
        404,
        /no model with id "wm-999"/,
      );
      const { model } = await trainModel(server, { variant: 'RF:Shape', trees: 2 });
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
        postJson(server, '/api/waste/score', { policy, features: { 'pre.count.ingestion': 1 } }),
        400,
        /features missing for the RF:Shape policy .*: pre\.count\.transform, pre\.count\.tuner, pre\.count\.other, trainer\.count$/,
      );
      expect(missing.error.details).toEqual({
        missing: ['pre.count.transform', 'pre.count.tuner', 'pre.count.other', 'trainer.count'],
      });
      await expectError(
        postJson(server, '/api/waste/score', {
          policy: { ...policy, variant: 'RF:Everything' },
          features: {},
        }),
        400,
        /invalid skip policy at variant/,
      );
      await expectError(postJson(server, '/api/waste/score', { features: {} }), 400, /policy/);
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

describe('waste training that cannot split', () => {
  it('fails the job with one_class when a side of the split lacks a class', async () => {
    await withServer(async (server) => {
      // Two pipelines, one all pushed, one all unpushed: the pre-check passes, the split cannot.
      const traces = transformPushesCorpus(2, 6).map((t, p) => ({
        ...t,
        artifacts: t.artifacts.map((a) =>
          a.customProperties.pushed === undefined
            ? a
            : { ...a, customProperties: { pushed: p === 0 ? 1 : 0 } },
        ),
      }));
      await importWasteCorpus(server, traces);
      const response = await postJson(server, '/api/waste/train', { trees: 2 });
      expect(response.status).toBe(202);
      const { job } = (await response.json()) as { job: Job };
      const failed = await waitForJob(server, job.id);
      expect(failed).toMatchObject({ state: 'failed', error: { code: 'one_class' } });
      expect(failed.error?.message).toMatch(
        /^waste: the (training|test) set \(6 graphlets, [06] pushed\) lacks a class/,
      );
      expect(
        (await getJson<{ models: unknown[] }>(server, '/api/waste/models')).body.models,
      ).toEqual([]);
    });
  });
});

describe('waste training too large for the memory setting', () => {
  it('answers 422 too_large at once, naming the figure it would need', async () => {
    await withServer(
      async (server) => {
        await importWasteCorpus(server);
        const response = await postJson(server, '/api/waste/train', { trees: 2 });
        expect(response.status).toBe(422);
        const body = (await response.json()) as ErrorBody;
        expect(body.error.code).toBe('too_large');
        expect(body.error.message).toMatch(
          /^waste: this corpus needs about \d+ MB \(table \d+ MB, training \d+ MB, forests \d+ MB, process \d+ MB\), more than the 100 MB of the server setting WASTE_MAX_MEMORY;/,
        );
        const models = await getJson<{ models: unknown[] }>(server, '/api/waste/models');
        expect(models.body.models).toEqual([]);
      },
      { wasteMaxMemory: '100M' },
    );
  });
});
